/**
 * A local stand-in for the three Amazon endpoints the reminders path uses, over real HTTP (node:http), with the
 * request and response shapes of Amazon's documentation and of the API model ask-sdk-model is generated from:
 *
 * - POST /auth/o2/token (Login with Amazon, client_credentials): 200 {access_token, expires_in, scope, token_type};
 *   401 {error: 'invalid_client', error_description}; 400 {error: 'unsupported_grant_type' | 'invalid_scope', …}.
 * - POST /v1/skillmessages/users/{userId} (Skill Messaging): 202 with an empty body; 400/401/403/404 {message}.
 * - POST /v1/alerts/reminders (Reminders, in-session apiAccessToken, Content-Type application/json): 200
 *   {alertToken, createdTime, updatedTime, status: 'ON', version: '1', href}; 401 {code: 'UNAUTHORIZED', message};
 *   403 {code, message} without the reminders permission; 400 {code: 'INVALID_…', message} for a body Amazon would
 *   refuse. GET /v1/alerts/reminders lists them: 200 {totalCount (a string), alerts, links}.
 *
 * It checks Authorization headers and bodies, records everything it accepted or refused, and can be told to
 * fail the next calls of a route (429, 5xx) or to answer slowly.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeRoute = 'token' | 'skillmessages' | 'reminders';

export interface RecordedCall {
  route: FakeRoute | 'unknown';
  method: string;
  path: string;
  authorization?: string;
  contentType?: string;
  body: unknown;
  status: number;
}

export interface AcceptedMessage {
  userId: string;
  data: Record<string, string>;
  expiresAfterSeconds?: number;
}

export interface StoredReminder {
  alertToken: string;
  apiAccessToken: string;
  createdTime: string;
  body: {
    requestTime?: string;
    trigger: { type: string; scheduledTime?: string; offsetInSeconds?: number; timeZoneId?: string };
    alertInfo: { spokenInfo: { content: Array<{ locale: string; text?: string; ssml?: string }> } };
    pushNotification?: { status: string };
  };
}

interface Injected {
  status: number;
  body?: unknown;
  times: number;
  delayMs?: number;
}

const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
const MAX_MESSAGE_DATA_BYTES = 6 * 1024;

export interface FakeAmazonApiOptions {
  clientId?: string;
  clientSecret?: string;
  /** Seconds LWA tokens live. */
  tokenLifetimeSeconds?: number;
}

export class FakeAmazonApi {
  readonly clientId: string;
  readonly clientSecret: string;
  tokenLifetimeSeconds: number;
  readonly calls: RecordedCall[] = [];
  readonly messages: AcceptedMessage[] = [];
  readonly reminders: StoredReminder[] = [];
  /** LWA tokens issued, with their expiry (ms since epoch). */
  private readonly lwaTokens = new Map<string, number>();
  /** In-session apiAccessTokens Alexa would put on requests, and whether the shopper granted reminders. */
  private readonly sessionTokens = new Map<string, { reminders: boolean }>();
  /** Users who disabled the skill (404) or the skill may not message (403). */
  private readonly goneUsers = new Set<string>();
  private readonly forbiddenUsers = new Set<string>();
  private readonly injected = new Map<FakeRoute, Injected[]>();
  private server: Server | undefined;
  baseUrl = '';

  constructor(options: FakeAmazonApiOptions = {}) {
    this.clientId = options.clientId ?? 'amzn1.application-oa2-client.fake';
    this.clientSecret = options.clientSecret ?? 'fake-client-secret';
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
  }

