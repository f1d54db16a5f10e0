/**
 * The inbox API's router over an in-memory inbox: the bearer check (401 with WWW-Authenticate, no way around it),
 * input validation (4xx with a reason, never a stack), and each route's behaviour an agent relies on, cancel and
 * refund included (through the bot's own commands, recorded on the case).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { NewHandoffCase } from '../../../skill/core/handoff/case';
import type { Order, OrderRepository } from '../../../skill/core/ports';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';
import { createInboxApi, type ApiHandler } from '../../../lambda/inbox/api';
import type { ApiRequest, ApiRoute } from '../../../lambda/inbox/http';
import { FixedClock, SAMPLE_PRODUCTS, SilentLog, WordMatchCatalog } from '../../helpers/fakes';
import { MemoryHandoffInbox } from './memory-inbox';

const TOKEN = 'test-token-0123456789abcdefghijkl';
const AUTH = { authorization: `Bearer ${TOKEN}` };

/** Orders by customer, with the repository's cancel contract (placed → cancelled once). */
class ShopperOrders {
  readonly byCustomer = new Map<string, Order[]>();
  readonly customers = { recentOrders: async (customerId: string, limit = 10) => structuredClone((this.byCustomer.get(customerId) ?? []).slice(0, limit)) };
  readonly repository = {
    cancel: async (customerId: string, order: Order, at: Date) => {
      const stored = this.byCustomer.get(customerId)?.find((candidate) => candidate.orderId === order.orderId);
      if (!stored || stored.status !== 'placed') return undefined;
      stored.status = 'cancelled';
      stored.cancelledAt = at.toISOString();
      return structuredClone(stored);
    },
  } as unknown as OrderRepository;
}

function request(method: string, path: string, options: { headers?: Record<string, string>; body?: string; query?: string } = {}): ApiRequest {
  return { method, path, query: new URLSearchParams(options.query ?? ''), headers: options.headers ?? {}, rawBody: options.body ?? '' };
}

