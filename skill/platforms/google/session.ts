/**
 * The conversation's SessionState rides in a Dialogflow output context, the way Alexa carries it in
 * sessionAttributes. Whatever comes back is client input: it is parsed and validated, and dropped whole
 * when it does not have the expected shape.
 */
import type { SessionState } from '../../core/turn';
import { SESSION_LIMITS, checkSerializedSessionState, sessionStateFits } from '../request-limits';
import { readSessionState as readState } from '../session-state';
import type { DialogflowContext } from './webhook-request';

export const SESSION_CONTEXT = 'vocart-session';
/** Parameter of the context that holds the state, as a JSON string so Dialogflow cannot merge intent parameters into it. */
const STATE_PARAMETER = 'state';
/**
 * Turns the context survives without a webhook answer. Every vocart intent calls the webhook, which sets
 * the context again; the margin covers intents answered by the agent alone (small talk). Dialogflow also
 * expires contexts after 20 idle minutes, which ends the conversation context naturally.
 */
export const SESSION_CONTEXT_LIFESPAN = 10;
/** The state travels on every request: the limits it must keep are shared with Alexa (request-limits.ts). */
const MAX_STATE_CHARS = SESSION_LIMITS.maxChars;

/** The last path segment of a context name: `projects/p/agent/sessions/s/contexts/vocart-session` → `vocart-session`. */
export function contextId(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

export function findSessionContext(contexts: DialogflowContext[]): DialogflowContext | undefined {
  // Dialogflow lowercases context ids; a lifespan of 0 means the context was just cleared.
  return contexts.find((context) => contextId(context.name).toLowerCase() === SESSION_CONTEXT && context.lifespanCount !== 0);
}

/**
 * Throws RequestLimitError (a 400) when the session context's state is over the size or depth limit. Runs on the
 * parsed request before anything else reads the state; malformed state within the limits is left to
 * readSessionState, which drops it.
 */
export function checkSessionStateLimits(contexts: DialogflowContext[]): void {
  const serialized = findSessionContext(contexts)?.parameters?.[STATE_PARAMETER];
  if (typeof serialized === 'string') checkSerializedSessionState(serialized);
}

/** The state from the context, or undefined when the context is absent, malformed or oversized. */
export function readSessionState(context: DialogflowContext | undefined): SessionState | undefined {
  const serialized = context?.parameters?.[STATE_PARAMETER];
  if (typeof serialized !== 'string' || serialized.length > MAX_STATE_CHARS) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(serialized);
  } catch {
    return undefined;
  }
  // The same schema and limits as Alexa's sessionAttributes (../session-state.ts).
  return readState(json);
}

export interface OutputContext {
  name: string;
  lifespanCount: number;
  parameters?: Record<string, string>;
}

/**
 * The output context that carries `state` to the next turn, or clears it (lifespan 0) when the
 * conversation ends. Oversized state is replaced by an empty one rather than sent back.
 */
export function sessionOutputContext(session: string, state: SessionState | null): OutputContext {
  const name = `${session}/contexts/${SESSION_CONTEXT}`;
  if (state === null) return { name, lifespanCount: 0 };
  // Measured without recursion first: state over the limits is not serialised at all.
  const serialized = sessionStateFits(state) ? JSON.stringify(state) : '{}';
  return {
    name,
    lifespanCount: SESSION_CONTEXT_LIFESPAN,
    parameters: { [STATE_PARAMETER]: serialized.length <= MAX_STATE_CHARS ? serialized : '{}' },
  };
}
