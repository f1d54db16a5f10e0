/**
 * What a checkout confirm costs in DynamoDB requests, and what its one commit transaction writes: the order, the
 * answered question gone, the prediction update (rhythm, basis, PRED# items). Counted on the store's own client,
 * so the three round trips of the happy path (load, claim, commit) cannot silently grow again.
 */
import { readFileSync } from 'node:fs';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { buildVoiceCatalog } from '../../../skill/core/catalog/build/catalog-builder';
import { createConversationCore } from '../../../skill/core/conversation/engine';
import { dialogKeyOf } from '../../../skill/core/conversation/questions';
import type { Reply, Turn } from '../../../skill/core/turn';
import type { Log, Order } from '../../../skill/core/ports';
import { DEFAULT_POLICY } from '../../../skill/core/orders/policy';
import { emptyPriors } from '../../../skill/core/replenishment/priors';
import { replayOrders } from '../../../skill/core/replenishment/order-placed';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';
import { getItems } from '../../../skill/store/item-reads';
import { customerPk, SK } from '../../../skill/store/keys';
import { seedDemoCustomer } from '../../../skill/store/seed';
import { rebuildSummaries } from '../../../skill/store/summary-rebuild';
import { FixedClock, turn } from '../../helpers/fakes';
import { countRequests } from '../../helpers/request-counter';
import { createTestStore, storeCoreDeps } from '../../helpers/store';