function post(path: string, body: unknown, headers: Record<string, string> = AUTH) {
  return request('POST', path, { headers: { 'content-type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
}

const NEW_CASE: NewHandoffCase = {
  customerId: 'demo-customer',
  channel: 'alexa',
  locale: 'en-US',
  reason: 'order-problem',
  transcript: [{ at: '2026-11-23T09:58:00.000Z', shopper: 'my order arrived damaged', bot: 'I am sorry to hear that.', intent: 'OrderProblemIntent' }],
  transcriptShared: true,
  cart: [{ productId: 'milk-1', quantity: 2 }],
  orderId: 'order-1',
  problem: 'damaged',
};

let clock: FixedClock;
let inbox: MemoryHandoffInbox;
let shop: ShopperOrders;
let payments: LocalPaymentGateway;
let log: SilentLog;
let api: ApiHandler;

async function placedOrder(orderId: string, cancellableUntil: string): Promise<Order> {
  const idempotencyKey = `key-${orderId}`;
  await payments.charge({ customerId: 'demo-customer', paymentMethodId: 'pm-1', amountCents: 698, currency: 'USD', idempotencyKey });
  return {
    orderId,
    customerId: 'demo-customer',
    placedAt: '2026-11-22T10:00:00.000Z',
    status: 'placed',
    lines: [{ productId: 'milk-1', quantity: 2, unitPriceCents: 349 }],
    subtotalCents: 698,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: 698,
    currency: 'USD',
    deliveryBy: '2026-11-24T10:00:00.000Z',
    cancellableUntil,
    idempotencyKey,
  };
}

beforeEach(async () => {
  clock = new FixedClock(new Date('2026-11-23T10:00:00.000Z'));
  inbox = new MemoryHandoffInbox();
  shop = new ShopperOrders();
  payments = new LocalPaymentGateway({ paymentMethods: new Map([['pm-1', 'demo-customer']]) });
  log = new SilentLog();
  shop.byCustomer.set('demo-customer', [await placedOrder('order-2', '2026-11-23T22:00:00.000Z'), await placedOrder('order-1', '2026-11-22T12:00:00.000Z')]);
  api = createInboxApi(
    { inbox, customers: shop.customers, orders: shop.repository, payments, catalog: new WordMatchCatalog(SAMPLE_PRODUCTS), clock, log },
    { token: async () => TOKEN },
  );
});

describe('the bearer check', () => {
  it.each([
    ['no header', {}],
    ['another scheme', { authorization: `Basic ${Buffer.from(`agent:${TOKEN}`).toString('base64')}` }],
    ['a wrong token', { authorization: 'Bearer wrong-token-0123456789abcdefghij' }],
    ['the token with a character missing', { authorization: `Bearer ${TOKEN.slice(0, -1)}` }],
    ['an empty bearer', { authorization: 'Bearer ' }],
  ])('refuses %s with 401, a JSON reason and WWW-Authenticate', async (_name, headers) => {
    const response = await api(request('GET', '/api/handoffs', { headers }));
    expect(response.status).toBe(401);
    expect(response.headers?.['www-authenticate']).toMatch(/^Bearer/);
    expect(response.body).toEqual({ error: { code: 'unauthorized', message: expect.stringContaining('Bearer') } });
  });

  it('guards every route, unknown paths and wrong methods included, before saying anything about them', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    for (const attempt of [
      request('GET', `/api/handoffs/${caseId}`),
      post(`/api/handoffs/${caseId}/reply`, { text: 'hello' }, {}),
      post(`/api/handoffs/${caseId}/close`, {}, {}),
      post(`/api/handoffs/${caseId}/actions`, { kind: 'refund-order', orderId: 'order-1' }, {}),
      request('GET', '/api/handoffs/figures'),
      request('GET', '/api/no-such-route'),
      request('DELETE', '/api/handoffs'),
    ]) {
      expect((await api(attempt)).status, `${attempt.method} ${attempt.path}`).toBe(401);
    }
    expect((await inbox.get(caseId))?.messages).toEqual([]);
    expect(payments.capturedCharges()).toHaveLength(2);
  });

  it('lets the right token in, whatever the case of the scheme', async () => {
    expect((await api(request('GET', '/api/handoffs', { headers: { authorization: `bearer ${TOKEN}` } }))).status).toBe(200);
  });

  it('lets no one in when the token cannot be read (503), and logs no token', async () => {
    const broken = createInboxApi(
      { inbox, customers: shop.customers, orders: shop.repository, payments, catalog: new WordMatchCatalog(SAMPLE_PRODUCTS), clock, log },
      { token: () => Promise.reject(new Error('AccessDeniedException')) },
    );
    const response = await broken(request('GET', '/api/handoffs', { headers: AUTH }));
    expect(response.status).toBe(503);
    expect(JSON.stringify(log.entries)).not.toContain(TOKEN);
  });

  it('hands routes with their own check (a help desk webhook) the request without the bearer', async () => {
    const seen: string[] = [];
    const webhook: ApiRoute = { method: 'POST', pattern: '/api/helpdesk/webhook', auth: 'own', handle: async (req) => (seen.push(req.rawBody), { status: 204 }) };
    const withWebhook = createInboxApi(
      { inbox, customers: shop.customers, orders: shop.repository, payments, catalog: new WordMatchCatalog(SAMPLE_PRODUCTS), clock, log },
      { token: async () => TOKEN, extraRoutes: [webhook] },
    );
    expect((await withWebhook(post('/api/helpdesk/webhook', '{"event":"message_created"}', {}))).status).toBe(204);
    expect(seen).toEqual(['{"event":"message_created"}']);
  });
});

describe('GET /api/handoffs', () => {
  it('lists open cases newest first, as summaries without the transcript', async () => {
    const older = inbox.open(NEW_CASE, new Date('2026-11-23T08:00:00.000Z'));
    const newer = inbox.open({ ...NEW_CASE, reason: 'asked-for-person', channel: 'google', locale: 'de-DE' }, new Date('2026-11-23T09:00:00.000Z'));
    const closed = inbox.open(NEW_CASE, new Date('2026-11-23T09:30:00.000Z'));
    await inbox.close(closed.caseId, clock.now());

    const response = await api(request('GET', '/api/handoffs', { headers: AUTH }));
    expect(response.status).toBe(200);
    expect(response.headers?.['cache-control']).toBe('no-store');
    const { cases } = response.body as { cases: Array<Record<string, unknown>> };
    expect(cases.map((summary) => summary.caseId)).toEqual([newer.caseId, older.caseId]);
    expect(cases[0]).toMatchObject({ reason: 'asked-for-person', channel: 'google', locale: 'de-DE', state: 'open', awaitingAgent: true, messages: 0 });
    expect(cases[0]).not.toHaveProperty('transcript');
    expect(cases[0]).not.toHaveProperty('cart');
  });

  it('filters by state: answered, closed, and active (open and answered)', async () => {
    const open = inbox.open(NEW_CASE, new Date('2026-11-23T08:00:00.000Z'));
    const answered = inbox.open(NEW_CASE, new Date('2026-11-23T08:30:00.000Z'));
    inbox.cases.get(answered.caseId)!.state = 'answered';
    const closed = inbox.open(NEW_CASE, new Date('2026-11-23T09:00:00.000Z'));
    await inbox.close(closed.caseId, clock.now());
    const ids = async (state: string) => ((await api(request('GET', '/api/handoffs', { headers: AUTH, query: `state=${state}` }))).body as { cases: Array<{ caseId: string }> }).cases.map((summary) => summary.caseId);
    expect(await ids('answered')).toEqual([answered.caseId]);
    expect(await ids('closed')).toEqual([closed.caseId]);
    expect(await ids('active')).toEqual([answered.caseId, open.caseId]);
  });

  it.each([
    ['state=pending', 'state must be one of open, answered, closed, active'],
    ['limit=0', 'limit must be at least 1'],
    ['limit=many', 'limit must be a number'],
    ['sort=asc', 'unexpected field(s) sort'],
  ])('refuses ?%s with 400 and the reason', async (query, reason) => {
    const response = await api(request('GET', '/api/handoffs', { headers: AUTH, query }));
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: { code: 'bad_request', message: expect.stringContaining(reason) } });
  });
});

