/**
 * Exactly-once order placement: claim the idempotency key, charge with the same key, commit order + lines + empty
 * cart in one transaction. Any failure after the charge refunds it and releases the claim, so the outcome is
 * always either one order with one charge, or no order, no charge and the cart as it was.
 */
import { ConcurrentUpdateError, PaymentDeclinedError } from '../errors';
import type { CartLine, Clock, Log, Order, OrderRepository, PaymentGateway, PaymentMethodRef } from '../ports';
import { orderIdempotencyKey, orderNumber } from './idempotency';
import type { ShopPolicy } from './policy';
import type { Quote } from './quote';

const HOUR_MS = 60 * 60 * 1000;

export type PlaceOrderResult =
  | { kind: 'placed'; order: Order; duplicate: boolean }
  | { kind: 'in-progress' }
  | { kind: 'declined'; reason: string }
  | { kind: 'cart-changed' }
  | { kind: 'failed'; error: unknown };

export interface PlaceOrderDeps {
  orders: OrderRepository;
  payments: PaymentGateway;
  clock: Clock;
  log: Log;
  policy: ShopPolicy;
}

export interface PlaceOrderInput {
  customerId: string;
  cartLines: readonly CartLine[];
  cartVersion: number;
  quote: Quote;
  paymentMethod: PaymentMethodRef;
  /** Who claims the key: the platform request id, so a retry of the same request is recognised in logs. */
  claimant: string;
}

/** How long a losing duplicate waits for the winner before answering "being placed". */
const DUPLICATE_WAIT_MS = 2500;

export async function placeOrder(deps: PlaceOrderDeps, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const key = orderIdempotencyKey(input.customerId, input.cartVersion, input.cartLines);
  const claim = await deps.orders.claim(input.customerId, key, input.claimant);
  if (claim.kind === 'placed') return { kind: 'placed', order: claim.order, duplicate: true };
  if (claim.kind === 'in-progress') return waitForWinner(deps, input.customerId, key);

  const now = deps.clock.now();
  let charged = false;
  try {
    const charge = await deps.payments.charge({
      customerId: input.customerId,
      paymentMethodId: input.paymentMethod.id,
      amountCents: input.quote.totalCents,
      currency: input.quote.currency,
      idempotencyKey: key,
    });
    charged = true;
    const order: Order & { idempotencyKey: string } = {
      orderId: orderNumber(key),
      customerId: input.customerId,
      placedAt: now.toISOString(),
      status: 'placed',
      lines: input.quote.lines,
      subtotalCents: input.quote.subtotalCents,
      taxCents: input.quote.taxCents,
      deliveryFeeCents: input.quote.deliveryFeeCents,
      totalCents: input.quote.totalCents,
      currency: input.quote.currency,
      deliveryBy: new Date(now.getTime() + deps.policy.deliveryDays * 24 * HOUR_MS).toISOString(),
      cancellableUntil: new Date(now.getTime() + deps.policy.cancelWindowHours * HOUR_MS).toISOString(),
      chargeId: charge.chargeId,
      idempotencyKey: key,
      cartVersion: input.cartVersion,
    };
    await deps.orders.commit(order, input.cartVersion, input.claimant);
    deps.log.info('order placed', { orderId: order.orderId, lines: order.lines.length });
    return { kind: 'placed', order, duplicate: false };
  } catch (error) {
    // A commit that timed out may still have landed: never refund an order that exists.
    const landed = charged ? await deps.orders.findByKey(input.customerId, key).catch(() => undefined) : undefined;
    if (landed) return { kind: 'placed', order: landed, duplicate: false };
    await undo(deps, input, key, charged);
    if (error instanceof PaymentDeclinedError) return { kind: 'declined', reason: error.reason };
    if (error instanceof ConcurrentUpdateError) return { kind: 'cart-changed' };
    return { kind: 'failed', error };
  }
}

/**
 * Undo after a failure: refund by key (also when the charge call itself timed out, since the gateway may have
 * charged anyway), then free the key so the shopper can try again. Undo failures are logged, not thrown: the
 * shopper hears the apology either way, and an unreleased claim expires.
 */
async function undo(deps: PlaceOrderDeps, input: PlaceOrderInput, key: string, charged: boolean): Promise<void> {
  try {
    await deps.payments.refund(key);
  } catch (error) {
    deps.log.error('refund after failed order did not go through', { charged, error: error instanceof Error ? error.name : typeof error });
  }
  try {
    await deps.orders.release(input.customerId, key, input.claimant);
  } catch (error) {
    deps.log.warn('could not release order claim; it expires on its own', { error: error instanceof Error ? error.name : typeof error });
  }
}

async function waitForWinner(deps: PlaceOrderDeps, customerId: string, key: string): Promise<PlaceOrderResult> {
  const deadline = Date.now() + DUPLICATE_WAIT_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const order = await deps.orders.findByKey(customerId, key);
    if (order) return { kind: 'placed', order, duplicate: true };
  }
  return { kind: 'in-progress' };
}
