/**
 * The local host: one express app serving both platforms over the same App the Lambdas use. Each platform route
 * owns its body parsing (Alexa needs the raw bytes for signature checks), so no global body parser is mounted.
 */
import express, { type ErrorRequestHandler, type Router } from 'express';
import type { Server } from 'node:http';
import type { App } from '../../skill/app';
import { alexaExpressHandlers } from '../../skill/platforms/alexa/express';
import { googleExpressHandlers } from '../../skill/platforms/google/express';
import { inboxApiRouter, inboxPageRouter } from '../inbox/express';
import type { ApiHandler } from '../inbox/router';

export interface ServerOptions {
  /**
   * The console (lambda/console), mounted at /console. Only the local host passes it: the Lambda hosts and the CDK
   * stack never serve it.
   */
  console?: Router;
  /**
   * The agent inbox's API (lambda/inbox/api.ts), mounted at /api with its page at /console/inbox. Every /api/
   * request needs the bearer token the API was made with.
   */
  inbox?: ApiHandler;
}

export function createServer(app: App, options: ServerOptions = {}): express.Express {
  const server = express();
  server.disable('x-powered-by');
  server.set('etag', false);

  // Readiness, not liveness: ok only while the table answers, so a load balancer stops sending shoppers to a
  // server that could only apologise. The store caches the answer briefly, so probes do not hammer the database.
  server.get('/health', async (_req, res) => {
    res.set('cache-control', 'no-store');
    if (await app.store.ping()) {
      res.json({ status: 'ok', table: app.config.TABLE_NAME });
      return;
    }
    res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
  });
  server.post('/alexa', ...alexaExpressHandlers(app));
  server.post('/google', ...googleExpressHandlers(app));
  if (options.inbox) {
    server.use('/api', inboxApiRouter(options.inbox));
    server.use(inboxPageRouter());
  }
  if (options.console) server.use('/console', options.console);

  server.use((_req, res) => {
    // A fixed sentence: the caller's path is not echoed back.
    const routes = `POST /alexa, POST /google${options.console ? ', GET /console' : ''}${options.inbox ? ', GET /console/inbox, /api/handoffs' : ''} or GET /health`;
    res.status(404).json({ error: { code: 'not_found', message: `No such route. Try ${routes}.` } });
  });

  // Last resort: whatever slipped through is logged by name only and answered without a stack trace.
  const lastResort: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    app.log.error('unhandled request error', { error: error instanceof Error ? error.name : typeof error });
    if (res.headersSent) return;
    const status = typeof (error as { status?: unknown }).status === 'number' ? (error as { status: number }).status : 500;
    const clientError = status >= 400 && status < 500;
    res.status(clientError ? status : 500).json({
      error: clientError ? { code: 'bad_request', message: 'The request could not be processed.' } : { code: 'internal_error', message: 'Something went wrong on our side.' },
    });
  };
  server.use(lastResort);
  return server;
}

/** Listens on the port (0 picks a free one) and resolves once the socket is bound. */
export function listen(server: express.Express, port: number, host = '127.0.0.1'): Promise<Server> {
  return new Promise((resolve, reject) => {
    const http = server.listen(port, host, () => resolve(http));
    http.once('error', reject);
  });
}
