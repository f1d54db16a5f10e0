/**
 * The inbox on the local express server: /api/* through the host-neutral router (body read raw, so a help desk's
 * webhook can check its signature over the exact bytes), and the inbox page from lambda/console/public.
 */
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorResponse } from './api-error';
import type { ApiRequest, ApiResponse } from './http';
import { MAX_BODY_BYTES } from './input';
import { INBOX_PAGE_FILES, inboxPageResponse } from './page';
import type { ApiHandler } from './router';

const PUBLIC_DIR = fileURLToPath(new URL('../console/public/', import.meta.url));

function toApiRequest(req: Request): ApiRequest {
  const url = req.originalUrl;
  const queryAt = url.indexOf('?');
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  return {
    method: req.method,
    path: queryAt < 0 ? url : url.slice(0, queryAt),
    query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
    headers,
    rawBody: Buffer.isBuffer(req.body) ? req.body.toString('utf8') : '',
  };
}

export function sendApiResponse(res: Response, response: ApiResponse): void {
  res.status(response.status).set(response.headers ?? {});
  if (response.body === undefined) res.end();
  else if (response.headers?.['content-type']) res.send(String(response.body));
  else res.json(response.body);
}

/** The /api router: mount it at /api. */
export function inboxApiRouter(api: ApiHandler): Router {
  const router = express.Router();
  // Any media type: the router itself says which it accepts, with a reason, after the bearer check.
  router.use(express.raw({ type: () => true, limit: MAX_BODY_BYTES }));
  router.use(async (req, res, next) => {
    try {
      sendApiResponse(res, await api(toApiRequest(req)));
    } catch (error) {
      next(error);
    }
  });
  const bodyErrors: ErrorRequestHandler = (error: { type?: unknown; status?: unknown }, _req, res, next) => {
    if (res.headersSent || typeof error.status !== 'number' || error.status >= 500) return next(error);
    const tooLarge = error.type === 'entity.too.large';
    sendApiResponse(
      res,
      errorResponse(error.status, tooLarge ? 'payload_too_large' : 'bad_request', tooLarge ? `The body is larger than ${MAX_BODY_BYTES / 1024} KB.` : 'The body could not be read.'),
    );
  };
  router.use(bodyErrors);
  return router;
}

/** The page's three files, read from disk on each request (local only: an edit shows on reload). */
export function inboxPageRouter(): Router {
  const router = express.Router();
  router.get(Object.keys(INBOX_PAGE_FILES), (req, res) => {
    sendApiResponse(res, inboxPageResponse(req.path, (file) => readFileSync(`${PUBLIC_DIR}${file}`, 'utf8'))!);
  });
  return router;
}
