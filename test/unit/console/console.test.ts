/**
 * The console's HTTP surface on the local server: the page, the JSON API over the real App on DynamoDB Local, and
 * malformed input answered 4xx with a reason (never a stack trace). Understanding is handed in: a small table here.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../../skill/app';
import { loadConfig } from '../../../skill/config';
import { ensureTable } from '../../../skill/store';
import { createConsole } from '../../../lambda/console/console';
import type { UnderstandingSource } from '../../../lambda/console/simulator/simulator';
import { seedDemo } from '../../../lambda/local/demo-data';
import { createServer, listen } from '../../../lambda/local/server';
import { uniqueTableName } from '../../helpers/store';

const SAID: Record<string, { intent: string; slots?: Record<string, string> }> = {
  'add bananas': { intent: 'AddToCartIntent', slots: { product: 'bananas' } },
  'what is in my cart': { intent: 'ReadCartIntent' },
  'leg bananen in den warenkorb': { intent: 'AddToCartIntent', slots: { product: 'bananen' } },
};
const tableUnderstanding: UnderstandingSource = async (locale) => ({
  locale,
  understand: async (utterance) => ({ utterance, intent: SAID[utterance]?.intent ?? 'FallbackIntent', slots: SAID[utterance]?.slots ?? {}, score: 1, exact: false }),
});

let app: App;
const servers: Server[] = [];
let base: string;
let broken: string;
let plain: string;

async function serve(mount: Parameters<typeof createServer>[1]): Promise<string> {
  const http = await listen(createServer(app, mount), 0);
  servers.push(http);
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-console-api'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), ALEXA_VERIFY_SIGNATURE: 'false', LOG_LEVEL: 'SILENT', DYNAMODB_TIMEOUT_MS: '4000' });
  app = createApp(config);
  await ensureTable(app.store.client, config.TABLE_NAME);
  const demo = await seedDemo(app);
  base = await serve({ console: createConsole({ app, demo, understanding: tableUnderstanding }) });
  broken = await serve({ console: createConsole({ app, demo, understanding: () => Promise.reject(new Error('model file missing at /secret/path')) }) });
  plain = await serve({});
});

afterAll(async () => {
  await Promise.all(servers.map((http) => new Promise<void>((resolve) => http.close(() => resolve()))));
});

async function call(url: string, init: { method?: string; body?: string; type?: string } = {}) {
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    ...(init.body === undefined ? {} : { body: init.body }),
    headers: init.body === undefined ? {} : { 'content-type': init.type ?? 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, type: response.headers.get('content-type') ?? '', text, json: text.startsWith('{') ? JSON.parse(text) : undefined };
}

const post = (path: string, body: unknown, server = base) => call(`${server}${path}`, { method: 'POST', body: typeof body === 'string' ? body : JSON.stringify(body) });

describe('the console page', () => {
  it('is served as static HTML, one ES module and CSS under /console', async () => {
    const page = await call(`${base}/console`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/text\/html/);
    expect(page.text).toContain('<label for="utterance" class="visually-hidden">Utterance</label>');
    expect(page.text).toContain('role="log"');
    expect(page.type).toMatch(/charset=utf-8/i);
    expect((await fetch(`${base}/console`)).headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await call(`${base}/console/console.js`)).type).toMatch(/javascript/);
    expect((await call(`${base}/console/console.css`)).type).toMatch(/text\/css/);
  });

  it('is not there unless the local host mounts it', async () => {
    const page = await call(`${plain}/console`);
    expect(page.status).toBe(404);
    expect(page.json.error.message).not.toContain('/console');
  });
});

describe('the console API', () => {
  it('holds a conversation: launch, a turn, and the stored cart read through the store', async () => {
    const created = await post('/console/api/conversations', { platform: 'dialogflow', locale: 'en-US', linked: true });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ options: { platform: 'dialogflow', locale: 'en-US', linked: true, screen: true, returning: false }, shopper: 'demo-customer', turn: { platformIntent: 'Default Welcome Intent', status: 200 } });
    await post('/console/api/reset', {});
    const turn = await post(`/console/api/conversations/${created.json.id}/turns`, { say: 'add bananas' });
    expect(turn.status).toBe(200);
    expect(turn.json.turn).toMatchObject({ utterance: 'add bananas', understood: { intent: 'AddToCartIntent' }, platformIntent: 'AddToCartIntent' });
    expect(turn.json.turn.speech).toMatch(/^Added Bananas/);
    const state = await call(`${base}/console/api/state?conversation=${created.json.id}`);
    expect(state.json).toMatchObject({ customerId: 'demo-customer', cart: { lines: [{ productId: expect.any(String), name: 'Bananas', quantity: 1 }] } });
    expect(state.json.recentOrders.length).toBeGreaterThan(0);
  });

  it('links a German conversation to the German demo customer, whose history and cart the state panel shows in euros', async () => {
    const created = await post('/console/api/conversations', { platform: 'alexa', locale: 'de-DE', linked: true });
    expect(created.json).toMatchObject({ shopper: 'demo-kundin' });
    const turn = await post(`/console/api/conversations/${created.json.id}/turns`, { say: 'leg bananen in den warenkorb' });
    expect(turn.json.turn.speech).toMatch(/1,29 €/);
    const state = await call(`${base}/console/api/state?conversation=${created.json.id}`);
    expect(state.json).toMatchObject({ customerId: 'demo-kundin', cart: { lines: [{ name: 'Bananen', quantity: 1, price: '1,29 €' }] } });
    expect(state.json.recentOrders.length).toBeGreaterThan(0);
    for (const order of state.json.recentOrders) expect(order.total).toMatch(/€$/);
  });

  it('issues a one-time link code for the demo customer (the account page of the demo shop), which links a conversation once', async () => {
    const issued = await post('/console/api/link-code', {});
    expect(issued.status).toBe(201);
    expect(issued.json).toMatchObject({ customerId: 'demo-customer', code: expect.stringMatching(/^\d{6}$/), expiresAt: expect.any(String) });
    expect(await app.store.links.redeemCode(issued.json.code, 'google:console-chat')).toEqual({ result: 'linked', customerId: 'demo-customer' });
    expect((await app.store.links.redeemCode(issued.json.code, 'google:console-other')).result).toBe('wrong');
  });

  it('keys an unlinked shopper by the platform user id, and a returning one stays the same shopper', async () => {
    const first = await post('/console/api/conversations', { platform: 'alexa', locale: 'en-US', linked: false, returning: true, launch: false });
    const second = await post('/console/api/conversations', { platform: 'alexa', locale: 'en-US', linked: false, returning: true, launch: false });
    const fresh = await post('/console/api/conversations', { platform: 'alexa', locale: 'en-US', linked: false, launch: false });
    expect(first.json.shopper).toBe('alexa:amzn1.ask.account.VOCART-CONSOLE-RETURNING-SHOPPER');
    expect(second.json.shopper).toBe(first.json.shopper);
    expect(fresh.json.shopper).not.toBe(first.json.shopper);
    expect(first.json.turn).toBeUndefined();
  });

  it('saves a conversation as a script download', async () => {
    const created = await post('/console/api/conversations', { platform: 'alexa', locale: 'de-DE' });
    await post(`/console/api/conversations/${created.json.id}/turns`, { say: 'what is in my cart' });
    const response = await fetch(`${base}/console/api/conversations/${created.json.id}/script`);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="conversation-de-DE-[0-9a-f]{8}\.json"$/);
    expect(await response.json()).toMatchObject({ locale: 'de-DE', launch: true, steps: [{ say: 'what is in my cart', expect: { intent: 'ReadCartIntent' } }] });
  });

  it.each([
    ['no body', () => call(`${base}/console/api/conversations`, { method: 'POST' }), 400, /^platform: /],
    ['broken JSON', () => post('/console/api/conversations', '{"platform":'), 400, /^The body is not valid JSON\.$/],
    ['a platform it does not know', () => post('/console/api/conversations', { platform: 'siri', locale: 'en-US' }), 400, /^platform: /],
    ['a field it does not know', () => post('/console/api/conversations', { platform: 'alexa', locale: 'en-US', admin: true }), 400, /admin/],
    ['a conversation id that is not one', () => post('/console/api/conversations/not-an-id/turns', { say: 'hi' }), 400, /not a conversation id/],
    ['an id of the right shape that was never opened', () => post('/console/api/conversations/00000000-0000-4000-8000-000000000000/turns', { say: 'hi' }), 404, /^No such conversation/],
    ['a state query without a shopper', () => call(`${base}/console/api/state`), 400, /give shopper or conversation/],
    ['a shopper id with spaces', () => call(`${base}/console/api/state?shopper=a%20b`), 400, /^shopper: /],
    ['a body over 16 KB', () => post('/console/api/conversations', { platform: 'alexa', locale: 'en-US', pad: 'x'.repeat(20_000) }), 413, /larger than 16kb/],
    ['an API route that does not exist', () => call(`${base}/console/api/nothing`), 404, /No such console API route/],
  ])('answers %s with a reason and no stack', async (_case, request, status, reason) => {
    const answer = await request();
    expect(answer.status).toBe(status);
    expect(answer.text).not.toMatch(/ at .+\.(ts|js):\d+/);
    if (answer.json) expect(answer.json.error.message).toMatch(reason);
  });

  it('answers a turn on a real conversation with an empty or overlong utterance as 400', async () => {
    const created = await post('/console/api/conversations', { platform: 'alexa', locale: 'en-US', launch: false });
    expect((await post(`/console/api/conversations/${created.json.id}/turns`, { say: '' })).status).toBe(400);
    expect((await post(`/console/api/conversations/${created.json.id}/turns`, { say: 'x'.repeat(501) })).status).toBe(400);
    expect((await post(`/console/api/conversations/${created.json.id}/turns`, { launch: false })).status).toBe(400);
  });

  it('answers 503 with a fixed sentence when understanding cannot start, and names no path', async () => {
    const answer = await post('/console/api/conversations', { platform: 'alexa', locale: 'en-US' }, broken);
    expect(answer.status).toBe(503);
    expect(answer.json.error).toEqual({ code: 'understanding_unavailable', message: 'Offline language understanding could not start; see the server log.' });
  });
});
