/**
 * The domain's reaction to a placed order: the incremental prediction update for just the products on it. It
 * belongs to replenishment, not to the dialogue that happened to place the order (checkout, reorder, a nudge).
 */
import type { Catalog, CustomerSnapshot, Log, Order, ReplenishmentRepository } from '../ports';
import { updateForOrder } from './live';
import type { ReplenishmentPriors } from './priors';

export interface OrderPlacedDeps {
  replenishment: ReplenishmentRepository;
  catalog: Catalog;
  priors: ReplenishmentPriors;
  log: Log;
}

/** Updates the predictions for the order's products. A failure is logged, never the shopper's problem: the daily rebuild from order lines repairs it. */
export async function onOrderPlaced(deps: OrderPlacedDeps, customer: CustomerSnapshot, order: Order): Promise<void> {
  try {
    const update = updateForOrder(customer.replenishment, customer.customerId, order, deps.catalog, deps.priors);
    if (update) await deps.replenishment.recordOrder(customer.customerId, update);
  } catch (error) {
    deps.log.warn('replenishment update after order failed; it is rebuilt from order lines', { error: error instanceof Error ? error.name : typeof error });
  }
}
