/**
 * The per customer-product state (one DynamoDB item, `CUSTOMER#id / PRED#product`) and the per customer
 * rhythm (one item per customer), both updated incrementally when an order is placed: the update touches
 * only the products on the order, so its cost is proportional to the order's lines.
 */
import { ReplenishmentInputError } from './errors';
import { unitsOf, type OrderLine, type OrderMoment, type PlacedOrder } from './history';
import { addObservation, EMPTY_MOMENTS, type RunningMoments } from './stats';

/** How many recent purchase order numbers a state keeps: enough for "bought in k of the last 5 orders". */
export const RECENT_PURCHASES_KEPT = 5;

/** Gaps shorter than this (same-day orders) are floored so their logarithm stays finite. */
export const MIN_GAP_DAYS = 0.5;

export interface PurchaseState {
  productId: string;
  categoryId?: string;
  /** Orders that contained the product. */
  purchases: number;
  totalUnits: number;
  firstOrderNumber: number;
  lastOrderNumber: number;
  /** Day of the first and last purchase, when known. */
  firstDay?: number;
  lastDay?: number;
  /** Units bought in the last purchase: they set how long the current supply lasts. */
  lastUnits: number;
  /** ln(days per unit) between consecutive dated purchases. */
  dayGaps: RunningMoments;
  /** ln(orders per unit) between consecutive purchases. */
  orderGaps: RunningMoments;
  /** Order numbers of the latest purchases, oldest first, at most RECENT_PURCHASES_KEPT. */
  recentOrderNumbers: number[];
}

export interface CustomerRhythm {
  customerId: string;
  orders: number;
  lastOrderNumber: number;
  lastDay?: number;
  /** ln(days) between consecutive dated orders: how regular the shopper is. */
  orderGapDays: RunningMoments;
  /** Order lines seen, and how many of them were products bought before. */
  lines: number;
  repeatLines: number;
}

function logGap(gap: number, units: number): number {
  return Math.log(Math.max(gap, MIN_GAP_DAYS) / units);
}

function checkMoment(moment: OrderMoment): void {
  if (!Number.isInteger(moment.orderNumber) || moment.orderNumber < 1) {
    throw new ReplenishmentInputError(`order number must be a positive integer, got ${moment.orderNumber}`);
  }
  if (moment.day !== undefined && !Number.isFinite(moment.day)) {
    throw new ReplenishmentInputError(`order day must be a finite number, got ${moment.day}`);
  }
}

/**
 * The state after `line` was bought at `moment`. A second line of the same product in the same order adds
 * to that purchase instead of counting as a new one.
 */
export function recordPurchase(state: PurchaseState | undefined, line: OrderLine, moment: OrderMoment): PurchaseState {
  checkMoment(moment);
  if (line.productId.length === 0) throw new ReplenishmentInputError('order line without a product id');
  const units = unitsOf(line);
  if (state === undefined) {
    return {
      productId: line.productId,
      ...(line.categoryId !== undefined ? { categoryId: line.categoryId } : {}),
      purchases: 1,
      totalUnits: units,
      firstOrderNumber: moment.orderNumber,
      lastOrderNumber: moment.orderNumber,
      ...(moment.day !== undefined ? { firstDay: moment.day, lastDay: moment.day } : {}),
      lastUnits: units,
      dayGaps: EMPTY_MOMENTS,
      orderGaps: EMPTY_MOMENTS,
      recentOrderNumbers: [moment.orderNumber],
    };
  }
  if (line.productId !== state.productId) {
    throw new ReplenishmentInputError(`line for ${line.productId} applied to the state of ${state.productId}`);
  }
  if (moment.orderNumber < state.lastOrderNumber) {
    throw new ReplenishmentInputError(
      `order ${moment.orderNumber} is older than the last purchase (order ${state.lastOrderNumber}) of ${state.productId}`,
    );
  }
  const categoryId = line.categoryId ?? state.categoryId;
  if (moment.orderNumber === state.lastOrderNumber) {
    return { ...state, totalUnits: state.totalUnits + units, lastUnits: state.lastUnits + units };
  }
  // The gap is what the previous purchase's units lasted, so it is divided by those units.
  const dated = moment.day !== undefined && state.lastDay !== undefined;
  const dayGaps = dated ? addObservation(state.dayGaps, logGap(moment.day! - state.lastDay!, state.lastUnits)) : state.dayGaps;
  const orderGaps = addObservation(state.orderGaps, logGap(moment.orderNumber - state.lastOrderNumber, state.lastUnits));
  const recent = [...state.recentOrderNumbers, moment.orderNumber].slice(-RECENT_PURCHASES_KEPT);
  const next: PurchaseState = {
    ...state,
    purchases: state.purchases + 1,
    totalUnits: state.totalUnits + units,
    lastOrderNumber: moment.orderNumber,
    lastUnits: units,
    dayGaps,
    orderGaps,
    recentOrderNumbers: recent,
  };
  if (categoryId !== undefined) next.categoryId = categoryId;
  if (moment.day !== undefined) next.lastDay = moment.day;
  else delete next.lastDay;
  return next;
}

