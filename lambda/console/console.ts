/**
 * The vocart console: a local web page to talk to the shop as a shopper on Alexa or Dialogflow, and its JSON API.
 * Mounted at /console by the local server only (lambda/local/start.ts); no Lambda or CDK stack serves it.
 *
 *   GET  /console                               the page (static HTML, one ES module, CSS)
 *   POST /console/api/conversations             {platform, locale, screen, linked, returning, launch} → conversation (+ launch turn)
 *   POST /console/api/conversations/:id/turns   {say} or {launch: true} → the turn
 *   GET  /console/api/conversations/:id/script  the conversation as a script (download)
 *   GET  /console/api/state?shopper=…|conversation=…  the shopper's stored state
 *   POST /console/api/reset                     reset the demo data
 *   POST /console/api/link-code                 a one-time link code for the demo customer (the shop's account page)
 */
import express, { type ErrorRequestHandler, type Request, type Response, type Router } from 'express';
import { fileURLToPath } from 'node:url';
import type { App } from '../../skill/app';
import type { DemoCustomer } from '../../skill/store/seed';
import { issueLinkCode } from '../../skill/store/link-code-issue';
import { DEMO_CUSTOMERS, resetDemoData } from '../local/demo-data';
import { ApiInputError, conversationId, newConversationInput, parseInput, stateQuery, turnInput } from './api-input';
import { ConversationStore, type HeldConversation } from './conversations';
import { CONSOLE_PAGE_HEADERS } from './page-headers';
import { scriptFromTurns } from './script';
import { readShopperState } from './shopper-state';
import { Simulator, type UnderstandingSource } from './simulator/simulator';
import { LOCALES } from './simulator/types';

export const PUBLIC_DIR = fileURLToPath(new URL('./public/', import.meta.url));
const MAX_API_BODY = '16kb';

export interface ConsoleDeps {
  app: App;
  demo: Pick<DemoCustomer, 'customerId' | 'accessToken'>;
  understanding: UnderstandingSource;
  /** Train both locales' understanding now, in the background, so the first typed turn does not wait for it. */
  warmUp?: boolean;
}

/** A failure the console can name to its user: the status and a fixed sentence. */
export class ConsoleApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConsoleApiError';
  }
}

/** A linked shopper is the demo account of the conversation's shop: the German one has a euro history. */
function shopperOf(held: HeldConversation, demoCustomerId: string): string {
  if (!held.options.linked) return held.simulated.unlinkedCustomerId;
  return held.options.locale === 'en-US' ? demoCustomerId : DEMO_CUSTOMERS[held.options.locale].customerId;
}

