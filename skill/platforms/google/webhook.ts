/**
 * The HTTP edge of the Dialogflow webhook, independent of the host: the express route and the Lambda
 * handler run the same checks in the same order (secret, content type, size, JSON, nesting, shape, session
 * limits) and answer the same errors, as `{ "error": { "code", "message" } }` (skill/platforms/http-errors.ts)
 * with a plain, fixed reason and no stack trace.
 */
import { secretMatches } from '../../secret-match';
import { BadRequestError } from '../../core/errors';
import type { ConversationCore } from '../../core/conversation/core';
import type { Log } from '../../core/ports';
import { HttpRefusal, errorBody, type RefusalCode } from '../http-errors';
import { MAX_BODY_BYTES as SHARED_MAX_BODY_BYTES, RequestLimitError, checkBodyDepth } from '../request-limits';
import { GoogleFulfillment } from './fulfillment';
import { checkSessionStateLimits } from './session';
import { parseWebhookRequest, type ParseOptions } from './webhook-request';

/**
 * The header that carries the shared secret. Configure it in the Dialogflow ES console under
 * Fulfillment → Webhook → Headers (key `x-vocart-webhook-secret`, value = GOOGLE_WEBHOOK_SECRET).
 */
export const SECRET_HEADER = 'x-vocart-webhook-secret';
/** Dialogflow's requests are a few kilobytes; anything near this is not a webhook call. */
export const MAX_BODY_BYTES = SHARED_MAX_BODY_BYTES;

export type HeaderValue = string | string[] | undefined;
export type Headers = Readonly<Record<string, HeaderValue>>;

export interface HttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * A refusal at the HTTP edge: the shared HttpRefusal under the name the Lambda host already uses. The status
 * follows the code (the first argument is kept for the callers that pass it); `message`, when given, must be a
 * sentence written in our code, never an error's message or request data.
 */
export class WebhookHttpError extends HttpRefusal {
  constructor(_statusCode: number, code: RefusalCode, message?: string, options?: { cause?: unknown }) {
    super(code, { ...(message === undefined ? {} : { reason: message }), ...(options?.cause === undefined ? {} : { cause: options.cause }) });
    this.name = 'WebhookHttpError';
  }

  get statusCode(): number {
    return this.status;
  }
}

/** What the webhook needs from the app (App from skill/app satisfies it). */
export interface GoogleWebhookDeps {
  core: ConversationCore;
  config: { GOOGLE_WEBHOOK_SECRET?: string | undefined; GOOGLE_TRUST_PAYLOAD_USER_ID?: boolean | undefined };
  log: Log;
}

const JSON_HEADERS = { 'content-type': 'application/json; charset=utf-8' };

export function jsonResult(statusCode: number, body: unknown): HttpResult {
  return { statusCode, headers: { ...JSON_HEADERS }, body: JSON.stringify(body) };
}

export function errorResult(error: HttpRefusal): HttpResult {
  return jsonResult(error.status, errorBody(error));
}

/** Header lookup that tolerates any case (Node lowercases; Lambda events do too, API Gateway v1 does not). */
export function headerValue(headers: Headers, name: string): HeaderValue {
  if (name in headers) return headers[name];
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

/** 401 unless the secret header matches, when a secret is configured; no secret configured means no check. */
export function verifySecret(headers: Headers, expected: string | undefined): void {
  if (!expected) return;
  const presented = headerValue(headers, SECRET_HEADER);
  if (typeof presented !== 'string' || presented.length === 0) {
    throw new WebhookHttpError(401, 'unauthorized', `The ${SECRET_HEADER} header is missing.`);
  }
  if (!secretMatches(presented, expected)) {
    throw new WebhookHttpError(401, 'unauthorized', `The ${SECRET_HEADER} header does not match.`);
  }
}

/** 415 unless the body is declared as JSON (`application/json`, any charset parameter). */
export function verifyContentType(headers: Headers): void {
  const value = headerValue(headers, 'content-type');
  const type = (Array.isArray(value) ? value[0] : value)?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/json') {
    throw new WebhookHttpError(415, 'unsupported_media_type', 'Send the request body with Content-Type application/json.');
  }
}

export function verifySize(bytes: number): void {
  if (bytes > MAX_BODY_BYTES) {
    throw new WebhookHttpError(413, 'payload_too_large');
  }
}

/**
 * 400 for a body that is not JSON, nested too deeply, not a WebhookRequest, or carrying session state over the
 * limits; the parser's message and position are kept as the cause only. The nesting is measured before the schema
 * (a recursive validator) sees the body.
 */
export function parseBody(raw: Buffer, options: ParseOptions = {}): ReturnType<typeof parseWebhookRequest> {
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new WebhookHttpError(400, 'invalid_json', 'The body is not valid JSON.', { cause: error });
  }
  try {
    checkBodyDepth(json);
    const request = parseWebhookRequest(json, options);
    checkSessionStateLimits(request.queryResult.outputContexts);
    return request;
  } catch (error) {
    if (error instanceof RequestLimitError) throw new WebhookHttpError(400, error.code, error.message, { cause: error });
    if (error instanceof BadRequestError) throw new WebhookHttpError(400, 'invalid_request', error.message, { cause: error });
    throw error;
  }
}

/**
 * The whole webhook for hosts that have the raw body in hand (Lambda, tests). Express splits the same
 * steps over middleware so that it can refuse before reading an unauthorised or oversized body.
 */
export class GoogleWebhook {
  readonly fulfillment: GoogleFulfillment;

  constructor(private readonly deps: GoogleWebhookDeps) {
    this.fulfillment = new GoogleFulfillment(deps.core, deps.log);
  }

  /** Runs the checks that need only the headers. */
  checkHeaders(headers: Headers): void {
    verifySecret(headers, this.deps.config.GOOGLE_WEBHOOK_SECRET);
    verifyContentType(headers);
  }

  /** Parses and answers a body that passed the header checks. */
  async answer(raw: Buffer): Promise<HttpResult> {
    try {
      verifySize(raw.byteLength);
      const request = parseBody(raw, { trustPayloadUserId: this.deps.config.GOOGLE_TRUST_PAYLOAD_USER_ID === true });
      return jsonResult(200, await this.fulfillment.fulfill(request));
    } catch (error) {
      return this.refusal(error);
    }
  }

  async handle(headers: Headers, raw: Buffer): Promise<HttpResult> {
    try {
      this.checkHeaders(headers);
    } catch (error) {
      return this.refusal(error);
    }
    return this.answer(raw);
  }

  /** Maps any failure to a JSON error; an unexpected one is logged by name and answered 500 without details. */
  refusal(error: unknown): HttpResult {
    if (error instanceof HttpRefusal) {
      this.deps.log.warn('google webhook refused a request', { status: error.status, code: error.code });
      return errorResult(error);
    }
    this.deps.log.error('google webhook failed', { error: error instanceof Error ? error.name : typeof error });
    return errorResult(new WebhookHttpError(500, 'internal_error', 'The webhook could not process the request.'));
  }
}