describe('GET /api/handoffs/:id', () => {
  it('gives the case with its transcript, the cart with names and prices, and the shopper\'s recent orders', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(request('GET', `/api/handoffs/${caseId}`, { headers: AUTH }));
    expect(response.status).toBe(200);
    const view = (response.body as { case: Record<string, any> }).case;
    expect(view.transcript).toEqual(NEW_CASE.transcript);
    expect(view.cartLines).toEqual([{ productId: 'milk-1', name: 'Whole Milk', quantity: 2, unitPriceCents: 349, currency: 'USD', lineTotalCents: 698 }]);
    expect(view.cartTotalCents).toBe(698);
    expect(view.orders.map((order: { orderId: string }) => order.orderId)).toEqual(['order-2', 'order-1']);
    expect(view.orders[0]).toMatchObject({ cancellable: true, refundable: true, lines: [{ name: 'Whole Milk', quantity: 2 }] });
    expect(view.orders[1]).toMatchObject({ cancellable: false, refundable: true });
    expect(view.orders[0]).not.toHaveProperty('idempotencyKey');
  });

  it('names products in the case\'s locale', async () => {
    const { caseId } = inbox.open({ ...NEW_CASE, locale: 'de-DE' }, clock.now());
    const view = ((await api(request('GET', `/api/handoffs/${caseId}`, { headers: AUTH }))).body as { case: { cartLines: Array<{ name: string }> } }).case;
    expect(view.cartLines[0]!.name).toBe('Vollmilch');
  });

  it('answers 404 for an unknown case and 400 for something that is no case id', async () => {
    expect(await api(request('GET', '/api/handoffs/20261123T100000000Z-unknown', { headers: AUTH }))).toMatchObject({ status: 404, body: { error: { code: 'unknown_case' } } });
    expect(await api(request('GET', '/api/handoffs/%3Cscript%3E', { headers: AUTH }))).toMatchObject({ status: 400, body: { error: { message: 'not a case id' } } });
  });

  it('routes /api/handoffs/figures to the figures, not to a case called "figures"', async () => {
    const response = await api(request('GET', '/api/handoffs/figures', { headers: AUTH }));
    expect(response.status).toBe(200);
    expect(response.body).toHaveProperty('figures');
  });
});

