/**
 * Exactly-once order placement, through failures. Every duplicate of one confirmation meets at one claim on the
 * confirmation key; the request holding it refunds the charge keys of earlier failed or abandoned attempts, charges
 * with a fresh key of its own, and commits order + lines + empty cart in one transaction only on a charge that
 * succeeded now. The outcome is one order backed by one live charge, or no order and every charge refunded.
 */
import { ConcurrentUpdateError, PaymentDeclinedError } from '../errors';
import type { AttemptOutcome, CartLine, Charge, Clock, CommitReport, HeldClaim, Log, Order, OrderCommitExtras, OrderRepository, PaymentGateway, PaymentMethodRef } from '../ports';
import { claimLeaseMs, COMMIT_MARGIN_MS, latestChargeStart } from './charge-window';
import { ChargeNotCapturedError, EarlierAttemptUnsettledError, InvalidChargeAmountError, OtherAttemptFailedError } from './errors';
import { chargeIdempotencyKey, orderIdempotencyKey, orderNumber } from './idempotency';
import type { ShopPolicy } from './policy';
import type { Quote } from './quote';

const HOUR_MS = 60 * 60 * 1000;

/** `no`: certainly nothing was taken. `unknown`: something may have been, and it is being refunded. */
export type Charged = 'no' | 'unknown';

export type PlaceOrderResult =
  /**
   * `written`: what of the commit's extras this request's commit wrote with the order; absent for a duplicate, and
   * when the commit's outcome was only learnt afterwards (the caller then writes or settles them itself, idempotently).
   */
  | { kind: 'placed'; order: Order; duplicate: boolean; written?: CommitReport }
  /** Another request is placing this very confirmation right now. */
  | { kind: 'in-progress' }
  /** The gateway refused: nothing was charged. */
  | { kind: 'declined'; reason: string }
  /** The cart moved on between read-back and commit; any charge of this attempt is refunded. */
  | { kind: 'cart-changed'; charged: Charged }
  /** Not enough time left to charge and commit before the deadline: not attempted, nothing charged. */
  | { kind: 'too-late' }
  | { kind: 'failed'; charged: Charged; error: unknown };

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
  /**
   * When the reply must be ready, in wall-clock epoch ms (Date.now, like the turn budget). No charge starts unless
   * the gateway's deadline plus a commit margin still fits before it.
   */
  deadline?: number;
  /**
   * What to write beside the order in its commit transaction, given the order as it will be stored (the prediction
   * update, the answered question). Called once, after the charge succeeded; it must not fail or do I/O.
   */
  alongside?: (order: Order) => OrderCommitExtras;
}

/** How long a losing duplicate waits for the winner before answering "being placed". */
const DUPLICATE_WAIT_MS = 2500;
const POLL_MS = 250;

export async function placeOrder(deps: PlaceOrderDeps, input: PlaceOrderInput): Promise<PlaceOrderResult> {
  const amount = input.quote.totalCents;
  if (!Number.isSafeInteger(amount) || amount <= 0) return { kind: 'failed', charged: 'no', error: new InvalidChargeAmountError(amount) };
  const timeoutMs = deps.payments.chargeTimeoutMs;
  const key = orderIdempotencyKey(input.customerId, input.cartVersion, input.cartLines);
  if (Date.now() > latestChargeStart(timeoutMs, [input.deadline])) return tooLateUnlessPlaced(deps, input.customerId, key);

  const chargeKey = chargeIdempotencyKey(key);
  const leaseMs = claimLeaseMs(timeoutMs);
  const leaseEnd = Date.now() + leaseMs;
  let claim;
  try {
    claim = await deps.orders.claim(input.customerId, key, { claimant: input.claimant, chargeKey, leaseMs });
  } catch (error) {
    return { kind: 'failed', charged: 'no', error };
  }
  if (claim.kind === 'placed') return { kind: 'placed', order: claim.order, duplicate: true };
  if (claim.kind === 'in-progress') return waitForWinner(deps, input.customerId, key, input.deadline);

  const attempt: Attempt = { deps, input, held: { key, claimant: input.claimant }, chargeKey };
  if (!(await reconcile(attempt, claim.earlierChargeKeys))) {
    await release(attempt, { kind: 'failed', charged: 'unknown' });
    return { kind: 'failed', charged: 'unknown', error: new EarlierAttemptUnsettledError('an earlier attempt could not be refunded') };
  }
  // Reconciling took time: start the charge only if it and the commit still fit in the lease and the deadline.
  if (Date.now() > latestChargeStart(timeoutMs, [input.deadline, leaseEnd])) {
    await release(attempt, { kind: 'failed', charged: 'no' });
    return { kind: 'too-late' };
  }
  return chargeAndCommit(attempt);
}

