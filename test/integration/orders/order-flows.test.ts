/** Voice PIN, order status, cancellation and "my usual" against DynamoDB Local with the seeded demo history. */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildVoiceCatalog } from '../../../skill/core/catalog/build/catalog-builder';
import { createConversationCore } from '../../../skill/core/conversation/engine';
import type { Reply, Turn } from '../../../skill/core/turn';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';
import { seedDemoCustomer } from '../../../skill/store/seed';
import { FixedClock, SilentLog, turn } from '../../helpers/fakes';
import { createTestStore, storeCoreDeps } from '../../helpers/store';

const catalog = buildVoiceCatalog(JSON.parse(readFileSync(new URL('../../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));
const demo = JSON.parse(readFileSync(new URL('../../../skill/data/demo-customer.json', import.meta.url), 'utf8'));
const linked = { platform: 'google' as const, platformUserId: 'df-session-user', accessToken: demo.accessToken as string };

describe('order flows on DynamoDB Local', () => {
  const clock = new FixedClock();
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let payments: LocalPaymentGateway;
  let session: Turn['session'] = {};

  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>): Promise<Reply> {
    const core = createConversationCore(storeCoreDeps(store, { catalog, payments, clock, log: new SilentLog() }));
    const reply = await core.handle(turn({ customer: linked, session, ...partial }));
    session = reply.sessionState;
    return reply;
  }

  beforeEach(async () => {
    // A fresh table per test: PIN locks and cancellations must not leak between cases.
    store = await createTestStore(clock);
    await seedDemoCustomer(store.tableName, demo, clock);
    payments = new LocalPaymentGateway();
    payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
    session = {};
  });

  async function expensiveCart() {
    // The demo perfume costs well over the $100 PIN threshold.
    await store.customers.saveCart(demo.customerId, [{ productId: 'p172', quantity: 1 }], 0);
  }

  it('asks for the voice PIN above the threshold and orders after the right one', async () => {
    await expensiveCart();
    await say({ intent: 'CheckoutIntent' });
    const pinQuestion = await say({ intent: 'Yes' });
    expect(pinQuestion.speech).toMatch(/four-digit voice PIN/);
    expect(pinQuestion.ask).toEqual({ kind: 'elicit', slot: 'pin', intent: 'VoicePinIntent' });
    const wrong = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '9999' } } });
    expect(wrong.speech).toMatch(/2 tries left/);
    const placed = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '1234' } } });
    expect(placed.speech).toMatch(/^Done\./);
    expect(payments.capturedCharges()).toHaveLength(1);
  });

  it('locks voice ordering after three wrong PINs and says how to unlock', async () => {
    await expensiveCart();
    await say({ intent: 'CheckoutIntent' });
    await say({ intent: 'Yes' });
    await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '1111' } } });
    await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '2222' } } });
    const locked = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '3333' } } });
    expect(locked.speech).toMatch(/locked.*reset your voice PIN/);
    expect(locked.endSession).toBe(true);
    session = {};
    const later = await say({ intent: 'CheckoutIntent' });
    expect(later.speech).toMatch(/locked/);
    expect(payments.allCharges()).toHaveLength(0);
    expect((await store.customers.load(demo.customerId)).cart.lines).toHaveLength(1);
  });

  it('tells where the latest order is, and cancels it with a refund while it is cancellable', async () => {
    await store.customers.saveCart(demo.customerId, [{ productId: 'p001', quantity: 1 }], 0);
    await say({ intent: 'CheckoutIntent' });
    const placed = await say({ intent: 'Yes' });
    const orderId = /order ((?:\w )+\w) is placed/.exec(placed.speech)![1]!.replace(/ /g, '');
    session = {};
    const status = await say({ intent: 'OrderStatusIntent' });
    expect(status.speech.replace(/(\w) (?=\w\b)/g, '$1')).toContain(orderId);
    expect(status.speech).toMatch(/on its way and should arrive by Wednesday, November 25/);
    const question = await say({ intent: 'CancelOrderIntent' });
    expect(question.ask).toEqual({ kind: 'confirm' });
    const cancelled = await say({ intent: 'Yes' });
    expect(cancelled.speech).toMatch(/is cancelled/);
    expect(payments.capturedCharges()).toHaveLength(0);
    const orders = await store.customers.recentOrders(demo.customerId);
    expect(orders.find((order) => order.orderId === orderId)?.status).toBe('cancelled');
  });

  it('says a delivered order was delivered instead of offering to cancel it', async () => {
    // The demo customer's seeded orders all arrived before today.
    const reply = await say({ intent: 'CancelOrderIntent' });
    expect(reply.speech).toMatch(/^Your last order, .+, was delivered on \w+day, November \d+, so there's nothing left to cancel\.$/);
    expect(reply.ask).toBeUndefined();
  });

  it('refuses to cancel once the order is dispatched', async () => {
    await store.customers.saveCart(demo.customerId, [{ productId: 'p001', quantity: 1 }], 0);
    await say({ intent: 'CheckoutIntent' });
    await say({ intent: 'Yes' });
    clock.current = new Date(clock.current.getTime() + 13 * 3600 * 1000);
    try {
      const reply = await say({ intent: 'CancelOrderIntent' });
      expect(reply.speech).toMatch(/already been dispatched/);
    } finally {
      clock.current = new Date('2026-11-23T10:00:00.000Z');
    }
  });

  it('orders "my usual coffee" as the coffee this shopper buys, read back like checkout', async () => {
    const reply = await say({ intent: 'ReorderIntent', slots: { product: { raw: 'coffee' } } });
    const usualCoffee = catalog.get('p001')!.names['en-US']!;
    expect(reply.speech).toContain(`I've put ${usualCoffee} in your cart.`);
    expect(reply.speech).toMatch(/Shall I place the order\?$/);
    // The question waits server-side, never in the session the client sends back.
    expect(reply.sessionState.pending).toBeUndefined();
    expect(reply.ask).toEqual({ kind: 'confirm' });
  });

  it('rebuilds the last order as the cart on "repeat my last order"', async () => {
    const reply = await say({ intent: 'ReorderIntent' });
    const last = demo.orders[0];
    const cart = (await store.customers.load(demo.customerId)).cart.lines.map((line) => line.productId).sort();
    expect(cart).toEqual(last.lines.map((line: { productId: string }) => line.productId).sort());
    expect(reply.speech).toMatch(/Shall I place the order\?$/);
  });
});
