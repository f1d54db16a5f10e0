import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import express from 'express';
import type { ConversationCore } from '../../core/conversation/core';
import { BadRequestError } from '../../core/errors';
import type { Catalog, Log } from '../../core/ports';
import { HttpRefusal, errorBody } from '../http-errors';
import { MAX_BODY_BYTES, RequestLimitError } from '../request-limits';
import { InvalidEnvelopeError, parseAlexaEnvelope } from './envelope';
import { createAlexaSkill } from './skill';
import { AlexaRequestVerifier, RequestVerificationError } from './verification';
import type { CertificateCache } from './certificate-cache';

export const MAX_ALEXA_BODY_BYTES = MAX_BODY_BYTES;

/** What the express host needs from the composition root (skill/app.ts's App satisfies it). */
export interface AlexaHostDeps {
  core: ConversationCore;
  config: { ALEXA_SKILL_ID?: string | undefined; ALEXA_VERIFY_SIGNATURE: boolean };
  log: Log;
  /** Product names for reminders that arrive through skill messaging. */
  catalog?: Pick<Catalog, 'get'>;
  /** Where signing certificates come from; tests hand in one that downloads from a local server. */
  certificates?: CertificateCache;
}

function refuse(res: Response, refusal: HttpRefusal): void {
  res.status(refusal.status).json(errorBody(refusal));
}

/** JSON only. A body-less POST is a bad request rather than a wrong media type. */
const requireJson: RequestHandler = (req, res, next) => {
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || Number(length) === 0)) {
    refuse(res, new HttpRefusal('empty_body', { reason: 'The request has no body; send an Alexa request envelope as JSON.' }));
    return;
  }
  if (!req.is(['application/json', '+json'])) {
    refuse(res, new HttpRefusal('unsupported_media_type', { reason: 'Send the Alexa request as application/json.' }));
    return;
  }
  next();
};

// Kept as text: the signature covers the body byte for byte, so it must be verified before any JSON parsing.
const readRawBody = express.text({ type: () => true, limit: MAX_ALEXA_BODY_BYTES });

const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, _next) => {
  switch (error.type) {
    case 'entity.too.large':
      refuse(res, new HttpRefusal('payload_too_large', { cause: error }));
      return;
    case 'charset.unsupported':
    case 'encoding.unsupported':
      refuse(res, new HttpRefusal('unsupported_encoding', { reason: 'Send the body as uncompressed UTF-8 JSON.', cause: error }));
      return;
    default:
      refuse(res, new HttpRefusal('unreadable_body', { cause: error }));
  }
};

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    // The parser's message (with its position) stays in the cause; the caller hears the plain reason.
    throw new HttpRefusal('invalid_json', { cause: error });
  }
}

/**
 * The refusal for a failed check. Only reasons written in this code base reach the caller: our own typed errors
 * carry fixed sentences; anything else gets the code's fixed reason.
 */
function refusalFor(error: unknown): HttpRefusal {
  if (error instanceof HttpRefusal) return error;
  if (error instanceof RequestLimitError) return new HttpRefusal(error.code, { reason: error.message, cause: error });
  if (error instanceof InvalidEnvelopeError) return new HttpRefusal('invalid_request', { reason: error.message, cause: error });
  if (error instanceof BadRequestError) return new HttpRefusal('invalid_request', { cause: error });
  if (error instanceof RequestVerificationError) return new HttpRefusal('verification_failed', { reason: error.message, cause: error });
  return new HttpRefusal('internal_error', { reason: 'The skill could not answer this request.', cause: error });
}

/**
 * The handlers for `app.post('/alexa', ...)`: they own body parsing for the route (JSON, 256 KB) and run the
 * checks cheapest first (JSON, nesting, envelope shape and session limits, skill id, timestamp; then the signature,
 * the only one that may touch the network), answering every refusal as `{ error: { code, message } }`.
 * ALEXA_VERIFY_SIGNATURE=false switches off the signature and the timestamp check (see the README).
 */
export function alexaExpressHandlers(deps: AlexaHostDeps): Array<RequestHandler | ErrorRequestHandler> {
  const skill = createAlexaSkill(deps);
  const verify = deps.config.ALEXA_VERIFY_SIGNATURE;
  const verifier = new AlexaRequestVerifier({
    verifySignature: verify,
    verifyTimestamp: verify,
    ...(deps.certificates ? { certificates: deps.certificates } : {}),
  });
  const skillId = deps.config.ALEXA_SKILL_ID;

  const answer: RequestHandler = async (req: Request, res: Response) => {
    if (typeof req.body !== 'string') {
      // Another JSON parser ran first and the raw body needed for the signature is gone.
      deps.log.error('alexa: body already parsed before the Alexa handlers; mount no body parser on this route');
      refuse(res, new HttpRefusal('misconfigured'));
      return;
    }
    let envelope;
    try {
      envelope = parseAlexaEnvelope(parseJson(req.body));
      if (skillId && envelope.context.System.application.applicationId !== skillId) throw new HttpRefusal('wrong_skill');
      verifier.checkTimestamp(envelope);
      await verifier.checkSignature(req.body, req.headers);
    } catch (error) {
      const refusal = refusalFor(error);
      if (refusal.status >= 500) deps.log.error('alexa: request check failed', { errorName: error instanceof Error ? error.name : typeof error });
      else deps.log.warn('alexa: request refused', { code: refusal.code, ...(error instanceof RequestVerificationError ? { failure: error.failure } : {}) });
      refuse(res, refusal);
      return;
    }
    try {
      res.json(await skill.invoke(envelope));
    } catch (error) {
      deps.log.error('alexa: dispatch failed', { errorName: error instanceof Error ? error.name : typeof error });
      refuse(res, refusalFor(error));
    }
  };

  return [requireJson, readRawBody, bodyErrors, answer];
}
