/**
 * The agent inbox over HTTP, as an agent's tools reach it: the local server's /api on DynamoDB Local with the real
 * handoff store, and the Function URL host (the adapter, and the bundle `cdk deploy` ships, built with the deploy's
 * own esbuild options and reading its token from a Secrets Manager stand-in), and `npm start`'s token. Cases are
 * opened through the store as the conversation opens them; orders are placed through the order repository with a
 * real local charge.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../skill/app';
import { loadConfig } from '../../skill/config';
import type { NewHandoffCase } from '../../skill/core/handoff/case';
import { ensureTable } from '../../skill/store';
import { defaultCatalogIndexPath } from '../../skill/store/catalog-file';
import type { DemoCustomer } from '../../skill/store/seed';
import { esbuildOptions } from '../../infra/bundling/options';
import { createInboxApi } from '../../lambda/inbox/api';
import { inboxDepsFromApp } from '../../lambda/inbox/compose';
import { createFunctionUrlHandler } from '../../lambda/inbox/function-url';
import type { InboxPageFile } from '../../lambda/inbox/page';
import { seedDemo } from '../../lambda/local/demo-data';
import { createServer, listen } from '../../lambda/local/server';
import { uniqueTableName } from '../helpers/store';
import { startFakeSecretsManager, type FakeSecretsManager } from '../unit/inbox/fake-secrets-manager';
import { placeOrder as placeOrderFor } from '../unit/inbox/place-order';

const TOKEN = 'e2e-inbox-token-0123456789abcdefghijklmn';
const PUBLIC = fileURLToPath(new URL('../../lambda/console/public/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

let app: App;
let demo: DemoCustomer;
let http: Server;
let base: string;

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-inbox'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', DYNAMODB_TIMEOUT_MS: '4000', CONSOLE_TOKEN: TOKEN });
  app = createApp(config);
  await ensureTable(app.store.client, config.TABLE_NAME);
  demo = await seedDemo(app);
  const inbox = createInboxApi(inboxDepsFromApp(app), { token: async () => config.CONSOLE_TOKEN! });
  http = await listen(createServer(app, { inbox }), 0);
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});

afterAll(async () => {
  if (http) await new Promise<void>((resolve) => http.close(() => resolve()));
});

function productId(query: string): string {
  return app.catalog.search(query, { locale: 'en-US', limit: 1 })[0]!.product.id;
}

async function openCase(partial: Partial<NewHandoffCase> = {}) {
  return app.store.handoffs.open({
    customerId: demo.customerId,
    channel: 'alexa',
    locale: 'en-US',
    reason: 'order-problem',
    transcript: [{ at: new Date().toISOString(), shopper: 'my order arrived damaged', bot: 'I am sorry. Shall I ask a person from the shop to look at it?', intent: 'OrderProblemIntent' }],
    transcriptShared: true,
    cart: [{ productId: productId('bananas'), quantity: 2 }],
    ...partial,
  });
}

function placeOrder() {
  return placeOrderFor(app, demo, productId('milk'));
}

async function call(method: string, path: string, options: { token?: string | null; body?: string; type?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.token !== null) headers.authorization = `Bearer ${options.token ?? TOKEN}`;
  if (options.body !== undefined) headers['content-type'] = options.type ?? 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, ...(options.body === undefined ? {} : { body: options.body }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

describe('authorisation', () => {
  it('answers every /api/ route 401 with a JSON reason and WWW-Authenticate, without or with a wrong token', async () => {
    const handoff = await openCase();
    const attempts: Array<[string, string, string | undefined]> = [
      ['GET', '/api/handoffs', undefined],
      ['GET', `/api/handoffs/${handoff.caseId}`, undefined],
      ['POST', `/api/handoffs/${handoff.caseId}/reply`, '{"text":"hello"}'],
      ['POST', `/api/handoffs/${handoff.caseId}/close`, '{}'],
      ['POST', `/api/handoffs/${handoff.caseId}/actions`, '{"kind":"refund-order","orderId":"x"}'],
      ['GET', '/api/handoffs/figures', undefined],
      ['GET', '/api/anything-else', undefined],
    ];
    for (const token of [null, 'not-the-token-0123456789abcdefghij', `${TOKEN}x`]) {
      for (const [method, path, body] of attempts) {
        const response = await call(method, path, { token, ...(body ? { body } : {}) });
        expect(response.status, `${method} ${path} with ${token ? 'a wrong token' : 'no token'}`).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
        expect(response.json).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
      }
    }
    const stored = await app.store.customers.load(demo.customerId, { answers: true });
    expect(stored.pendingAnswers ?? []).toEqual([]);
  });
});

describe('an agent works a case', () => {
  it('lists open cases newest first, reads one, replies (queued for the shopper), and closes it', async () => {
    const older = await openCase({ reason: 'asked-for-person', transcript: [], transcriptShared: false });
    const handoff = await openCase({ channel: 'google', locale: 'de-DE', reason: 'repeated-misses' });

    const list = await call('GET', '/api/handoffs');
    expect(list.status).toBe(200);
    const ids = (list.json.cases as Array<{ caseId: string }>).map((summary) => summary.caseId);
    expect(ids.indexOf(handoff.caseId)).toBeLessThan(ids.indexOf(older.caseId));
    expect(list.json.cases.find((summary: { caseId: string }) => summary.caseId === handoff.caseId)).toMatchObject({ channel: 'google', locale: 'de-DE', reason: 'repeated-misses', state: 'open', awaitingAgent: true });
    expect(list.text).not.toContain('arrived damaged');

    const read = await call('GET', `/api/handoffs/${handoff.caseId}`);
    expect(read.status).toBe(200);
    expect(read.json.case.transcript[0]).toMatchObject({ shopper: 'my order arrived damaged', intent: 'OrderProblemIntent' });
    expect(read.json.case.cartLines[0]).toMatchObject({ name: 'Bananen', quantity: 2 });
    expect(read.json.case.orders.length).toBeGreaterThan(0);

    const reply = await call('POST', `/api/handoffs/${handoff.caseId}/reply`, { body: JSON.stringify({ text: ' Wir schicken heute einen neuen Karton. ', agentName: 'Sam' }) });
    expect(reply.status).toBe(200);
    expect(reply.json.case.messages).toEqual([expect.objectContaining({ from: 'agent', text: 'Wir schicken heute einen neuen Karton.', agentName: 'Sam' })]);
    // What the shopper's next launch reads in its one load.
    const next = await app.store.customers.load(demo.customerId, { answers: true });
    expect(next.pendingAnswers).toContainEqual(expect.objectContaining({ caseId: handoff.caseId, text: 'Wir schicken heute einen neuen Karton.' }));

    const close = await call('POST', `/api/handoffs/${handoff.caseId}/close`);
    expect(close.status).toBe(200);
    expect(close.json.case.state).toBe('closed');
    const closed = await call('GET', '/api/handoffs?state=closed');
    expect(closed.json.cases.map((summary: { caseId: string }) => summary.caseId)).toContain(handoff.caseId);
    const open = await call('GET', '/api/handoffs?state=open');
    expect(open.json.cases.map((summary: { caseId: string }) => summary.caseId)).not.toContain(handoff.caseId);

    const figures = await call('GET', `/api/handoffs/figures?since=${new Date(Date.now() - 86_400_000).toISOString().slice(0, 10)}`);
    expect(figures.status).toBe(200);
    expect(figures.json.figures.casesByReason['repeated-misses']).toBeGreaterThanOrEqual(1);
    expect(figures.json.figures.firstReplyMinutes.count).toBeGreaterThanOrEqual(1);
  });

  it('cancels an order through the bot\'s command (refunded, recorded) and refuses a refund of an order nothing was charged for', async () => {
    const order = await placeOrder();
    const handoff = await openCase({ orderId: order.orderId });
    const cancel = await call('POST', `/api/handoffs/${handoff.caseId}/actions`, { body: JSON.stringify({ kind: 'cancel-order', orderId: order.orderId, agentName: 'Sam' }) });
    expect(cancel.status).toBe(200);
    expect(cancel.json.action).toMatchObject({ kind: 'cancel-order', orderId: order.orderId, outcome: 'done' });
    const stored = (await app.store.customers.recentOrders(demo.customerId, 10)).find((candidate) => candidate.orderId === order.orderId);
    expect(stored?.status).toBe('cancelled');
    expect(app.payments.allCharges().find((charge) => charge.idempotencyKey === order.idempotencyKey)?.status).toBe('refunded');

    const seeded = (await app.store.customers.recentOrders(demo.customerId, 10)).find((candidate) => !candidate.idempotencyKey)!;
    const refund = await call('POST', `/api/handoffs/${handoff.caseId}/actions`, { body: JSON.stringify({ kind: 'refund-order', orderId: seeded.orderId }) });
    expect(refund.json.action).toMatchObject({ outcome: 'refused', detail: 'Nothing was charged for this order.' });

    const again = await call('POST', `/api/handoffs/${handoff.caseId}/actions`, { body: JSON.stringify({ kind: 'cancel-order', orderId: order.orderId }) });
    expect(again.json.action).toMatchObject({ outcome: 'refused' });
    const read = await call('GET', `/api/handoffs/${handoff.caseId}`);
    expect(read.json.case.actions.map((action: { outcome: string }) => action.outcome)).toEqual(['done', 'refused', 'refused']);
  });
});

describe('bad requests get a 4xx with a reason, never a stack trace', () => {
  it.each([
    ['malformed JSON', '{"text": ', 'application/json', 400, 'The body is not valid JSON.'],
    ['a form instead of JSON', 'text=hello', 'application/x-www-form-urlencoded', 415, 'Send the body as application/json.'],
    ['an empty reply', '{"text": "   "}', 'application/json', 400, 'text is empty'],
    ['a body over 16 KB', JSON.stringify({ text: 'x'.repeat(17_000) }), 'application/json', 413, 'The body is larger than 16 KB.'],
  ])('%s', async (_name, body, type, status, message) => {
    const handoff = await openCase();
    const response = await call('POST', `/api/handoffs/${handoff.caseId}/reply`, { body, type });
    expect(response.status).toBe(status);
    expect(response.json.error.message).toBe(message);
    expect(response.text).not.toMatch(/\.ts:\d+|at \w+ \(/);
  });

  it('an unknown case is 404 on every route', async () => {
    const unknown = '00000000000000000000z';
    expect((await call('GET', `/api/handoffs/${unknown}`)).status).toBe(404);
    expect((await call('POST', `/api/handoffs/${unknown}/reply`, { body: '{"text":"hi"}' })).status).toBe(404);
    expect((await call('POST', `/api/handoffs/${unknown}/close`)).status).toBe(404);
    expect((await call('POST', `/api/handoffs/${unknown}/actions`, { body: '{"kind":"refund-order","orderId":"x"}' })).json.error.code).toBe('unknown_case');
  });
});

describe('the local server without an inbox', () => {
  it('has no /api and no inbox page: only a host given an inbox serves them', async () => {
    const plain = await listen(createServer(app), 0);
    try {
      const at = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
      const api = await fetch(`${at}/api/handoffs`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(api.status).toBe(404);
      expect((await fetch(`${at}/console/inbox`)).status).toBe(404);
    } finally {
      await new Promise<void>((resolve) => plain.close(() => resolve()));
    }
  });
});

describe('the inbox page on the local server', () => {
  it('is served at /console/inbox with the console\'s CSP, and its script and styles beside it', async () => {
    const page = await fetch(`${base}/console/inbox`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<script type="module" src="/console/inbox.js"></script>');
    expect((await fetch(`${base}/console/inbox.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${base}/console/inbox.css`)).headers.get('content-type')).toMatch(/^text\/css/);
  });
});

function event(method: string, rawPath: string, options: { headers?: Record<string, string>; body?: string; base64?: boolean; query?: string } = {}): APIGatewayProxyEventV2 {
  const body = options.body === undefined ? undefined : options.base64 ? Buffer.from(options.body, 'utf8').toString('base64') : options.body;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath,
    rawQueryString: options.query ?? '',
    headers: { host: 'abc123.lambda-url.us-east-1.on.aws', 'x-forwarded-proto': 'https', ...(options.headers ?? {}) },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      domainName: 'abc123.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abc123',
      http: { method, path: rawPath, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId: randomUUID(),
      routeKey: '$default',
      stage: '$default',
      time: '01/Dec/2026:12:00:00 +0000',
      timeEpoch: Date.now(),
    },
    isBase64Encoded: options.base64 ?? false,
    ...(body === undefined ? {} : { body }),
  };
}

const bearer = { authorization: `Bearer ${TOKEN}` };

describe('the Function URL host', () => {
  const page = Object.fromEntries((['inbox.html', 'inbox.js', 'inbox.css', 'dom.js', 'base.css'] as InboxPageFile[]).map((file) => [file, readFileSync(`${PUBLIC}${file}`, 'utf8')])) as Record<InboxPageFile, string>;
  const handler = createFunctionUrlHandler(() => ({ api: createInboxApi(inboxDepsFromApp(app), { token: async () => TOKEN }), page }));

  it('answers the API from payload 2.0 events, base64 bodies included', async () => {
    const handoff = await openCase();
    const denied = (await handler(event('GET', '/api/handoffs'))) as APIGatewayProxyStructuredResultV2;
    expect(denied.statusCode).toBe(401);
    expect(denied.headers?.['www-authenticate']).toMatch(/^Bearer/);
    const list = await handler(event('GET', '/api/handoffs', { headers: bearer, query: 'state=active' }));
    expect(list.statusCode).toBe(200);
    expect(list.headers?.['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(list.body!).cases.map((summary: { caseId: string }) => summary.caseId)).toContain(handoff.caseId);
    const reply = await handler(event('POST', `/api/handoffs/${handoff.caseId}/reply`, { headers: { ...bearer, 'content-type': 'application/json' }, body: JSON.stringify({ text: 'A new carton is on its way — sorry!' }), base64: true }));
    expect(reply.statusCode).toBe(200);
    expect(JSON.parse(reply.body!).case.messages[0].text).toBe('A new carton is on its way — sorry!');
  });

  it('serves the page and its files, sends / to it, and answers anything else 404 JSON', async () => {
    const html = await handler(event('GET', '/console/inbox'));
    expect(html).toMatchObject({ statusCode: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(html.headers?.['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(html.body).toBe(page['inbox.html']);
    expect((await handler(event('GET', '/console/inbox.js'))).body).toBe(page['inbox.js']);
    expect(await handler(event('GET', '/'))).toMatchObject({ statusCode: 302, headers: { location: '/console/inbox' } });
    const missing = await handler(event('GET', '/console'.concat('/secret')));
    expect(missing.statusCode).toBe(404);
    expect(JSON.parse(missing.body!).error.code).toBe('not_found');
  });
});

describe('the deployed bundle (lambda/inbox.ts as cdk bundles it)', () => {
  let secrets: FakeSecretsManager;
  let bundleDir: string;
  const saved: Record<string, string | undefined> = {};
  const setEnv = (values: Record<string, string | undefined>) => {
    for (const [name, value] of Object.entries(values)) {
      if (!(name in saved)) saved[name] = process.env[name];
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };

  beforeAll(async () => {
    secrets = await startFakeSecretsManager();
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:vocart-inbox-token-Xy12Ab';
    secrets.secrets.set(arn, TOKEN);
    // Inside the project, so the bundle's external @aws-sdk imports resolve from node_modules as the runtime's do.
    bundleDir = `${ROOT}node_modules/.cache/vocart-inbox-bundle-${randomUUID().slice(0, 8)}`;
    mkdirSync(bundleDir, { recursive: true });
    await build(esbuildOptions(ROOT, 'lambda/inbox.ts', `${bundleDir}/index.mjs`));
    setEnv({
      TABLE_NAME: app.config.TABLE_NAME,
      DYNAMODB_ENDPOINT: app.config.DYNAMODB_ENDPOINT,
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.endpoint,
      CONSOLE_TOKEN_SECRET_ARN: arn,
      CATALOG_INDEX: defaultCatalogIndexPath(),
      LOG_LEVEL: 'SILENT',
      CONSOLE_TOKEN: undefined,
    });
  });

  afterAll(async () => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await secrets?.close();
    if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
  });

  it('serves the page bundled as text and the API behind the token from Secrets Manager, read once', async () => {
    const { handler } = (await import(pathToFileURL(`${bundleDir}/index.mjs`).href)) as { handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2> };
    const html = await handler(event('GET', '/console/inbox'));
    expect(html.statusCode).toBe(200);
    expect(html.body).toBe(readFileSync(`${PUBLIC}inbox.html`, 'utf8'));
    expect((await handler(event('GET', '/console/inbox.js'))).body).toBe(readFileSync(`${PUBLIC}inbox.js`, 'utf8'));

    const handoff = await openCase();
    expect((await handler(event('GET', '/api/handoffs'))).statusCode).toBe(401);
    expect((await handler(event('GET', '/api/handoffs', { headers: { authorization: 'Bearer wrong-wrong-wrong-wrong-wrong' } }))).statusCode).toBe(401);
    const list = await handler(event('GET', '/api/handoffs', { headers: bearer }));
    expect(list.statusCode).toBe(200);
    expect(JSON.parse(list.body!).cases.map((summary: { caseId: string }) => summary.caseId)).toContain(handoff.caseId);
    const read = await handler(event('GET', `/api/handoffs/${handoff.caseId}`, { headers: bearer }));
    expect(JSON.parse(read.body!).case.cartLines[0].name).toBe('Bananas');
    expect(secrets.reads).toHaveLength(1);
  });
});

const TSX = `${ROOT}node_modules/.bin/tsx`;
const running: ChildProcess[] = [];

function start(env: Record<string, string>) {
  const child = spawn(TSX, ['lambda/local/start.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
      TABLE_NAME: uniqueTableName('vocart-start'),
      PORT: '0',
      LOG_LEVEL: 'SILENT',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', () => {
      if (stdout.includes('Press Ctrl-C to stop.')) resolve(stdout);
    });
    void exited.then((code) => reject(new Error(`start exited with ${code}: ${stderr}`)));
  });
  return { child, ready, exited, output: () => ({ stdout, stderr }) };
}

afterAll(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGTERM');
});

/**
 * `npm start` as a developer meets it: without CONSOLE_TOKEN it makes a token and prints the inbox link carrying it
 * in the fragment, and that token opens /api; with CONSOLE_TOKEN it uses that; a token shorter than 24 characters
 * stops the start with a message naming it. lambda/local/start.ts through tsx, on this run's DynamoDB Local.
 */
