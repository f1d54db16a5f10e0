/**
 * Payments exactly once through failures, on DynamoDB Local with the real order repository and the local gateway:
 * orders are counted in the table, charges as captured (succeeded) or refunded in the gateway.
 */
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { COMMIT_MARGIN_MS, claimLeaseMs } from '../../../skill/core/orders/charge-window';
import { chargeIdempotencyKey, orderIdempotencyKey } from '../../../skill/core/orders/idempotency';
import { placeOrder, type PlaceOrderDeps, type PlaceOrderInput } from '../../../skill/core/orders/place-order';
import { DEFAULT_POLICY } from '../../../skill/core/orders/policy';
import type { CartLine } from '../../../skill/core/ports';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';
import { FixedClock, SilentLog } from '../../helpers/fakes';
import { createTestStore } from '../../helpers/store';

const TIMEOUT_MS = 200;
const LINES: CartLine[] = [
  { productId: 'p001', quantity: 2 },
  { productId: 'p012', quantity: 1 },
];
const METHOD = { id: 'pm_test', brand: 'Visa', last4: '4242' };

describe('order placement through failures on DynamoDB Local', async () => {
  const clock = new FixedClock();
  const store = await createTestStore(clock);
  let customerId: string;
  let payments: LocalPaymentGateway;
  let deps: PlaceOrderDeps;

  beforeEach(() => {
    clock.current = new Date('2026-11-23T10:00:00.000Z');
    customerId = `c-${randomUUID().slice(0, 8)}`;
    payments = new LocalPaymentGateway({ timeoutMs: TIMEOUT_MS });
    payments.registerPaymentMethod(METHOD.id, customerId);
    deps = { orders: store.orders, payments, clock, log: new SilentLog(), policy: DEFAULT_POLICY };
  });

  /** Puts LINES in the cart (a fresh cart starts at version 0) and returns the placement input for it. */
  async function confirmedCart(): Promise<PlaceOrderInput> {
    const current = await store.customers.load(customerId);
    const cart = await store.customers.saveCart(customerId, LINES, current.cart.version);
    return {
      customerId,
      cartLines: LINES,
      cartVersion: cart.version,
      quote: {
        lines: LINES.map((line) => ({ ...line, unitPriceCents: 999 })),
        unavailable: [],
        subtotalCents: 2997,
        taxCents: 247,
        taxIncluded: false,
        deliveryFeeCents: 499,
        totalCents: 3743,
        currency: 'USD',
      },
      paymentMethod: METHOD,
      claimant: `req-${randomUUID()}`,
    };
  }

  async function ordersInTable() {
    return store.customers.recentOrders(customerId, 1000);
  }

  function retry(input: PlaceOrderInput): PlaceOrderInput {
    return { ...input, claimant: `req-${randomUUID()}` };
  }

  it('timeout, then a retry: exactly one succeeded charge, backing exactly one order', async () => {
    payments.failure = 'timeout';
    const input = await confirmedCart();
    expect(await placeOrder(deps, input)).toMatchObject({ kind: 'failed', charged: 'unknown' });
    expect(await ordersInTable()).toHaveLength(0);
    expect((await store.customers.load(customerId)).cart.lines).toHaveLength(2);
    payments.failure = 'none';
    const second = await placeOrder(deps, retry(input));
    expect(second).toMatchObject({ kind: 'placed', duplicate: false });
    await payments.settled();
    const orders = await ordersInTable();
    expect(orders).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(1);
    expect(payments.allCharges()).toHaveLength(2);
    expect(orders[0]!.chargeId).toBe(payments.capturedCharges()[0]!.chargeId);
    expect(orders[0]!.idempotencyKey).toBe(payments.capturedCharges()[0]!.idempotencyKey);
    expect((await store.customers.load(customerId)).cart.lines).toEqual([]);
  });

  it('timeout, then a retry that times out too: no order and nothing captured', async () => {
    payments.failure = 'timeout';
    const input = await confirmedCart();
    await placeOrder(deps, input);
    expect(await placeOrder(deps, retry(input))).toMatchObject({ kind: 'failed', charged: 'unknown' });
    await payments.settled();
    expect(await ordersInTable()).toHaveLength(0);
    expect(payments.allCharges()).toHaveLength(2);
    expect(payments.capturedCharges()).toHaveLength(0);
  });

  it('a charge that completes after its deadline ends refunded, and no order exists', async () => {
    payments = new LocalPaymentGateway({ timeoutMs: TIMEOUT_MS, latencyMs: TIMEOUT_MS + 300 });
    payments.registerPaymentMethod(METHOD.id, customerId);
    deps = { ...deps, payments };
    const input = await confirmedCart();
    expect(await placeOrder(deps, input)).toMatchObject({ kind: 'failed', charged: 'unknown' });
    await payments.settled();
    expect(payments.allCharges()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(0);
    expect(await ordersInTable()).toHaveLength(0);
  });

  it('decline: no order; the retry charges afresh and succeeds', async () => {
    payments.failure = 'decline';
    const input = await confirmedCart();
    expect(await placeOrder(deps, input)).toEqual({ kind: 'declined', reason: 'card_declined' });
    expect(await ordersInTable()).toHaveLength(0);
    payments.failure = 'none';
    expect(await placeOrder(deps, retry(input))).toMatchObject({ kind: 'placed', duplicate: false });
    expect(await ordersInTable()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(1);
  });

  it('a crashed attempt blocks only until its lease ends; the takeover refunds its charge and orders once', async () => {
    const input = await confirmedCart();
    const key = orderIdempotencyKey(customerId, input.cartVersion, LINES);
    const abandonedKey = chargeIdempotencyKey(key);
    // The dead process: claimed, charged, never committed nor released.
    await store.orders.claim(customerId, key, { claimant: 'dead-request', chargeKey: abandonedKey, leaseMs: claimLeaseMs(TIMEOUT_MS) });
    await payments.charge({ customerId, paymentMethodId: METHOD.id, amountCents: input.quote.totalCents, currency: 'USD', idempotencyKey: abandonedKey });

    const early = await placeOrder(deps, { ...retry(input), deadline: Date.now() + TIMEOUT_MS + COMMIT_MARGIN_MS + 1500 });
    expect(early).toEqual({ kind: 'in-progress' });
    expect(payments.allCharges()).toHaveLength(1);

    clock.current = new Date(clock.current.getTime() + claimLeaseMs(TIMEOUT_MS) + 1);
    const late = await placeOrder(deps, retry(input));
    expect(late).toMatchObject({ kind: 'placed', duplicate: false });
    const orders = await ordersInTable();
    expect(orders).toHaveLength(1);
    expect(payments.allCharges().find((charge) => charge.idempotencyKey === abandonedKey)?.status).toBe('refunded');
    expect(payments.capturedCharges()).toHaveLength(1);
    expect(orders[0]!.chargeId).toBe(payments.capturedCharges()[0]!.chargeId);
    // The dead process cannot commit under the claim it lost.
    await expect(store.orders.release(customerId, { key, claimant: 'dead-request' }, { kind: 'failed', charged: 'unknown' })).resolves.toBe(false);
  });

  it('after erasure with kept orders, the same cart lines at the same cart version order again', async () => {
    const first = await confirmedCart();
    const placed = await placeOrder(deps, first);
    expect(placed).toMatchObject({ kind: 'placed', duplicate: false });
    await store.customers.erase(customerId, { keepOrders: true });
    expect(await ordersInTable()).toHaveLength(1);

    const again = await confirmedCart();
    expect(again.cartVersion).toBe(first.cartVersion);
    const second = await placeOrder(deps, again);
    expect(second).toMatchObject({ kind: 'placed', duplicate: false });
    const orders = await ordersInTable();
    expect(orders).toHaveLength(2);
    expect(new Set(orders.map((order) => order.orderId)).size).toBe(2);
    expect(payments.capturedCharges()).toHaveLength(2);
  });

  it('with too little time left, charges nothing and claims nothing', async () => {
    const input = await confirmedCart();
    const result = await placeOrder(deps, { ...input, deadline: Date.now() + TIMEOUT_MS });
    expect(result).toEqual({ kind: 'too-late' });
    expect(payments.allCharges()).toHaveLength(0);
    expect(await store.orders.inspect(customerId, orderIdempotencyKey(customerId, input.cartVersion, LINES))).toEqual({ kind: 'none' });
    expect(await ordersInTable()).toHaveLength(0);
  });

  it('twenty identical confirmations at once: one order, one charge', async () => {
    const input = await confirmedCart();
    const results = await Promise.all(Array.from({ length: 20 }, () => placeOrder(deps, retry(input))));
    expect(results.filter((result) => result.kind === 'placed' && !result.duplicate)).toHaveLength(1);
    expect(await ordersInTable()).toHaveLength(1);
    expect(payments.allCharges()).toHaveLength(1);
  });
});
