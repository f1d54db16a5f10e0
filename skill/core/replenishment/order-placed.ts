/**
 * The domain's reaction to a placed order: the incremental prediction update for just the products on it. It
 * belongs to replenishment, not to the dialogue that happened to place the order (checkout, reorder, a nudge).
 *
 * The update is computed from the prediction basis the turn loaded (the rhythm and the products' compact states,
 * one item beside the rhythm) and written in the order's own commit transaction: placing an order costs no
 * prediction read or write of its own. Only when the basis cannot say (data from before it existed, states dropped
 * past its bound) are the products' own items read first; only when the transaction would pass its action limit
 * is the update written after the order.
 */
import type { Catalog, CustomerRepository, Log, Order, PredictionBasis, ReplenishmentRepository, ReplenishmentSnapshot, ReplenishmentUpdate } from '../ports';
import { updateForOrder } from './live';
import type { ReplenishmentPriors } from './priors';

export interface OrderPlacedDeps {
  replenishment: ReplenishmentRepository;
  customers: Pick<CustomerRepository, 'replenishment'>;
  catalog: Catalog;
  priors: ReplenishmentPriors;
  log: Log;
}

/**
 * The most product states the basis keeps beside the rhythm. A state is a few hundred bytes: this keeps the item
 * (read whole on every turn that may order) far inside DynamoDB's 400 KB. Past it the least recently bought leave.
 */
export const MAX_BASIS_STATES = 400;

/** The basis an order starts from, and whether its completeness is known (a basis not loaded with the turn is not). */
export interface OrderBasis {
  basis: PredictionBasis;
  completenessKnown: boolean;
}

/**
 * The basis for an order of these products: the loaded one when it holds them or says a missing one is new, else
 * completed by reading the missing products' own items. Undefined when that read failed: the order then goes
 * without its prediction update, which is never the shopper's problem (the rebuild from order lines repairs it).
 */
export async function basisForOrder(deps: OrderPlacedDeps, customerId: string, loaded: PredictionBasis | undefined, productIds: readonly string[]): Promise<OrderBasis | undefined> {
  const known = new Set((loaded?.states ?? []).map((state) => state.productId));
  const missing = [...new Set(productIds)].filter((productId) => !known.has(productId));
  if (loaded && (loaded.complete || missing.length === 0)) return { basis: loaded, completenessKnown: true };
  try {
    const read = await deps.customers.replenishment(customerId, missing);
    const states = [...(loaded?.states ?? []), ...(read?.items ?? []).map((item) => item.state).filter((state) => !known.has(state.productId))];
    const rhythm = loaded ? loaded.rhythm : read?.rhythm;
    return { basis: { ...(rhythm ? { rhythm } : {}), states, complete: loaded?.complete ?? false }, completenessKnown: loaded !== undefined };
  } catch (error) {
    deps.log.warn('prediction basis read failed; the order goes without its prediction update', { error: errorName(error) });
    return undefined;
  }
}

/**
 * The update to write with a placed order: its products' new states and due days, the new rhythm, and what the
 * basis keeps. Undefined when the order is already reflected (a late retry). Pure: it runs between charge and commit.
 */
export function predictionUpdate(deps: Pick<OrderPlacedDeps, 'catalog' | 'priors'>, customerId: string, order: Order, { basis, completenessKnown }: OrderBasis): ReplenishmentUpdate | undefined {
  const update = updateForOrder({ ...(basis.rhythm ? { rhythm: basis.rhythm } : {}), items: basis.states.map((state) => ({ state })) }, customerId, order, deps.catalog, deps.priors);
  if (!update) return undefined;
  const ordered = new Set(update.items.map((item) => item.state.productId));
  const kept = basis.states.filter((state) => !ordered.has(state.productId));
  const overflow = kept.length + ordered.size - MAX_BASIS_STATES;
  // The least recently bought leave first; their own PRED# items keep them, and the basis says it is incomplete.
  const dropFromBasis = overflow > 0 ? [...kept].sort((a, b) => a.lastOrderNumber - b.lastOrderNumber).slice(0, overflow).map((state) => state.productId) : [];
  return {
    ...update,
    ...(completenessKnown ? { basisComplete: basis.complete && dropFromBasis.length === 0 } : {}),
    ...(dropFromBasis.length > 0 ? { dropFromBasis } : {}),
  };
}

/**
 * The update written after the order, when its transaction could not carry it (too many products for one
 * transaction, or the commit's outcome was only learnt afterwards). Idempotent per order; a failure is logged.
 */
export async function recordAfterOrder(deps: OrderPlacedDeps, customerId: string, update: ReplenishmentUpdate): Promise<void> {
  deps.log.info('prediction update written after the order', { products: update.items.length });
  try {
    await deps.replenishment.recordOrder(customerId, update);
  } catch (error) {
    deps.log.warn('replenishment update after order failed; it is rebuilt from order lines', { error: errorName(error) });
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}

/**
 * The predictions the live path would have produced from these orders, applied one by one, oldest first: what the
 * seed writes and what a rebuild of the basis from order lines recomputes.
 */
export function replayOrders(customerId: string, orders: readonly Order[], catalog: Pick<Catalog, 'get'>, priors: ReplenishmentPriors): ReplenishmentSnapshot {
  let snapshot: ReplenishmentSnapshot = { items: [] };
  for (const order of [...orders].sort((a, b) => a.placedAt.localeCompare(b.placedAt))) {
    const update = updateForOrder(snapshot, customerId, order, catalog as Catalog, priors);
    if (!update) continue;
    const changed = new Set(update.items.map((item) => item.state.productId));
    snapshot = { rhythm: update.rhythm, items: [...snapshot.items.filter((item) => !changed.has(item.state.productId)), ...update.items] };
  }
  return snapshot;
}