  get tokenUrl(): string {
    return `${this.baseUrl}/auth/o2/token`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req, res).catch(() => {
        if (!res.headersSent) this.json(res, 500, { message: 'fake failure' });
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    this.server = undefined;
  }

  /** An apiAccessToken as Alexa puts it on a request, with or without the reminders permission. */
  sessionToken(options: { reminders: boolean }): string {
    const token = `fake-api-access-token-${randomUUID()}`;
    this.sessionTokens.set(token, { reminders: options.reminders });
    return token;
  }

  /** The shopper revokes the reminders permission: tokens already handed out stop working for reminders. */
  revokeReminders(token: string): void {
    const entry = this.sessionTokens.get(token);
    if (entry) entry.reminders = false;
  }

  userGone(userId: string): void {
    this.goneUsers.add(userId);
  }

  userForbidden(userId: string): void {
    this.forbiddenUsers.add(userId);
  }

  /** The next `times` calls of the route answer `status` (after `delayMs`, if given) instead of working. */
  failNext(route: FakeRoute, status: number, times = 1, options: { body?: unknown; delayMs?: number } = {}): void {
    const queue = this.injected.get(route) ?? [];
    queue.push({ status, times, ...options });
    this.injected.set(route, queue);
  }

  /** Forget every issued LWA token (as if Amazon revoked them). */
  revokeLwaTokens(): void {
    this.lwaTokens.clear();
  }

  callsTo(route: FakeRoute): RecordedCall[] {
    return this.calls.filter((call) => call.route === route);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const route: FakeRoute | 'unknown' =
      url.pathname === '/auth/o2/token' ? 'token' : url.pathname.startsWith('/v1/skillmessages/users/') ? 'skillmessages' : url.pathname === '/v1/alerts/reminders' ? 'reminders' : 'unknown';
    const record = (status: number, body: unknown) =>
      this.calls.push({
        route,
        method: req.method ?? '',
        path: url.pathname,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
        ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
        body,
        status,
      });
    const reply = (status: number, payload?: unknown, parsed: unknown = raw) => {
      record(status, parsed);
      if (payload === undefined) {
        res.writeHead(status).end();
        return;
      }
      this.json(res, status, payload);
    };

    if (route === 'unknown') return reply(404, { message: `no route ${req.method} ${url.pathname}` });
    const injected = this.takeInjected(route);
    if (injected) {
      const payload = injected.body ?? defaultErrorBody(route, injected.status);
      // Recorded on arrival: a caller that gave up waiting still made the call.
      record(injected.status, parseJson(raw));
      if (injected.delayMs) await new Promise((resolve) => setTimeout(resolve, injected.delayMs));
      if (!res.destroyed) this.json(res, injected.status, payload);
      return;
    }
    switch (route) {
      case 'token':
        return this.token(req, raw, reply);
      case 'skillmessages':
        return this.skillMessage(req, url, raw, reply);
      case 'reminders':
        return req.method === 'GET' ? this.listReminders(req, reply) : this.createReminder(req, raw, reply);
    }
  }

  private token(req: IncomingMessage, raw: string, reply: (status: number, payload?: unknown, parsed?: unknown) => void): void {
    if (req.method !== 'POST') return reply(405, { error: 'invalid_request', error_description: 'POST only' });
    if (!String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return reply(400, { error: 'invalid_request', error_description: 'Content-Type must be application/x-www-form-urlencoded' });
    }
    const form = Object.fromEntries(new URLSearchParams(raw));
    // The secret is never recorded, even by a fake: tests assert on what the client sent, minus the secret.
    const { client_secret: secret, ...visible } = form;
    const parsed = { ...visible, client_secret_sent: secret !== undefined };
    if (form.grant_type !== 'client_credentials') return reply(400, { error: 'unsupported_grant_type', error_description: 'grant_type must be client_credentials' }, parsed);
    if (form.client_id !== this.clientId || secret !== this.clientSecret) {
      return reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' }, parsed);
    }
    if (form.scope !== 'alexa:skill_messaging') return reply(400, { error: 'invalid_scope', error_description: 'An unknown scope was requested' }, parsed);
    const token = `Atc|fake-${randomUUID()}`;
    this.lwaTokens.set(token, Date.now() + this.tokenLifetimeSeconds * 1000);
    reply(200, { access_token: token, expires_in: this.tokenLifetimeSeconds, scope: 'alexa:skill_messaging', token_type: 'bearer' }, parsed);
  }

  private skillMessage(req: IncomingMessage, url: URL, raw: string, reply: (status: number, payload?: unknown, parsed?: unknown) => void): void {
    const body = parseJson(raw);
    if (req.method !== 'POST') return reply(405, { message: 'POST only' }, body);
    const token = bearer(req);
    const expiry = token ? this.lwaTokens.get(token) : undefined;
    if (!token || expiry === undefined || expiry < Date.now()) return reply(401, { message: 'Request is not authorized.' }, body);
    const userId = decodeURIComponent(url.pathname.slice('/v1/skillmessages/users/'.length));
    if (!userId) return reply(404, { message: 'No user id in the path.' }, body);
    const problem = messageBodyProblem(body);
    if (problem) return reply(400, { message: problem }, body);
    if (this.goneUsers.has(userId)) return reply(404, { message: 'The user does not exist or has disabled the skill.' }, body);
    if (this.forbiddenUsers.has(userId)) return reply(403, { message: 'The skill is not allowed to send messages to this user.' }, body);
    const message = body as { data: Record<string, string>; expiresAfterSeconds?: number };
    this.messages.push({ userId, data: message.data, ...(message.expiresAfterSeconds !== undefined ? { expiresAfterSeconds: message.expiresAfterSeconds } : {}) });
    reply(202, undefined, body);
  }

  private sessionAuth(req: IncomingMessage): { status: number; payload: unknown } | { token: string } {
    const token = bearer(req);
    const session = token ? this.sessionTokens.get(token) : undefined;
    if (!token || !session) return { status: 401, payload: { code: 'UNAUTHORIZED', message: 'Request is not authorized.' } };
    if (!session.reminders) return { status: 403, payload: { code: 'FORBIDDEN', message: 'The user has not granted the alexa::alerts:reminders:skill:readwrite permission.' } };
    return { token };
  }

  private createReminder(req: IncomingMessage, raw: string, reply: (status: number, payload?: unknown, parsed?: unknown) => void): void {
    const body = parseJson(raw);
    if (req.method !== 'POST') return reply(405, { code: 'METHOD_NOT_ALLOWED', message: 'POST or GET only' }, body);
    const auth = this.sessionAuth(req);
    if (!('token' in auth)) return reply(auth.status, auth.payload, body);
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return reply(400, { code: 'INVALID_REQUEST', message: 'Content-Type must be application/json.' }, body);
    }
    const problem = reminderBodyProblem(body);
    if (problem) return reply(400, problem, body);
    const now = new Date().toISOString();
    const alertToken = randomUUID();
    this.reminders.push({ alertToken, apiAccessToken: auth.token, createdTime: now, body: body as StoredReminder['body'] });
    reply(200, { alertToken, createdTime: now, updatedTime: now, status: 'ON', version: '1', href: `/v1/alerts/reminders/${alertToken}` }, body);
  }

