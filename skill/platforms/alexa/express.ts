import type { ErrorRequestHandler, Request, RequestHandler, Response } from 'express';
import express from 'express';
import type { ConversationCore } from '../../core/conversation/core';
import { BadRequestError } from '../../core/errors';
import type { Catalog, Log } from '../../core/ports';
import { parseAlexaEnvelope } from './envelope';
import { createAlexaSkill } from './skill';
import { AlexaRequestVerifier, RequestVerificationError } from './verification';

export const MAX_ALEXA_BODY_BYTES = 256 * 1024;

/** What the express host needs from the composition root (skill/app.ts's App satisfies it). */
export interface AlexaHostDeps {
  core: ConversationCore;
  config: { ALEXA_SKILL_ID?: string | undefined; ALEXA_VERIFY_SIGNATURE: boolean };
  log: Log;
  /** Product names for reminders that arrive through skill messaging. */
  catalog?: Pick<Catalog, 'get'>;
}

function sendError(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

/** JSON only. A body-less POST is a bad request rather than a wrong media type. */
const requireJson: RequestHandler = (req, res, next) => {
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || Number(length) === 0)) {
    sendError(res, 400, 'empty_body', 'The request has no body; send an Alexa request envelope as JSON.');
    return;
  }
  if (!req.is(['application/json', '+json'])) {
    sendError(res, 415, 'unsupported_media_type', 'Send the Alexa request as application/json.');
    return;
  }
  next();
};

// Kept as text: the signature covers the body byte for byte, so it must be verified before any JSON parsing.
const readRawBody = express.text({ type: () => true, limit: MAX_ALEXA_BODY_BYTES });

const bodyErrors: ErrorRequestHandler = (error: { type?: string }, _req, res, _next) => {
  switch (error.type) {
    case 'entity.too.large':
      sendError(res, 413, 'payload_too_large', `The request body is larger than ${MAX_ALEXA_BODY_BYTES / 1024} KB.`);
      return;
    case 'charset.unsupported':
    case 'encoding.unsupported':
      sendError(res, 415, 'unsupported_encoding', 'Send the body as uncompressed UTF-8 JSON.');
      return;
    default:
      sendError(res, 400, 'unreadable_body', 'The request body could not be read.');
  }
};

class InvalidJsonError extends BadRequestError {}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new InvalidJsonError(`The body is not valid JSON (${error instanceof Error ? error.message : 'parse error'}).`, {
      cause: error,
    });
  }
}

/**
 * The handlers for `app.post('/alexa', ...)`: they own body parsing for the route (JSON, 256 KB), verify
 * Alexa's signature and timestamp unless ALEXA_VERIFY_SIGNATURE=false, and answer every refusal as
 * `{ error: { code, message } }` with a 4xx status.
 */
export function alexaExpressHandlers(deps: AlexaHostDeps): Array<RequestHandler | ErrorRequestHandler> {
  const skill = createAlexaSkill(deps);
  const verify = deps.config.ALEXA_VERIFY_SIGNATURE;
  const verifier = new AlexaRequestVerifier(skill, verify, verify);
  const skillId = deps.config.ALEXA_SKILL_ID;

  const answer: RequestHandler = async (req: Request, res: Response) => {
    if (typeof req.body !== 'string') {
      // Another JSON parser ran first and the raw body needed for the signature is gone.
      deps.log.error('alexa: body already parsed before the Alexa handlers; mount no body parser on this route');
      sendError(res, 500, 'misconfigured', 'The server cannot read this request.');
      return;
    }
    try {
      const body = parseJson(req.body);
      await verifier.verify(req.body, req.headers);
      const envelope = parseAlexaEnvelope(body);
      if (skillId && envelope.context.System.application.applicationId !== skillId) {
        sendError(res, 400, 'wrong_skill', 'The request is addressed to a different skill.');
        return;
      }
      res.json(await skill.invoke(envelope));
    } catch (error) {
      if (error instanceof InvalidJsonError) {
        sendError(res, 400, 'invalid_json', error.message);
      } else if (error instanceof BadRequestError) {
        sendError(res, 400, 'invalid_request', error.message);
      } else if (error instanceof RequestVerificationError) {
        deps.log.warn('alexa: request verification failed', { reason: error.message });
        sendError(res, 400, 'verification_failed', `Request verification failed: ${error.message}`);
      } else {
        deps.log.error('alexa: dispatch failed', { errorName: error instanceof Error ? error.name : typeof error });
        sendError(res, 500, 'internal', 'The skill could not answer this request.');
      }
    }
  };

  return [requireJson, readRawBody, bodyErrors, answer];
}