export function createConsole(deps: ConsoleDeps): Router {
  const { app, demo } = deps;
  const simulator = new Simulator({ app, understanding: deps.understanding, demoAccessToken: demo.accessToken, demoAccessTokens: { 'de-DE': DEMO_CUSTOMERS['de-DE'].accessToken } });
  const conversations = new ConversationStore(simulator);
  if (deps.warmUp) {
    for (const locale of LOCALES) {
      simulator.understandingFor(locale).catch((error: unknown) => app.log.warn('console: understanding could not start', { locale, error: error instanceof Error ? error.name : typeof error }));
    }
  }
  const router = express.Router();
  const json = express.json({ limit: MAX_API_BODY, strict: true });

  const conversationFor = (req: Request): HeldConversation => {
    const id = parseInput(conversationId, req.params.id);
    const held = conversations.get(id);
    if (!held) throw new ConsoleApiError(404, 'unknown_conversation', 'No such conversation (the server may have restarted): start a new one.');
    return held;
  };

  const understandingFailed = (error: unknown): never => {
    throw new ConsoleApiError(503, 'understanding_unavailable', 'Offline language understanding could not start; see the server log.', { cause: error });
  };

  router.use((_req, res, next) => {
    res.set(CONSOLE_PAGE_HEADERS);
    next();
  });
  router.use(express.static(PUBLIC_DIR, { index: 'index.html', maxAge: 0, etag: false }));

  router.post('/api/conversations', json, async (req: Request, res: Response) => {
    const input = parseInput(newConversationInput, req.body ?? {});
    const { launch, ...options } = input;
    const held = conversations.open(options);
    await simulator.understandingFor(options.locale).catch(understandingFailed);
    const turn = launch ? await held.simulated.launch() : undefined;
    if (turn) conversations.record(held, turn);
    res.status(201).json({ id: held.id, options, shopper: shopperOf(held, demo.customerId), platformUserId: held.simulated.platformUserId, ...(turn ? { turn } : {}) });
  });

  router.post('/api/conversations/:id/turns', json, async (req: Request, res: Response) => {
    const held = conversationFor(req);
    const input = parseInput(turnInput, req.body ?? {});
    let turn;
    if ('say' in input) {
      await simulator.understandingFor(held.options.locale).catch(understandingFailed);
      turn = await held.simulated.say(input.say);
    } else {
      turn = await held.simulated.launch();
    }
    conversations.record(held, turn);
    res.json({ shopper: shopperOf(held, demo.customerId), turn });
  });

  router.get('/api/conversations/:id/script', (req: Request, res: Response) => {
    const held = conversationFor(req);
    const name = `console ${held.options.platform} ${held.options.locale} ${new Date().toISOString().slice(0, 16)}`;
    res.set('content-disposition', `attachment; filename="conversation-${held.options.locale}-${held.id.slice(0, 8)}.json"`);
    res.json(scriptFromTurns(name, held.options, held.launched, held.turns));
  });

  router.get('/api/state', async (req: Request, res: Response) => {
    const query = parseInput(stateQuery, req.query);
    let shopper = query.shopper;
    let locale = query.locale;
    if (query.conversation) {
      const held = conversations.get(query.conversation);
      if (!held) throw new ConsoleApiError(404, 'unknown_conversation', 'No such conversation (the server may have restarted): start a new one.');
      shopper ??= shopperOf(held, demo.customerId);
      locale ??= held.options.locale;
    }
    res.set('cache-control', 'no-store');
    res.json(await readShopperState(app, shopper!, locale ?? 'en-US'));
  });

  router.post('/api/reset', async (_req: Request, res: Response) => {
    res.json({ reset: await resetDemoData(app) });
  });

  // What the shop's account page would show: a code to say or type where the chat or call has no OAuth. The code is
  // the response and nothing else keeps it: the store holds its hash, the log never sees it.
  router.post('/api/link-code', async (_req: Request, res: Response) => {
    const issued = await issueLinkCode(app.store.linkCodes, demo.customerId);
    res.set('cache-control', 'no-store');
    res.status(201).json({ customerId: demo.customerId, code: issued.code, expiresAt: issued.expiresAt.toISOString() });
  });

  router.use('/api', (_req: Request, res: Response) => {
    res.status(404).json({ error: { code: 'not_found', message: 'No such console API route.' } });
  });

  const errors: ErrorRequestHandler = (error: unknown, _req, res, _next) => {
    if (res.headersSent) return;
    if (error instanceof ApiInputError) {
      res.status(400).json({ error: { code: 'bad_request', message: error.message } });
      return;
    }
    if (error instanceof ConsoleApiError) {
      if (error.status >= 500) app.log.error('console: request failed', { code: error.code, cause: error.cause instanceof Error ? error.cause.name : typeof error.cause });
      res.status(error.status).json({ error: { code: error.code, message: error.message } });
      return;
    }
    const parserError = error as { type?: unknown; status?: unknown };
    if (typeof parserError.type === 'string' && typeof parserError.status === 'number' && parserError.status < 500) {
      const message = parserError.type === 'entity.too.large' ? `The body is larger than ${MAX_API_BODY}.` : 'The body is not valid JSON.';
      res.status(parserError.status).json({ error: { code: 'bad_request', message } });
      return;
    }
    app.log.error('console: request failed', { error: error instanceof Error ? error.name : typeof error });
    res.status(500).json({ error: { code: 'internal_error', message: 'The console could not answer; see the server log.' } });
  };
  router.use(errors);
  return router;
}
