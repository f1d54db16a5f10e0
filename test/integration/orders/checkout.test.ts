/**
 * Checkout against DynamoDB Local with the real store, the real catalog index and the local payment gateway:
 * exactly-once under duplicate confirmations, and no order, no charge, an intact cart when something fails.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildVoiceCatalog } from '../../../skill/core/catalog/build/catalog-builder';
import { createConversationCore } from '../../../skill/core/conversation/engine';
import { DependencyError } from '../../../skill/core/errors';
import type { OrderRepository } from '../../../skill/core/ports';
import type { Reply, Turn } from '../../../skill/core/turn';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';
import { seedDemoCustomer } from '../../../skill/store/seed';
import { FixedClock, SilentLog, turn } from '../../helpers/fakes';
import { createTestStore, storeCoreDeps } from '../../helpers/store';

const catalog = buildVoiceCatalog(JSON.parse(readFileSync(new URL('../../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));
const demo = JSON.parse(readFileSync(new URL('../../../skill/data/demo-customer.json', import.meta.url), 'utf8'));
const linked = { platform: 'alexa' as const, platformUserId: 'amzn1.ask.account.demo', accessToken: demo.accessToken as string };

describe('checkout on DynamoDB Local', async () => {
  const clock = new FixedClock();
  const store = await createTestStore(clock);
  await seedDemoCustomer(store.tableName, demo, clock);
  let payments: LocalPaymentGateway;
  let orders: OrderRepository;
  const log = new SilentLog();

  function core() {
    return createConversationCore(storeCoreDeps(store, { catalog, orders, payments, clock, log }));
  }

  async function send(partial: Partial<Turn> & Pick<Turn, 'intent'>): Promise<Reply> {
    return core().handle(turn({ customer: linked, ...partial }));
  }

  async function fillCart(lines: Array<{ productId: string; quantity: number }>) {
    const current = await store.customers.load(demo.customerId);
    await store.customers.saveCart(demo.customerId, lines, current.cart.version);
  }

  async function ordersInTable() {
    return store.customers.recentOrders(demo.customerId, 1000);
  }

  beforeEach(async () => {
    payments = new LocalPaymentGateway({ timeoutMs: 300 });
    payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
    orders = store.orders;
    await fillCart([
      { productId: 'p001', quantity: 2 },
      { productId: 'p012', quantity: 1 },
    ]);
  });

  it('reads back items, total with tax and delivery, address and seller before asking', async () => {
    const reply = await send({ intent: 'CheckoutIntent' });
    expect(reply.speech).toMatch(/^Your order from vocart demo shop: 2 Ground Coffee Medium Roast \(12 oz each\), \$\d+\.\d\d and .+\. The total is \$\d+\.\d\d, including \$\d+\.\d\d tax and \$4\.99 delivery, to 742 Maple Grove Lane, Springfield, paid with Visa ending in ⟦digits:4242⟧\. Shall I place the order\?$/);
    expect(reply.ask).toEqual({ kind: 'confirm' });
    // The question waits server-side, never in the session the client sends back.
    expect(reply.sessionState.pending).toBeUndefined();
    expect(reply.ask).toEqual({ kind: 'confirm' });
  });

  it('places one order and one charge for 20 identical confirmations in parallel', async () => {
    const before = (await ordersInTable()).length;
    const question = await send({ intent: 'CheckoutIntent' });
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send({ intent: 'Yes', session: question.sessionState, requestId: `retry-${i}` })),
    );
    const after = await ordersInTable();
    expect(after.length - before).toBe(1);
    expect(payments.capturedCharges()).toHaveLength(1);
    expect(payments.capturedCharges()[0]!.amountCents).toBe(after[0]!.totalCents);
    const snapshot = await store.customers.load(demo.customerId);
    expect(snapshot.cart.lines).toEqual([]);
    const orderId = after[0]!.orderId;
    // A copy that read the question before the commit names the one order; the commit deletes the question with the
    // order, so a copy whose load came after it is a late yes and acts on nothing (as the next test's late yes).
    for (const reply of replies) {
      if (!reply.speech.replace(/ /g, '').includes(orderId)) expect(reply.speech).toMatch(/nothing waiting for a yes or no/);
    }
    expect(replies.filter((reply) => /^Done\./.test(reply.speech))).toHaveLength(1);
    expect(after[0]!.lines.map((line) => line.productId).sort()).toEqual(['p001', 'p012']);
  });

  it('answers a late second yes after the order with nothing to confirm, and neither orders nor charges again', async () => {
    const before = (await ordersInTable()).length;
    const question = await send({ intent: 'CheckoutIntent' });
    const first = await send({ intent: 'Yes', session: question.sessionState });
    const again = await send({ intent: 'Yes', session: question.sessionState });
    expect(first.speech).toMatch(/^Done\./);
    // The question was answered by the first yes; the second one (even with the read-back's session) answers nothing.
    expect(again.speech).toMatch(/nothing waiting for a yes or no/);
    expect((await ordersInTable()).length).toBe(before + 1);
    expect(payments.capturedCharges()).toHaveLength(1);
  });

  it('keeps the cart and charges nothing when the payment is declined', async () => {
    payments.failure = 'decline';
    const before = (await ordersInTable()).length;
    const question = await send({ intent: 'CheckoutIntent' });
    const reply = await send({ intent: 'Yes', session: question.sessionState });
    expect(reply.speech).toMatch(/declined.*cart is unchanged/);
    expect((await ordersInTable()).length).toBe(before);
    expect(payments.capturedCharges()).toHaveLength(0);
    expect((await store.customers.load(demo.customerId)).cart.lines).toHaveLength(2);
  });

  it('after a timed-out charge, checking out again orders once, backed only by the new charge', async () => {
    payments.failure = 'timeout';
    const before = (await ordersInTable()).length;
    const question = await send({ intent: 'CheckoutIntent' });
    const reply = await send({ intent: 'Yes', session: question.sessionState });
    expect(reply.speech).toMatch(/couldn't place your order/);
    expect(payments.allCharges()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(0);
    expect((await store.customers.load(demo.customerId)).cart.lines).toHaveLength(2);
    // The gateway recovers; the shopper checks out again. The old, refunded charge must not back the order.
    payments.failure = 'none';
    const again = await send({ intent: 'CheckoutIntent', session: reply.sessionState });
    const retry = await send({ intent: 'Yes', session: again.sessionState });
    expect(retry.speech).toMatch(/^Done\./);
    const after = await ordersInTable();
    expect(after.length - before).toBe(1);
    expect(payments.allCharges()).toHaveLength(2);
    expect(payments.capturedCharges()).toHaveLength(1);
    // Earlier tests here placed orders at the same clock time: find ours by charge, not by position.
    const chargeIds = after.map((order) => order.chargeId);
    expect(chargeIds).toContain(payments.capturedCharges()[0]!.chargeId);
    const refunded = payments.allCharges().find((charge) => charge.status === 'refunded')!;
    expect(chargeIds).not.toContain(refunded.chargeId);
  });

  it('never says done while the gateway keeps timing out, however often the shopper checks out', async () => {
    payments.failure = 'timeout';
    const before = (await ordersInTable()).length;
    let session = (await send({ intent: 'CheckoutIntent' })).sessionState;
    for (let i = 0; i < 2; i++) {
      const reply = await send({ intent: 'Yes', session });
      expect(reply.speech).not.toMatch(/^Done/);
      session = (await send({ intent: 'CheckoutIntent', session: reply.sessionState })).sessionState;
    }
    await payments.settled();
    expect((await ordersInTable()).length).toBe(before);
    expect(payments.capturedCharges()).toHaveLength(0);
    expect((await store.customers.load(demo.customerId)).cart.lines).toHaveLength(2);
  });

  it('refunds and keeps the cart when the database fails while committing', async () => {
    orders = new Proxy(store.orders, {
      get(target, property, receiver) {
        if (property === 'commit') return async () => { throw new DependencyError('dynamodb', 'commit failed', { cause: new Error('ProvisionedThroughputExceededException') }); };
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const before = (await ordersInTable()).length;
    const question = await send({ intent: 'CheckoutIntent' });
    const reply = await send({ intent: 'Yes', session: question.sessionState });
    expect(reply.speech).toMatch(/couldn't place your order/);
    expect((await ordersInTable()).length).toBe(before);
    expect(payments.capturedCharges()).toHaveLength(0);
    expect((await store.customers.load(demo.customerId)).cart.lines).toHaveLength(2);
  });

  it('does not order when the cart changed after the read-back', async () => {
    const question = await send({ intent: 'CheckoutIntent' });
    await fillCart([{ productId: 'p020', quantity: 1 }]);
    const reply = await send({ intent: 'Yes', session: question.sessionState });
    expect(reply.speech).toMatch(/cart changed/);
    expect(payments.capturedCharges()).toHaveLength(0);
  });

  it('sends the account-linking card when no account is linked', async () => {
    const reply = await core().handle(turn({ intent: 'CheckoutIntent', customer: { platform: 'google', platformUserId: 'anon' } }));
    expect(reply.linkAccount).toBe(true);
    expect(reply.speech).toMatch(/link your account/);
  });
});
