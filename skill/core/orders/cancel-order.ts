/**
 * Cancelling and refunding an order: the same commands whether the shopper asks the bot or a person from the shop
 * acts for them in the inbox, so both are held to the same rules (only a placed order, only before dispatch for a
 * cancellation) and refund by the same charge key.
 */
import type { Clock, Order, OrderRepository, PaymentGateway } from '../ports';

export interface OrderCommandDeps {
  orders: OrderRepository;
  payments: PaymentGateway;
  clock: Clock;
}

export type CancelOutcome = { kind: 'cancelled'; order: Order } | { kind: 'not-placed' } | { kind: 'too-late' };

/** Cancels the order if it is still placed and not dispatched, then refunds its charge. */
export async function cancelAndRefund(deps: OrderCommandDeps, customerId: string, order: Order): Promise<CancelOutcome> {
  if (order.status !== 'placed') return { kind: 'not-placed' };
  const now = deps.clock.now();
  if (new Date(order.cancellableUntil) <= now) return { kind: 'too-late' };
  const cancelled = await deps.orders.cancel(customerId, order, now);
  if (!cancelled) return { kind: 'too-late' };
  if (order.idempotencyKey) await deps.payments.refund(order.idempotencyKey);
  return { kind: 'cancelled', order: cancelled };
}

export type RefundOutcome = { kind: 'refunded' } | { kind: 'no-charge' };

/**
 * Refunds what was charged for the order without cancelling it (a damaged or missing delivery): the gateway refunds
 * by the order's charge key and does nothing on a repeat, so a second refund by mistake takes nothing twice.
 */
export async function refundOrder(deps: Pick<OrderCommandDeps, 'payments'>, order: Order): Promise<RefundOutcome> {
  if (!order.idempotencyKey) return { kind: 'no-charge' };
  await deps.payments.refund(order.idempotencyKey);
  return { kind: 'refunded' };
}
