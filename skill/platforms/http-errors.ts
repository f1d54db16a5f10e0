/**
 * The one error body of both webhook routes: `{ "error": { "code", "message" } }`. Every refusal a caller can
 * get is listed here with its status and a plain, fixed reason, so a body never carries an exception message,
 * a parser position or a stack trace: whatever went wrong inside stays in the `cause` (for logs by name only).
 * Both platform adapters import this module; they never import each other.
 */

export interface ErrorBody {
  error: { code: string; message: string };
}

const REFUSALS = {
  empty_body: [400, 'The request has no body; send the request as JSON.'],
  unreadable_body: [400, 'The request body could not be read.'],
  invalid_json: [400, 'The body is not valid JSON.'],
  invalid_request: [400, 'The body is not a request this endpoint understands.'],
  too_deeply_nested: [400, 'The body is nested too deeply.'],
  session_too_large: [400, 'The session state is larger than the limit.'],
  session_too_deep: [400, 'The session state is nested deeper than the limit.'],
  wrong_skill: [400, 'The request is addressed to a different skill.'],
  verification_failed: [400, 'The request could not be verified as coming from Alexa.'],
  unauthorized: [401, 'The request is not authorised.'],
  not_found: [404, 'There is no such route.'],
  method_not_allowed: [405, 'This route accepts POST only.'],
  payload_too_large: [413, 'The request body is larger than 256 KB.'],
  unsupported_media_type: [415, 'Send the request body as application/json.'],
  unsupported_encoding: [415, 'Send the body as UTF-8 JSON, uncompressed or gzip/deflate.'],
  misconfigured: [500, 'The server cannot read this request.'],
  internal_error: [500, 'The request could not be answered.'],
} as const satisfies Record<string, readonly [number, string]>;

export type RefusalCode = keyof typeof REFUSALS;

/**
 * A request refused at the HTTP edge. `reason` lets a caller pick a more precise sentence, but only one written
 * in our own code (a literal): never pass an error's message or anything taken from the request.
 */
export class HttpRefusal extends Error {
  readonly status: number;

  constructor(
    readonly code: RefusalCode,
    options: { reason?: string; cause?: unknown } = {},
  ) {
    super(options.reason ?? REFUSALS[code][1], options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpRefusal';
    this.status = REFUSALS[code][0];
  }
}

export function errorBody(refusal: HttpRefusal): ErrorBody {
  return { error: { code: refusal.code, message: refusal.message } };
}

/** The status and fixed reason of a code, for hosts that answer without throwing. */
export function refusalFor(code: RefusalCode): { status: number; body: ErrorBody } {
  const refusal = new HttpRefusal(code);
  return { status: refusal.status, body: errorBody(refusal) };
}
