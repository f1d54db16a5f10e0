/**
 * placeOrder on in-memory orders and the local gateway: what backs an order, what a retry does after each kind of
 * failure, and what happens to a charge nobody waited for.
 */
import { describe, expect, it } from 'vitest';
import { DependencyError } from '../../../../skill/core/errors';
import { COMMIT_MARGIN_MS, claimLeaseMs } from '../../../../skill/core/orders/charge-window';
import { InvalidChargeAmountError } from '../../../../skill/core/orders/errors';
import { chargeIdempotencyKey, orderIdempotencyKey } from '../../../../skill/core/orders/idempotency';
import { placeOrder, type PlaceOrderDeps, type PlaceOrderInput } from '../../../../skill/core/orders/place-order';
import { DEFAULT_POLICY } from '../../../../skill/core/orders/policy';
import type { Charge, ChargeRequest, PaymentGateway } from '../../../../skill/core/ports';
import { LocalPaymentGateway } from '../../../../skill/payments/local-gateway';
import { FixedClock, MemoryCustomers, MemoryOrders, SilentLog } from '../../../helpers/fakes';

const CUSTOMER = 'c-1';
const METHOD = { id: 'pm_1', brand: 'Visa', last4: '4242' };
const LINES = [{ productId: 'p1', quantity: 2 }];

async function setup(gatewayOptions: ConstructorParameters<typeof LocalPaymentGateway>[0] = {}) {
  const clock = new FixedClock();
  const customers = new MemoryCustomers();
  const cart = await customers.saveCart(CUSTOMER, LINES, 0);
  const orders = new MemoryOrders(customers, clock);
  const payments = new LocalPaymentGateway({ timeoutMs: 100, ...gatewayOptions });
  payments.registerPaymentMethod(METHOD.id, CUSTOMER);
  const deps: PlaceOrderDeps = { orders, payments, clock, log: new SilentLog(), policy: DEFAULT_POLICY };
  const input = (partial: Partial<PlaceOrderInput> = {}): PlaceOrderInput => ({
    customerId: CUSTOMER,
    cartLines: LINES,
    cartVersion: cart.version,
    quote: { lines: [{ productId: 'p1', quantity: 2, unitPriceCents: 500 }], unavailable: [], subtotalCents: 1000, taxCents: 83, taxIncluded: false, deliveryFeeCents: 499, totalCents: 1582, currency: 'USD' },
    paymentMethod: METHOD,
    claimant: `req-${Math.random()}`,
    ...partial,
  });
  const placed = () => [...orders.claims.values()].filter((claim) => claim.order).map((claim) => claim.order!);
  return { clock, customers, orders, payments, deps, input, placed };
}