  private listReminders(req: IncomingMessage, reply: (status: number, payload?: unknown, parsed?: unknown) => void): void {
    const auth = this.sessionAuth(req);
    if (!('token' in auth)) return reply(auth.status, auth.payload, undefined);
    // Reminders belong to the user behind the token; in the fake, one token stands for one user.
    const alerts = this.reminders
      .filter((reminder) => reminder.apiAccessToken === auth.token)
      .map((reminder) => ({ alertToken: reminder.alertToken, createdTime: reminder.createdTime, updatedTime: reminder.createdTime, status: 'ON', version: '1', ...reminder.body }));
    reply(200, { totalCount: String(alerts.length), alerts, links: null }, undefined);
  }

  private takeInjected(route: FakeRoute): Injected | undefined {
    const queue = this.injected.get(route);
    const head = queue?.[0];
    if (!head) return undefined;
    head.times--;
    if (head.times <= 0) queue.shift();
    return head;
  }

  private json(res: ServerResponse, status: number, payload: unknown): void {
    res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(payload));
  }
}

function defaultErrorBody(route: FakeRoute, status: number): unknown {
  if (route === 'token') return { error: status === 429 ? 'slow_down' : 'server_error', error_description: `HTTP ${status}` };
  if (route === 'reminders') return { code: status === 429 ? 'TOO_MANY_REQUESTS' : 'INTERNAL_SERVER_ERROR', message: `HTTP ${status}` };
  return { message: `HTTP ${status}` };
}

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseJson(raw: string): unknown {
  if (raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function messageBodyProblem(body: unknown): string | undefined {
  if (!isRecord(body)) return 'The request body must be a JSON object.';
  if (!isRecord(body.data)) return 'data is required and must be a JSON object.';
  if (!Object.values(body.data).every((value) => typeof value === 'string')) return 'data values must be strings.';
  if (JSON.stringify(body.data).length > MAX_MESSAGE_DATA_BYTES) return 'data is larger than 6 KB.';
  const expires = body.expiresAfterSeconds;
  if (expires !== undefined && (!Number.isInteger(expires) || (expires as number) < 60 || (expires as number) > 86400)) {
    return 'expiresAfterSeconds must be an integer from 60 to 86400.';
  }
  return undefined;
}

function reminderBodyProblem(body: unknown): { code: string; message: string } | undefined {
  if (!isRecord(body)) return { code: 'INVALID_REQUEST', message: 'The request body must be a JSON object.' };
  const trigger = body.trigger;
  if (!isRecord(trigger) || (trigger.type !== 'SCHEDULED_ABSOLUTE' && trigger.type !== 'SCHEDULED_RELATIVE')) {
    return { code: 'INVALID_TRIGGER', message: 'trigger.type must be SCHEDULED_ABSOLUTE or SCHEDULED_RELATIVE.' };
  }
  if (trigger.type === 'SCHEDULED_ABSOLUTE' && (typeof trigger.scheduledTime !== 'string' || !LOCAL_DATE_TIME.test(trigger.scheduledTime))) {
    return { code: 'INVALID_TRIGGER_SCHEDULED_TIME', message: 'scheduledTime must be an ISO 8601 local date-time.' };
  }
  if (trigger.type === 'SCHEDULED_RELATIVE' && !(Number.isInteger(trigger.offsetInSeconds) && (trigger.offsetInSeconds as number) > 0)) {
    return { code: 'INVALID_TRIGGER', message: 'offsetInSeconds must be a positive integer.' };
  }
  const content = isRecord(body.alertInfo) && isRecord(body.alertInfo.spokenInfo) ? body.alertInfo.spokenInfo.content : undefined;
  if (!Array.isArray(content) || content.length === 0) return { code: 'INVALID_ALERT_INFO', message: 'alertInfo.spokenInfo.content must list at least one entry.' };
  for (const entry of content) {
    if (!isRecord(entry) || typeof entry.locale !== 'string' || !/^[a-z]{2}-[A-Z]{2}$/.test(entry.locale)) {
      return { code: 'INVALID_ALERT_INFO', message: 'Every content entry needs a locale such as en-US.' };
    }
    if (typeof entry.text !== 'string' && typeof entry.ssml !== 'string') return { code: 'INVALID_ALERT_INFO', message: 'Every content entry needs text or ssml.' };
  }
  const push = body.pushNotification;
  if (push !== undefined && (!isRecord(push) || (push.status !== 'ENABLED' && push.status !== 'DISABLED'))) {
    return { code: 'INVALID_PUSH_NOTIFICATION_STATUS', message: 'pushNotification.status must be ENABLED or DISABLED.' };
  }
  return undefined;
}