interface Attempt {
  deps: PlaceOrderDeps;
  input: PlaceOrderInput;
  held: HeldClaim;
  chargeKey: string;
}

/**
 * Refunds the keys of earlier attempts on this confirmation: a timed-out or abandoned charge may have completed
 * after its caller gave up. Refund by key voids the key, so one completing even later ends refunded too.
 */
async function reconcile({ deps, input }: Attempt, earlierChargeKeys: readonly string[]): Promise<boolean> {
  try {
    for (const earlier of earlierChargeKeys) await deps.payments.refund(earlier);
    if (earlierChargeKeys.length > 0) deps.log.info('earlier order attempts refunded', { customerId: input.customerId, attempts: earlierChargeKeys.length });
    return true;
  } catch (error) {
    deps.log.error('could not refund earlier order attempts', { customerId: input.customerId, error: errorName(error) });
    return false;
  }
}

async function chargeAndCommit(attempt: Attempt): Promise<PlaceOrderResult> {
  const { deps, input, chargeKey } = attempt;
  let charge: Charge;
  try {
    charge = await deps.payments.charge({
      customerId: input.customerId,
      paymentMethodId: input.paymentMethod.id,
      amountCents: input.quote.totalCents,
      currency: input.quote.currency,
      idempotencyKey: chargeKey,
    });
  } catch (error) {
    if (error instanceof PaymentDeclinedError) {
      await release(attempt, { kind: 'declined', reason: error.reason });
      return { kind: 'declined', reason: error.reason };
    }
    // A timeout or a gateway error says nothing about whether money moved: refund by key either way.
    return undoUncommitted(attempt, error);
  }
  const notCaptured = uncapturedReason(charge, input.quote);
  if (notCaptured) return undoUncommitted(attempt, notCaptured);

  const order = buildOrder(attempt, charge);
  const extras = extrasFor(attempt, order);
  let written: CommitReport | void;
  try {
    written = await deps.orders.commit(order, input.cartVersion, attempt.held, extras);
  } catch (error) {
    return undoAfterCommitFailure(attempt, error);
  }
  deps.log.info('order placed', { orderId: order.orderId, lines: order.lines.length });
  return { kind: 'placed', order, duplicate: false, ...(written ? { written } : {}) };
}

/**
 * What goes with the order. The money is taken by now: whatever goes wrong computing the extras must not keep the
 * order from committing (nor leave the charge unsettled), so the order then commits without them.
 */
function extrasFor({ deps, input }: Attempt, order: Order): OrderCommitExtras | undefined {
  try {
    return input.alongside?.(order);
  } catch (error) {
    deps.log.warn('order commits without its extras', { error: errorName(error) });
    return undefined;
  }
}

/** Only a charge that succeeded now, for exactly the quoted amount, may back an order. */
function uncapturedReason(charge: Charge, quote: Quote): ChargeNotCapturedError | undefined {
  if (charge.status !== 'succeeded') return new ChargeNotCapturedError(charge.status);
  if (charge.amountCents !== quote.totalCents || charge.currency !== quote.currency) {
    return new ChargeNotCapturedError(charge.status, 'charge amount or currency differs from the quote');
  }
  return undefined;
}

function buildOrder({ deps, input, chargeKey }: Attempt, charge: Charge): Order & { idempotencyKey: string } {
  const now = deps.clock.now();
  return {
    orderId: orderNumber(chargeKey),
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
    // The charge key, not the confirmation key: a cancellation refunds by it.
    idempotencyKey: chargeKey,
    cartVersion: input.cartVersion,
  };
}

