/**
 * The shape of purchase history the predictor reads. Kept free of storage and catalog types so the same
 * code serves the skill (orders from DynamoDB) and the evaluation (Instacart-layout CSV files).
 */

/** When an order happened. `orderNumber` always exists; `day` only when dates are known (Ta-Feng has none). */
export interface OrderMoment {
  /** 1 for the customer's first order, then +1 per order. */
  orderNumber: number;
  /** Any monotone day count (days since epoch in the skill, cumulative days in Instacart). May be fractional. */
  day?: number;
}

export interface OrderLine {
  productId: string;
  /** Units bought; missing or invalid counts as 1. Two bottles should last about twice as long. */
  quantity?: number;
  /** Aisle or category, used to borrow knowledge from similar products. */
  categoryId?: string;
}

export interface PlacedOrder {
  moment: OrderMoment;
  lines: readonly OrderLine[];
}

export interface CustomerHistory {
  customerId: string;
  /** Oldest first, order numbers strictly increasing. */
  orders: readonly PlacedOrder[];
}

/** The moment we predict for: the order the shopper is about to place. */
export type PredictionMoment = OrderMoment;

/** A usable unit count: quantities that are missing, zero, negative or not finite count as one unit. */
export function unitsOf(line: OrderLine): number {
  const q = line.quantity;
  return q !== undefined && Number.isFinite(q) && q > 0 ? q : 1;
}

/** Day count of a JavaScript date (fractional days since 1970-01-01 UTC): the skill's `day` clock. */
export function dayOf(date: Date): number {
  return date.getTime() / 86_400_000;
}