describe('placeOrder', () => {
  it('places one order backed by one succeeded charge under the order key', async () => {
    const { deps, input, payments, placed } = await setup();
    const result = await placeOrder(deps, input());
    expect(result.kind).toBe('placed');
    const [charge] = payments.capturedCharges();
    expect(payments.allCharges()).toHaveLength(1);
    expect(placed()).toHaveLength(1);
    expect(placed()[0]!.chargeId).toBe(charge!.chargeId);
    // A cancellation refunds by the order's key: it must be the key the charge was made under.
    expect(placed()[0]!.idempotencyKey).toBe(charge!.idempotencyKey);
  });

  it('commits the order even when computing what goes with it fails: the money is taken by then', async () => {
    const { deps, input, payments, placed } = await setup();
    const result = await placeOrder(deps, {
      ...input(),
      alongside: () => {
        throw new Error('prediction update broke');
      },
    });
    expect(result).toMatchObject({ kind: 'placed', duplicate: false });
    expect(placed()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(1);
  });

  it('rejects an amount that is not a positive whole number of cents before the gateway sees it', async () => {
    for (const totalCents of [15.82, 0, -100, Number.NaN]) {
      const { deps, input, payments, orders } = await setup();
      const base = input();
      const result = await placeOrder(deps, { ...base, quote: { ...base.quote, totalCents } });
      expect(result).toMatchObject({ kind: 'failed', charged: 'no' });
      expect(result.kind === 'failed' && result.error).toBeInstanceOf(InvalidChargeAmountError);
      expect(payments.allCharges()).toHaveLength(0);
      expect(orders.claims.size).toBe(0);
    }
  });

  it('does not start a charge when the deadline leaves less than the gateway timeout plus the commit margin', async () => {
    const { deps, input, payments, orders } = await setup();
    const result = await placeOrder(deps, input({ deadline: Date.now() + 100 + COMMIT_MARGIN_MS - 50 }));
    expect(result).toEqual({ kind: 'too-late' });
    expect(payments.allCharges()).toHaveLength(0);
    expect(orders.claims.size).toBe(0);
    const enough = await placeOrder(deps, input({ deadline: Date.now() + 100 + COMMIT_MARGIN_MS + 500 }));
    expect(enough.kind).toBe('placed');
  });

  it('a copy of the yes too late to charge tells of the order another copy placed, not of an unchanged cart', async () => {
    const { deps, input, payments, placed } = await setup();
    const first = await placeOrder(deps, input());
    expect(first).toMatchObject({ kind: 'placed', duplicate: false });
    const late = await placeOrder(deps, input({ deadline: Date.now() }));
    expect(late).toMatchObject({ kind: 'placed', duplicate: true });
    expect(late.kind === 'placed' && late.order.orderId).toBe(first.kind === 'placed' && first.order.orderId);
    expect(placed()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(1);
  });

  it('after a timed-out charge, a retry charges anew and only the new charge backs the order', async () => {
    const { deps, input, payments, placed } = await setup({ failure: 'timeout' });
    const first = await placeOrder(deps, input());
    expect(first).toMatchObject({ kind: 'failed', charged: 'unknown' });
    expect(payments.capturedCharges()).toHaveLength(0);
    payments.failure = 'none';
    const retry = await placeOrder(deps, input());
    expect(retry).toMatchObject({ kind: 'placed', duplicate: false });
    await payments.settled();
    const all = payments.allCharges();
    expect(all.map((charge) => charge.status).sort()).toEqual(['refunded', 'succeeded']);
    expect(placed()).toHaveLength(1);
    expect(placed()[0]!.chargeId).toBe(payments.capturedCharges()[0]!.chargeId);
  });

  it('never orders when the gateway keeps timing out', async () => {
    const { deps, input, payments, placed } = await setup({ failure: 'timeout' });
    for (let i = 0; i < 3; i++) expect(await placeOrder(deps, input())).toMatchObject({ kind: 'failed', charged: 'unknown' });
    await payments.settled();
    expect(placed()).toHaveLength(0);
    expect(payments.allCharges()).toHaveLength(3);
    expect(payments.capturedCharges()).toHaveLength(0);
  });

  it('refunds a charge that completes after its deadline, and orders nothing', async () => {
    const { deps, input, payments, placed } = await setup({ latencyMs: 250 });
    const result = await placeOrder(deps, input());
    expect(result).toMatchObject({ kind: 'failed', charged: 'unknown' });
    expect(payments.allCharges()).toHaveLength(0);
    await payments.settled();
    expect(payments.allCharges()).toHaveLength(1);
    expect(payments.capturedCharges()).toHaveLength(0);
    expect(placed()).toHaveLength(0);
  });

  it('after a decline, orders nothing; a retry charges afresh and can succeed', async () => {
    const { deps, input, payments, placed } = await setup({ failure: 'decline' });
    expect(await placeOrder(deps, input())).toEqual({ kind: 'declined', reason: 'card_declined' });
    expect(placed()).toHaveLength(0);
    payments.failure = 'none';
    expect((await placeOrder(deps, input())).kind).toBe('placed');
    expect(payments.capturedCharges()).toHaveLength(1);
    expect(placed()).toHaveLength(1);
  });

  it('does not order on a charge the gateway reports as anything but succeeded', async () => {
    for (const status of ['refunded', 'pending', 'failed'] as const) {
      const { deps, input, placed } = await setup();
      const refunds: string[] = [];
      const gateway: PaymentGateway = {
        chargeTimeoutMs: 100,
        async charge(request: ChargeRequest): Promise<Charge> {
          return { chargeId: 'ch_old', amountCents: request.amountCents, currency: request.currency, status };
        },
        async refund(key) {
          refunds.push(key);
        },
      };
      const result = await placeOrder({ ...deps, payments: gateway }, input());
      expect(result).toMatchObject({ kind: 'failed', charged: 'unknown' });
      expect(placed()).toHaveLength(0);
      expect(refunds).toHaveLength(1);
    }
  });

  it('uses a fresh charge key on each attempt and refunds every earlier key before charging', async () => {
    const { deps, input } = await setup();
    const keys: string[] = [];
    const refunded: string[] = [];
    let fail = true;
    const gateway: PaymentGateway = {
      chargeTimeoutMs: 100,
      async charge(request) {
        keys.push(request.idempotencyKey);
        if (fail) throw new DependencyError('payment', 'no answer');
        return { chargeId: 'ch_new', amountCents: request.amountCents, currency: request.currency, status: 'succeeded' };
      },
      async refund(key) {
        refunded.push(key);
      },
    };
    await placeOrder({ ...deps, payments: gateway }, input());
    await placeOrder({ ...deps, payments: gateway }, input());
    fail = false;
    expect((await placeOrder({ ...deps, payments: gateway }, input())).kind).toBe('placed');
    expect(new Set(keys).size).toBe(3);
    // Each failed key is refunded when it fails, and again by every later attempt.
    expect(refunded.filter((key) => key === keys[0])).toHaveLength(3);
    expect(refunded).not.toContain(keys[2]);
  });

  it('gives one order and one charge for many identical confirmations at once', async () => {
    const { deps, input, payments, placed } = await setup();
    const same = input();
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => placeOrder(deps, { ...same, claimant: `retry-${i}` })));
    expect(results.filter((result) => result.kind === 'placed' && !result.duplicate)).toHaveLength(1);
    expect(results.every((result) => result.kind === 'placed')).toBe(true);
    expect(placed()).toHaveLength(1);
    expect(payments.allCharges()).toHaveLength(1);
  });

  it('a duplicate waiting on a failing attempt says what that attempt said', async () => {
    const { deps, input, payments } = await setup({ failure: 'timeout' });
    const same = input();
    const [winner, duplicate] = await Promise.all([placeOrder(deps, same), placeOrder(deps, { ...same, claimant: 'other' })]);
    expect(winner).toMatchObject({ kind: 'failed', charged: 'unknown' });
    expect(duplicate).toMatchObject({ kind: 'failed', charged: 'unknown' });
    await payments.settled();
    expect(payments.allCharges()).toHaveLength(1);
  });

  it('answers in progress while an abandoned claim is fresh, then takes it over and refunds its charge', async () => {
    const { clock, deps, input, payments, orders, placed } = await setup();
    const base = input();
    const key = orderIdempotencyKey(CUSTOMER, base.cartVersion, LINES);
    // A process claimed, charged and died before committing.
    const abandonedKey = chargeIdempotencyKey(key);
    await orders.claim(CUSTOMER, key, { claimant: 'dead', chargeKey: abandonedKey, leaseMs: claimLeaseMs(100) });
    await payments.charge({ customerId: CUSTOMER, paymentMethodId: METHOD.id, amountCents: base.quote.totalCents, currency: 'USD', idempotencyKey: abandonedKey });
    const tight = { deadline: Date.now() + 100 + COMMIT_MARGIN_MS + 1300 };
    expect(await placeOrder(deps, { ...base, ...tight })).toEqual({ kind: 'in-progress' });
    clock.current = new Date(clock.current.getTime() + claimLeaseMs(100) + 1);
    expect(await placeOrder(deps, base)).toMatchObject({ kind: 'placed', duplicate: false });
    const charges = payments.allCharges();
    expect(charges.find((charge) => charge.idempotencyKey === abandonedKey)?.status).toBe('refunded');
    expect(payments.capturedCharges()).toHaveLength(1);
    expect(placed()).toHaveLength(1);
    expect(placed()[0]!.chargeId).toBe(payments.capturedCharges()[0]!.chargeId);
  });

  it('refunds and keeps no order when the commit fails', async () => {
    const { deps, input, payments, orders, placed } = await setup();
    orders.commit = async () => {
      throw new DependencyError('dynamodb', 'commit failed');
    };
    expect(await placeOrder(deps, input())).toMatchObject({ kind: 'failed', charged: 'unknown' });
    expect(payments.capturedCharges()).toHaveLength(0);
    expect(placed()).toHaveLength(0);
  });

  it('keeps the charge when a commit that timed out did land', async () => {
    const { deps, input, payments, orders, placed } = await setup();
    const commit = orders.commit.bind(orders);
    orders.commit = async (...args) => {
      await commit(...args);
      throw new DependencyError('dynamodb', 'no answer in time');
    };
    expect(await placeOrder(deps, input())).toMatchObject({ kind: 'placed', duplicate: false });
    expect(payments.capturedCharges()).toHaveLength(1);
    expect(placed()).toHaveLength(1);
  });

  it('does not refund when it cannot tell whether a timed-out commit landed; the next attempt settles it', async () => {
    const { clock, deps, input, payments, orders, placed } = await setup();
    const real = { commit: orders.commit.bind(orders), release: orders.release.bind(orders), inspect: orders.inspect.bind(orders) };
    const down = async () => {
      throw new DependencyError('dynamodb', 'unreachable');
    };
    orders.commit = down;
    orders.release = down;
    orders.inspect = down;
    const base = input();
    expect(await placeOrder(deps, base)).toMatchObject({ kind: 'failed', charged: 'unknown' });
    expect(payments.capturedCharges()).toHaveLength(1);
    Object.assign(orders, real);
    clock.current = new Date(clock.current.getTime() + claimLeaseMs(100) + 1);
    expect((await placeOrder(deps, base)).kind).toBe('placed');
    expect(payments.allCharges().map((charge) => charge.status).sort()).toEqual(['refunded', 'succeeded']);
    expect(placed()).toHaveLength(1);
  });
});