describe('npm start and the inbox token', () => {
  it('makes a token when none is set and prints the inbox link with it in the fragment; that token opens /api', { timeout: 90_000 }, async () => {
    const started = start({});
    const printed = await started.ready;
    const link = /Agent inbox\s+(http:\/\/localhost:\d+\/console\/inbox#token=([\w-]+))/.exec(printed);
    expect(link, printed).not.toBeNull();
    const token = decodeURIComponent(link![2]!);
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(printed).toContain('generated for this run');
    const base = new URL(link![1]!).origin;
    expect((await fetch(`${base}/api/handoffs`)).status).toBe(401);
    const list = await fetch(`${base}/api/handoffs`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    expect(await list.json()).toEqual({ cases: expect.any(Array) });
    started.child.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  });

  it('uses CONSOLE_TOKEN when set', { timeout: 90_000 }, async () => {
    const token = 'my-own-inbox-token-0123456789abcdef';
    const printed = await start({ CONSOLE_TOKEN: token }).ready;
    expect(printed).toContain(`/console/inbox#token=${token}`);
    expect(printed).toContain('from CONSOLE_TOKEN');
  });

  it('stops with a clear message when CONSOLE_TOKEN is shorter than 24 characters', { timeout: 60_000 }, async () => {
    const started = start({ CONSOLE_TOKEN: 'too-short-token' });
    started.ready.catch(() => undefined);
    expect(await started.exited).toBe(1);
    expect(started.output().stderr).toContain('CONSOLE_TOKEN must be at least 24 characters');
    expect(started.output().stdout).not.toContain('vocart is running');
  });
});
