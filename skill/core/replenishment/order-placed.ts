/**
 * The domain's reaction to a placed order: the incremental prediction update for just the products on it. It
 * belongs to replenishment, not to the dialogue that happened to place the order (checkout, reorder, a nudge).
 */
import type { Catalog, CustomerRepository, Log, Order, ReplenishmentRepository } from '../ports';
import { updateForOrder } from './live';
import type { ReplenishmentPriors } from './priors';

export interface OrderPlacedDeps {
  replenishment: ReplenishmentRepository;
  customers: Pick<CustomerRepository, 'replenishment'>;
  catalog: Catalog;
  priors: ReplenishmentPriors;
  log: Log;
}

/** Updates the predictions for the order's products. A failure is logged, never the shopper's problem: the daily rebuild from order lines repairs it. */
export async function onOrderPlaced(deps: OrderPlacedDeps, customerId: string, order: Order): Promise<void> {
  try {
    // Only the rhythm and the states of the order's products change: read just those, not every prediction.
    const current = await deps.customers.replenishment(customerId, [...new Set(order.lines.map((line) => line.productId))]);
    const update = updateForOrder(current, customerId, order, deps.catalog, deps.priors);
    if (update) await deps.replenishment.recordOrder(customerId, update);
  } catch (error) {
    deps.log.warn('replenishment update after order failed; it is rebuilt from order lines', { error: error instanceof Error ? error.name : typeof error });
  }
}
