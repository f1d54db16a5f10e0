/**
 * The Dialogflow webhook as an express 5 route: `app.post('/google', ...googleExpressHandlers(app))`.
 * The route owns its body parsing (do not mount a global JSON parser in front of it): headers are checked
 * before the body is read, the body is read raw with the size limit, and the shared webhook does the rest.
 */
import express, { type ErrorRequestHandler, type RequestHandler, type Response } from 'express';
import { GoogleWebhook, MAX_BODY_BYTES, WebhookHttpError, type GoogleWebhookDeps, type HttpResult } from './webhook';

function send(res: Response, result: HttpResult): void {
  res.status(result.statusCode).set(result.headers).send(result.body);
}

/** body-parser's failures (its `type` field) as the webhook's own errors, with the shared fixed reasons. */
function bodyReadError(error: { type?: unknown; status?: unknown }): WebhookHttpError {
  switch (error.type) {
    case 'entity.too.large':
      return new WebhookHttpError(413, 'payload_too_large', undefined, { cause: error });
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new WebhookHttpError(415, 'unsupported_encoding', undefined, { cause: error });
    default:
      return new WebhookHttpError(400, 'unreadable_body', undefined, { cause: error });
  }
}

/** The raw bytes of the body; if a JSON parser ran before this route anyway, its result is re-serialised. */
function rawBody(body: unknown): Buffer {
  if (Buffer.isBuffer(body)) return body;
  if (body === undefined || body === null) return Buffer.alloc(0);
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

export function googleExpressHandlers(app: GoogleWebhookDeps): RequestHandler[] {
  const webhook = new GoogleWebhook(app);

  const checkHeaders: RequestHandler = (req, res, next) => {
    try {
      webhook.checkHeaders(req.headers);
      next();
    } catch (error) {
      send(res, webhook.refusal(error));
    }
  };

  // Any content type: the header check above already insisted on JSON, and a mislabelled body fails as invalid JSON.
  const readBody = express.raw({ type: () => true, limit: MAX_BODY_BYTES });

  const answer: RequestHandler = async (req, res) => {
    send(res, await webhook.answer(rawBody(req.body)));
  };

  const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
    if (res.headersSent) return next(error);
    send(res, webhook.refusal(bodyReadError(typeof error === 'object' && error !== null ? error : {})));
  };

  // express runs a four-argument function in a route's stack only when an earlier step failed.
  return [checkHeaders, readBody, answer, bodyErrors as unknown as RequestHandler];
}