/** The rhythm after an order with `repeatLines` of its `lines` already bought before. */
export function recordOrder(
  rhythm: CustomerRhythm | undefined,
  customerId: string,
  moment: OrderMoment,
  lines: number,
  repeatLines: number,
): CustomerRhythm {
  checkMoment(moment);
  if (rhythm === undefined) {
    return {
      customerId,
      orders: 1,
      lastOrderNumber: moment.orderNumber,
      ...(moment.day !== undefined ? { lastDay: moment.day } : {}),
      orderGapDays: EMPTY_MOMENTS,
      lines,
      repeatLines,
    };
  }
  if (moment.orderNumber <= rhythm.lastOrderNumber) {
    throw new ReplenishmentInputError(
      `order ${moment.orderNumber} is not newer than the customer's last order ${rhythm.lastOrderNumber}`,
    );
  }
  const dated = moment.day !== undefined && rhythm.lastDay !== undefined;
  const next: CustomerRhythm = {
    ...rhythm,
    orders: rhythm.orders + 1,
    lastOrderNumber: moment.orderNumber,
    orderGapDays: dated ? addObservation(rhythm.orderGapDays, logGap(moment.day! - rhythm.lastDay!, 1)) : rhythm.orderGapDays,
    lines: rhythm.lines + lines,
    repeatLines: rhythm.repeatLines + repeatLines,
  };
  if (moment.day !== undefined) next.lastDay = moment.day;
  else delete next.lastDay;
  return next;
}

export interface OrderUpdate {
  rhythm: CustomerRhythm;
  /** New states of the products on the order only: what the store writes back. */
  states: PurchaseState[];
}

/**
 * Applies a placed order: reads the current states of the order's products only (`current` may hold more),
 * returns the new rhythm and the new states of those products.
 */
export function applyOrder(
  rhythm: CustomerRhythm | undefined,
  current: ReadonlyMap<string, PurchaseState>,
  customerId: string,
  order: PlacedOrder,
): OrderUpdate {
  const updated = new Map<string, PurchaseState>();
  let repeatLines = 0;
  for (const line of order.lines) {
    const before = updated.get(line.productId) ?? current.get(line.productId);
    const bought = before !== undefined && before.lastOrderNumber < order.moment.orderNumber;
    if (bought && !updated.has(line.productId)) repeatLines += 1;
    updated.set(line.productId, recordPurchase(before, line, order.moment));
  }
  const distinctLines = updated.size;
  return {
    rhythm: recordOrder(rhythm, customerId, order.moment, distinctLines, repeatLines),
    states: [...updated.values()],
  };
}

export interface CustomerStates {
  rhythm: CustomerRhythm | undefined;
  states: Map<string, PurchaseState>;
}

/** Folds a whole history through `applyOrder`: what the incremental path arrives at. */
export function replayHistory(customerId: string, orders: readonly PlacedOrder[]): CustomerStates {
  let rhythm: CustomerRhythm | undefined;
  const states = new Map<string, PurchaseState>();
  for (const order of orders) {
    const update = applyOrder(rhythm, states, customerId, order);
    rhythm = update.rhythm;
    for (const state of update.states) states.set(state.productId, state);
  }
  return { rhythm, states };
}