describe('POST /api/handoffs/:id/reply', () => {
  it('keeps the answer on the case (trimmed, with the agent\'s name) and returns the case', async () => {
    const { caseId } = inbox.open(NEW_CASE, new Date('2026-11-23T09:00:00.000Z'));
    const response = await api(post(`/api/handoffs/${caseId}/reply`, { text: '  We are sending a new carton today.  ', agentName: 'Sam' }));
    expect(response.status).toBe(200);
    const stored = await inbox.get(caseId);
    expect(stored?.messages).toEqual([{ from: 'agent', text: 'We are sending a new carton today.', at: clock.now().toISOString(), agentName: 'Sam' }]);
    expect((response.body as { case: { summary: { awaitingAgent: boolean } } }).case.summary.awaitingAgent).toBe(false);
    expect(JSON.stringify(log.entries)).not.toContain('carton');
  });

  it.each([
    ['an empty text', { text: '   ' }, 400, 'text is empty'],
    ['no text', {}, 400, 'text is required'],
    ['a text too long to be read aloud', { text: 'x'.repeat(1001) }, 400, 'text is longer than 1000 characters'],
    ['a field it does not know', { text: 'hi', state: 'closed' }, 400, 'unexpected field(s) state'],
    ['a number for a text', { text: 42 }, 400, 'text'],
  ])('refuses %s', async (_name, body, status, reason) => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(post(`/api/handoffs/${caseId}/reply`, body));
    expect(response.status).toBe(status);
    expect((response.body as { error: { message: string } }).error.message).toContain(reason);
    expect((await inbox.get(caseId))?.messages).toEqual([]);
  });

  it('accepts exactly 1000 characters', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    expect((await api(post(`/api/handoffs/${caseId}/reply`, { text: 'y'.repeat(1000) }))).status).toBe(200);
  });

  it('refuses malformed JSON, another content type and an oversized body with a reason, never a stack', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const path = `/api/handoffs/${caseId}/reply`;
    const malformed = await api(post(path, '{"text": "hi"'));
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: 'bad_request', message: 'The body is not valid JSON.' } } });
    const form = await api(request('POST', path, { headers: { ...AUTH, 'content-type': 'application/x-www-form-urlencoded' }, body: 'text=hi' }));
    expect(form).toMatchObject({ status: 415, body: { error: { code: 'unsupported_media_type' } } });
    const huge = await api(post(path, { text: 'z'.repeat(20_000) }));
    expect(huge).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    const array = await api(post(path, '["hi"]'));
    expect(array.status).toBe(400);
    for (const response of [malformed, form, huge, array]) expect(JSON.stringify(response.body)).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers 404 for an unknown case', async () => {
    expect(await api(post('/api/handoffs/20261123T100000000Z-unknown/reply', { text: 'hello' }))).toMatchObject({ status: 404, body: { error: { code: 'unknown_case' } } });
  });

  it('answers 405 with Allow for a GET on a POST route', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    expect(await api(request('GET', `/api/handoffs/${caseId}/reply`, { headers: AUTH }))).toMatchObject({ status: 405, headers: { allow: 'POST' } });
  });
});

describe('POST /api/handoffs/:id/close', () => {
  it('closes the case, with or without an empty JSON body', async () => {
    const first = inbox.open(NEW_CASE, clock.now());
    const second = inbox.open(NEW_CASE, clock.now());
    expect((await api(request('POST', `/api/handoffs/${first.caseId}/close`, { headers: AUTH }))).status).toBe(200);
    expect((await api(post(`/api/handoffs/${second.caseId}/close`, {}))).status).toBe(200);
    expect((await inbox.get(first.caseId))?.state).toBe('closed');
    expect((await inbox.get(second.caseId))?.state).toBe('closed');
  });

  it('refuses a body with fields (close takes none)', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    expect((await api(post(`/api/handoffs/${caseId}/close`, { state: 'open' }))).status).toBe(400);
    expect((await inbox.get(caseId))?.state).toBe('open');
  });
});

