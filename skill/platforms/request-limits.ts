/**
 * The limits on what a caller may send, one set for both platforms: the body's size and nesting, and the session
 * state that comes back on every turn (Alexa `session.attributes`, the Dialogflow `vocart-session` context's
 * `state`). The checks here run before anything recursive (schema validation, cloning, serialising) sees the value.
 */
import { BadRequestError } from '../core/errors';
import { exceededJsonLimit } from './json-measure';

/** Alexa's and Dialogflow's requests are a few kilobytes; anything near this is not a platform's request. */
export const MAX_BODY_BYTES = 256 * 1024;

/** Real requests nest about ten levels (APL user events a few more); far past that is an attack on the stack. */
export const MAX_BODY_DEPTH = 64;

/**
 * Session state is a handful of flat fields (last results, an offset, a miss counter, the last speech), so depth
 * 8 and 16 KB of JSON leave room for growth; the state travels on every request, so it must stay small.
 */
export const SESSION_LIMITS = { maxDepth: 8, maxChars: 16 * 1024 } as const;

/**
 * The shopper's own words in one slot or one utterance (Dialogflow's queryText): longer than anyone says in one
 * breath or types into one chat message, so a longer value is a forged request and is cut, not refused.
 */
export const MAX_SHOPPER_TEXT_CHARS = 200;

export type RequestLimitCode = 'too_deeply_nested' | 'session_too_large' | 'session_too_deep';

/** A request past one of the limits: a 400 with `code` as its stable error code. */
export class RequestLimitError extends BadRequestError {
  override name = 'RequestLimitError';
  constructor(
    readonly code: RequestLimitCode,
    message: string,
  ) {
    super(message);
  }
}

export function checkBodyDepth(body: unknown): void {
  if (exceededJsonLimit(body, { maxDepth: MAX_BODY_DEPTH }) === 'depth') {
    throw new RequestLimitError('too_deeply_nested', `The body is nested deeper than ${MAX_BODY_DEPTH} levels.`);
  }
}

function sessionRefusal(limit: 'depth' | 'size'): RequestLimitError {
  return limit === 'depth'
    ? new RequestLimitError('session_too_deep', `The session state is nested deeper than ${SESSION_LIMITS.maxDepth} levels.`)
    : new RequestLimitError('session_too_large', `The session state is larger than ${SESSION_LIMITS.maxChars / 1024} KB.`);
}

/** For state that arrives as a JSON value (Alexa session attributes). */
export function checkSessionState(state: unknown): void {
  const exceeded = exceededJsonLimit(state, SESSION_LIMITS);
  if (exceeded) throw sessionRefusal(exceeded);
}

/**
 * For state that arrives as JSON text (the Dialogflow context parameter): the length is checked before parsing.
 * Text that is not JSON is not a limit problem; the caller drops it as it drops any malformed state.
 */
export function checkSerializedSessionState(text: string): void {
  if (text.length > SESSION_LIMITS.maxChars) throw sessionRefusal('size');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  checkSessionState(value);
}

/** Whether state the adapter is about to send back keeps within the limits (oversized state is not sent). */
export function sessionStateFits(state: unknown): boolean {
  return exceededJsonLimit(state, SESSION_LIMITS) === undefined;
}