/** No commit was tried, so no order can exist for this attempt: refund and give the claim back. */
async function undoUncommitted(attempt: Attempt, error: unknown): Promise<PlaceOrderResult> {
  await release(attempt, { kind: 'failed', charged: 'unknown' });
  await refund(attempt);
  attempt.deps.log.warn('order attempt failed before commit', { customerId: attempt.input.customerId, error: errorName(error) });
  return { kind: 'failed', charged: 'unknown', error };
}

/**
 * The commit failed, or only seemed to: a timed-out transaction may still land. Refund only once it cannot: after
 * this request released the claim (the commit needs the claim held), or after seeing the claim is no longer ours
 * and no order of ours exists. When neither can be established, leave the claim to expire: the next attempt's
 * takeover refunds this charge key, or finds the order placed.
 */
async function undoAfterCommitFailure(attempt: Attempt, error: unknown): Promise<PlaceOrderResult> {
  const { deps, input, chargeKey } = attempt;
  const failed: PlaceOrderResult =
    error instanceof ConcurrentUpdateError ? { kind: 'cart-changed', charged: 'unknown' } : { kind: 'failed', charged: 'unknown', error };
  const released = await release(attempt, { kind: 'failed', charged: 'unknown' });
  if (released === true) {
    await refund(attempt);
    return failed;
  }
  const state = await deps.orders.inspect(input.customerId, attempt.held.key).catch(() => undefined);
  if (state?.kind === 'placed') {
    if (state.order.idempotencyKey === chargeKey) return { kind: 'placed', order: state.order, duplicate: false };
    // Another attempt's order stands (ours lost its lease): this charge backs nothing.
    await refund(attempt);
    return { kind: 'placed', order: state.order, duplicate: true };
  }
  if (state !== undefined && released === false) {
    await refund(attempt);
    return failed;
  }
  deps.log.error('order commit outcome unknown; the claim expires and the next attempt reconciles', { customerId: input.customerId, error: errorName(error) });
  return { kind: 'failed', charged: 'unknown', error };
}

/** True: released by us; false: the claim is no longer ours; undefined: the store did not answer. */
async function release({ deps, input, held }: Attempt, outcome: AttemptOutcome): Promise<boolean | undefined> {
  try {
    return await deps.orders.release(input.customerId, held, outcome);
  } catch (error) {
    deps.log.warn('could not release order claim; it expires on its own', { customerId: input.customerId, error: errorName(error) });
    return undefined;
  }
}

/** Refund failures are logged, not thrown: the key stays on the claim and the next attempt refunds it again. */
async function refund({ deps, input, chargeKey }: Attempt): Promise<void> {
  try {
    await deps.payments.refund(chargeKey);
  } catch (error) {
    deps.log.error('refund after failed order did not go through', { customerId: input.customerId, error: errorName(error) });
  }
}

/**
 * Too late to charge. A copy of this yes that reached this point late may find its order already placed by another
 * copy: the shopper then hears about that order, not "nothing was charged and your cart is unchanged", which would
 * be wrong about the cart.
 */
async function tooLateUnlessPlaced(deps: PlaceOrderDeps, customerId: string, key: string): Promise<PlaceOrderResult> {
  const state = await deps.orders.inspect(customerId, key).catch(() => undefined);
  return state?.kind === 'placed' ? { kind: 'placed', order: state.order, duplicate: true } : { kind: 'too-late' };
}

async function waitForWinner(deps: PlaceOrderDeps, customerId: string, key: string, deadline: number | undefined): Promise<PlaceOrderResult> {
  const until = Math.min(Date.now() + DUPLICATE_WAIT_MS, (deadline ?? Number.POSITIVE_INFINITY) - COMMIT_MARGIN_MS);
  while (Date.now() + POLL_MS < until) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    const state = await deps.orders.inspect(customerId, key).catch(() => undefined);
    if (state?.kind === 'placed') return { kind: 'placed', order: state.order, duplicate: true };
    if (state?.kind === 'released') return outcomeResult(state.outcome);
  }
  return { kind: 'in-progress' };
}

/** What a duplicate says about the attempt it waited on: the same as that attempt said. */
function outcomeResult(outcome: AttemptOutcome): PlaceOrderResult {
  if (outcome.kind === 'declined') return { kind: 'declined', reason: outcome.reason };
  return { kind: 'failed', charged: outcome.charged, error: new OtherAttemptFailedError('the attempt this request waited on failed') };
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