const catalog = buildVoiceCatalog(JSON.parse(readFileSync(new URL('../../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));
const demo = JSON.parse(readFileSync(new URL('../../../skill/data/demo-customer.json', import.meta.url), 'utf8'));
const linked = { platform: 'alexa' as const, platformUserId: 'amzn1.ask.account.demo', accessToken: demo.accessToken as string };

class RecordingLog implements Log {
  readonly lines: Array<{ message: string; fields?: Record<string, unknown> }> = [];
  info(message: string, fields?: Record<string, unknown>) {
    this.lines.push({ message, ...(fields ? { fields } : {}) });
  }
  warn(message: string, fields?: Record<string, unknown>) {
    this.info(message, fields);
  }
  error(message: string, fields?: Record<string, unknown>) {
    this.info(message, fields);
  }
}

describe('checkout confirm on DynamoDB Local: requests and the one commit', async () => {
  const clock = new FixedClock();
  const store = await createTestStore(clock);
  await seedDemoCustomer(store.tableName, demo, clock, { catalog, priors: emptyPriors() });
  const requests = countRequests(store.client);
  const log = new RecordingLog();
  const payments = new LocalPaymentGateway({ timeoutMs: 300 });
  payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
  // No PIN step: the many-product order stays one yes.
  const core = createConversationCore(storeCoreDeps(store, { catalog, payments, clock, log, policy: { ...DEFAULT_POLICY, pinThresholdCents: 100_000_00 } }));
  const pk = customerPk(demo.customerId);

  async function send(partial: Partial<Turn> & Pick<Turn, 'intent'>): Promise<Reply> {
    return core.handle(turn({ customer: linked, ...partial }));
  }

  async function fillCart(lines: Array<{ productId: string; quantity: number }>) {
    const current = await store.customers.load(demo.customerId);
    await store.customers.saveCart(demo.customerId, lines, current.cart.version);
  }

  async function rhythmItem() {
    return (await getItems(store.client, store.tableName, [{ pk, sk: SK.rhythm }], { consistent: true }))[0];
  }

  it('costs three requests (load, claim, commit) and writes the order, the predictions and the end of the question in one transaction', async () => {
    const before = await rhythmItem();
    expect(before?.basisComplete).toBe(true);
    await fillCart([
      { productId: 'p001', quantity: 2 },
      { productId: 'p012', quantity: 1 },
    ]);
    const question = await send({ intent: 'CheckoutIntent', sessionId: 'count-1' });
    expect(question.ask).toEqual({ kind: 'confirm' });

    requests.reset();
    const reply = await send({ intent: 'Yes', session: question.sessionState, sessionId: 'count-1' });
    expect(reply.speech).toMatch(/^Done\./);
    expect(requests.commands).toEqual(['BatchGetItemCommand', 'PutItemCommand', 'TransactWriteItemsCommand']);
    expect(log.lines.map((line) => line.message)).not.toContain('prediction update written after the order');

    // The answered question went with the order.
    const dialogKey = dialogKeyOf({ customer: linked, sessionId: 'count-1' })!;
    expect(await getItems(store.client, store.tableName, [{ pk, sk: SK.dialog(dialogKey) }], { consistent: true })).toEqual([]);
    // The prediction update went with it too: the rhythm counts one more order, and the basis and the PRED# items
    // hold the same new states of the order's products.
    const after = (await rhythmItem())!;
    expect(after.lastOrderNumber).toBe((before!.lastOrderNumber as number) + 1);
    expect(after.basisComplete).toBe(true);
    const predictions = await store.customers.replenishment(demo.customerId, ['p001', 'p012']);
    for (const productId of ['p001', 'p012']) {
      const state = predictions!.items.find((item) => item.state.productId === productId)!.state;
      expect(state.lastOrderNumber).toBe(after.lastOrderNumber);
      expect(after[`ps:${productId}`]).toEqual(state);
    }
    // The same basis the replay of every order from its lines gives (what store:rebuild-summaries writes).
    const orders = await store.customers.recentOrders(demo.customerId, 1000);
    const replayed = replayOrders(demo.customerId, orders, catalog, emptyPriors());
    expect(after.rhythm).toEqual(replayed.rhythm);
    for (const item of replayed.items) expect(after[`ps:${item.state.productId}`]).toEqual(item.state);
  });

  it('keeps search, add and read cart as lean as before: the basis is read only by turns that may order', async () => {
    requests.reset();
    await send({ intent: 'ReadCartIntent', sessionId: 'count-2' });
    expect(requests.commands).toEqual(['BatchGetItemCommand']);
  });

  it('reads an unlinked shopper in one round trip, and finds a code link in that same read', async () => {
    const unlinked = { platform: 'google' as const, platformUserId: 'chat-unlinked' };
    // The first turn also records the first contact; the next is a read alone.
    await send({ intent: 'ReadCartIntent', sessionId: 'count-3', customer: unlinked });
    requests.reset();
    await send({ intent: 'ReadCartIntent', sessionId: 'count-3', customer: unlinked });
    expect(requests.commands).toEqual(['BatchGetItemCommand']);
    await store.client.send(
      new PutItemCommand({ TableName: store.tableName, Item: marshall({ pk: customerPk('google:chat-coded'), sk: SK.channelLink, type: 'channelLink', customerId: demo.customerId }) }),
    );
    await fillCart([{ productId: demo.orders[0].lines[0].productId, quantity: 1 }]);
    requests.reset();
    const first = await send({ intent: 'ReadCartIntent', sessionId: 'count-4', customer: { platform: 'google', platformUserId: 'chat-coded' } });
    // The identity's own load found the link; the account's load follows (then, once, the pre-link cart's move).
    expect(requests.commands.slice(0, 2)).toEqual(['BatchGetItemCommand', 'BatchGetItemCommand']);
    requests.reset();
    const next = await send({ intent: 'ReadCartIntent', sessionId: 'count-4', customer: { platform: 'google', platformUserId: 'chat-coded' } });
    expect(requests.commands).toEqual(['BatchGetItemCommand']);
    expect(next.speech).toBe(first.speech);
    // The account's cart, not the chat identity's empty one.
    expect(first.speech).toMatch(/^You have 1 item in your cart/);
  });

  it('rebuilds the basis from order lines to what the live commits kept', async () => {
    const live = await rhythmItem();
    // Data from before the basis: a RHYTHM item without states. A rebuild brings the states back.
    await store.client.send(new PutItemCommand({ TableName: store.tableName, Item: marshall({ pk, sk: SK.rhythm, type: 'rhythm', rhythm: live!.rhythm, lastOrderNumber: live!.lastOrderNumber }) }));
    expect((await store.customers.load(demo.customerId, { forOrder: true })).predictionBasis).toMatchObject({ complete: false, states: [] });
    const result = await rebuildSummaries(store.client, store.tableName, { customerId: demo.customerId, catalog });
    expect(result).toMatchObject({ customers: 1, bases: 1 });
    const rebuilt = await rhythmItem();
    expect(rebuilt).toEqual(live);
  });

  it('writes the predictions after the order when they do not fit in its transaction, and says so in the log', async () => {
    // 48 products: order, lines, cart, claim, summary and question take 53 actions, the predictions 49 more.
    const productIds = catalogIds(48);
    // A day after the first test's order, so the newest order is this one.
    clock.current = new Date(clock.current.getTime() + 86_400_000);
    await fillCart(productIds.map((productId) => ({ productId, quantity: 1 })));
    const question = await send({ intent: 'CheckoutIntent', sessionId: 'many-1' });
    expect(question.ask).toEqual({ kind: 'confirm' });
    log.lines.length = 0;
    requests.reset();
    const reply = await send({ intent: 'Yes', session: question.sessionState, sessionId: 'many-1' });
    expect(reply.speech).toMatch(/^Done\./);
    expect(requests.commands).toEqual(['BatchGetItemCommand', 'PutItemCommand', 'TransactWriteItemsCommand', 'TransactWriteItemsCommand']);
    const written = log.lines.find((line) => line.message === 'prediction update written after the order');
    expect(written?.fields).toEqual({ products: 48 });
    const after = (await rhythmItem())!;
    const [latest] = (await store.customers.recentOrders(demo.customerId, 1)) as Order[];
    expect(latest!.lines).toHaveLength(48);
    const predictions = await store.customers.replenishment(demo.customerId, productIds);
    expect(predictions!.items).toHaveLength(48);
    for (const item of predictions!.items) {
      expect(item.state.lastOrderNumber).toBe(after.lastOrderNumber);
      expect(after[`ps:${item.state.productId}`]).toEqual(item.state);
    }
  });

  function catalogIds(count: number): string[] {
    return Array.from({ length: count }, (_, i) => `p${String(i + 1).padStart(3, '0')}`).filter((id) => catalog.get(id));
  }
});