describe('POST /api/handoffs/:id/actions', () => {
  it('cancels a cancellable order through the bot\'s command: cancelled, refunded, recorded as done', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(post(`/api/handoffs/${caseId}/actions`, { kind: 'cancel-order', orderId: 'order-2', agentName: 'Sam' }));
    expect(response.status).toBe(200);
    expect((response.body as { action: unknown }).action).toMatchObject({ kind: 'cancel-order', orderId: 'order-2', outcome: 'done', agentName: 'Sam' });
    expect(shop.byCustomer.get('demo-customer')![0]!.status).toBe('cancelled');
    expect(payments.allCharges().find((charge) => charge.idempotencyKey === 'key-order-2')?.status).toBe('refunded');
    expect((await inbox.get(caseId))?.actions).toEqual([expect.objectContaining({ kind: 'cancel-order', orderId: 'order-2', outcome: 'done' })]);
    const view = (response.body as { case: { orders: Array<{ orderId: string; status: string; cancellable: boolean }> } }).case;
    expect(view.orders[0]).toMatchObject({ orderId: 'order-2', status: 'cancelled', cancellable: false });
  });

  it('refuses to cancel a dispatched order, as the bot would, and records the refusal with the reason', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(post(`/api/handoffs/${caseId}/actions`, { kind: 'cancel-order', orderId: 'order-1' }));
    expect(response.status).toBe(200);
    expect((response.body as { action: unknown }).action).toMatchObject({ outcome: 'refused', detail: expect.stringContaining('dispatched') });
    expect(shop.byCustomer.get('demo-customer')![1]!.status).toBe('placed');
    expect(payments.allCharges().find((charge) => charge.idempotencyKey === 'key-order-1')?.status).toBe('succeeded');
    expect((await inbox.get(caseId))?.actions[0]).toMatchObject({ outcome: 'refused' });
  });

  it('refunds a delivered order without cancelling it', async () => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(post(`/api/handoffs/${caseId}/actions`, { kind: 'refund-order', orderId: 'order-1' }));
    expect((response.body as { action: unknown }).action).toMatchObject({ kind: 'refund-order', outcome: 'done' });
    expect(payments.allCharges().find((charge) => charge.idempotencyKey === 'key-order-1')?.status).toBe('refunded');
    expect(shop.byCustomer.get('demo-customer')![1]!.status).toBe('placed');
  });

  it('acts only on the case\'s own shopper\'s orders', async () => {
    shop.byCustomer.set('someone-else', [await placedOrder('order-9', '2026-11-23T22:00:00.000Z')]);
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(post(`/api/handoffs/${caseId}/actions`, { kind: 'cancel-order', orderId: 'order-9' }));
    expect(response).toMatchObject({ status: 404, body: { error: { code: 'unknown_order' } } });
    expect(shop.byCustomer.get('someone-else')![0]!.status).toBe('placed');
    expect((await inbox.get(caseId))?.actions).toEqual([]);
  });

  it.each([
    [{ kind: 'delete-account', orderId: 'order-1' }, 'kind must be one of cancel-order, refund-order'],
    [{ kind: 'refund-order' }, 'orderId is required'],
    [{ kind: 'refund-order', orderId: 'order 1; drop' }, 'orderId is not an order id'],
  ])('refuses %j', async (body, reason) => {
    const { caseId } = inbox.open(NEW_CASE, clock.now());
    const response = await api(post(`/api/handoffs/${caseId}/actions`, body));
    expect(response.status).toBe(400);
    expect((response.body as { error: { message: string } }).error.message).toContain(reason);
  });
});

describe('GET /api/handoffs/figures', () => {
  it('counts cases per reason and the time to the first reply since a day', async () => {
    const first = inbox.open(NEW_CASE, new Date('2026-11-20T10:00:00.000Z'));
    inbox.open({ ...NEW_CASE, reason: 'asked-for-person' }, new Date('2026-11-21T10:00:00.000Z'));
    inbox.open(NEW_CASE, new Date('2026-10-01T10:00:00.000Z'));
    await inbox.reply(first.caseId, 'On it', new Date('2026-11-20T10:30:00.000Z'));
    const response = await api(request('GET', '/api/handoffs/figures', { headers: AUTH, query: 'since=2026-11-01' }));
    expect(response.status).toBe(200);
    const { figures } = response.body as { figures: Record<string, any> };
    expect(figures.casesByReason).toMatchObject({ 'order-problem': 1, 'asked-for-person': 1 });
    expect(figures.firstReplyMinutes).toMatchObject({ count: 1, median: 30 });
  });

  it('refuses a since that is not a date', async () => {
    const response = await api(request('GET', '/api/handoffs/figures', { headers: AUTH, query: 'since=last-week' }));
    expect(response).toMatchObject({ status: 400, body: { error: { message: expect.stringContaining('since must be an ISO date') } } });
  });
});

describe('failures', () => {
  it('answers an inbox failure with 500 and a fixed sentence, logging the error\'s name only', async () => {
    inbox.list = () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:8000 at Object.<anonymous> (/var/task/x.ts:1:1)'), { name: 'DependencyError' }));
    const response = await api(request('GET', '/api/handoffs', { headers: AUTH }));
    expect(response).toMatchObject({ status: 500, body: { error: { code: 'internal_error', message: 'The inbox could not answer; see the server log.' } } });
    expect(log.entries.at(-1)).toMatchObject({ level: 'error', fields: { error: 'DependencyError' } });
  });
});
