/**
 * Recomputes the states of a customer from the whole order history in one pass per product, without the
 * incremental path: for repairs and migrations (a changed formula, a lost item), and as the reference the
 * incremental update must agree with.
 */
import { ReplenishmentInputError } from '../errors';
import { unitsOf, type PlacedOrder } from '../history';
import { MIN_GAP_DAYS, RECENT_PURCHASES_KEPT, type CustomerRhythm, type CustomerStates, type PurchaseState } from '../state';
import type { RunningMoments } from '../stats';

interface Purchase {
  orderNumber: number;
  day: number | undefined;
  units: number;
  categoryId: string | undefined;
}

function momentsOf(values: readonly number[]): RunningMoments {
  if (values.length === 0) return { n: 0, mean: 0, m2: 0 };
  const mean = values.reduce((sum, x) => sum + x, 0) / values.length;
  const m2 = values.reduce((sum, x) => sum + (x - mean) ** 2, 0);
  return { n: values.length, mean, m2 };
}

const logGap = (gap: number, units: number): number => Math.log(Math.max(gap, MIN_GAP_DAYS) / units);

function stateOf(productId: string, purchases: readonly Purchase[]): PurchaseState {
  const first = purchases[0]!;
  const last = purchases[purchases.length - 1]!;
  const dayGaps: number[] = [];
  const orderGaps: number[] = [];
  for (let i = 1; i < purchases.length; i += 1) {
    const before = purchases[i - 1]!;
    const now = purchases[i]!;
    orderGaps.push(logGap(now.orderNumber - before.orderNumber, before.units));
    if (now.day !== undefined && before.day !== undefined) dayGaps.push(logGap(now.day - before.day, before.units));
  }
  const categoryId = [...purchases].reverse().find((p) => p.categoryId !== undefined)?.categoryId;
  return {
    productId,
    ...(categoryId !== undefined ? { categoryId } : {}),
    purchases: purchases.length,
    totalUnits: purchases.reduce((sum, p) => sum + p.units, 0),
    firstOrderNumber: first.orderNumber,
    lastOrderNumber: last.orderNumber,
    ...(first.day !== undefined ? { firstDay: first.day } : {}),
    ...(last.day !== undefined ? { lastDay: last.day } : {}),
    lastUnits: last.units,
    dayGaps: momentsOf(dayGaps),
    orderGaps: momentsOf(orderGaps),
    recentOrderNumbers: purchases.slice(-RECENT_PURCHASES_KEPT).map((p) => p.orderNumber),
  };
}

export function rebuildStates(customerId: string, orders: readonly PlacedOrder[]): CustomerStates {
  const byProduct = new Map<string, Purchase[]>();
  const seen = new Set<string>();
  let lines = 0;
  let repeatLines = 0;
  const orderGapDays: number[] = [];
  for (let i = 0; i < orders.length; i += 1) {
    const order = orders[i]!;
    const previous = orders[i - 1];
    if (previous !== undefined && order.moment.orderNumber <= previous.moment.orderNumber) {
      throw new ReplenishmentInputError(`orders are not in order: ${order.moment.orderNumber} after ${previous.moment.orderNumber}`);
    }
    if (previous?.moment.day !== undefined && order.moment.day !== undefined) {
      orderGapDays.push(logGap(order.moment.day - previous.moment.day, 1));
    }
    const inThisOrder = new Set<string>();
    for (const line of order.lines) {
      const list = byProduct.get(line.productId) ?? [];
      const last = list[list.length - 1];
      if (last !== undefined && last.orderNumber === order.moment.orderNumber) {
        last.units += unitsOf(line);
        last.categoryId = line.categoryId ?? last.categoryId;
        continue;
      }
      list.push({ orderNumber: order.moment.orderNumber, day: order.moment.day, units: unitsOf(line), categoryId: line.categoryId });
      byProduct.set(line.productId, list);
      inThisOrder.add(line.productId);
    }
    lines += inThisOrder.size;
    for (const productId of inThisOrder) if (seen.has(productId)) repeatLines += 1;
    for (const productId of inThisOrder) seen.add(productId);
  }
  const states = new Map<string, PurchaseState>();
  for (const [productId, purchases] of byProduct) states.set(productId, stateOf(productId, purchases));
  const first = orders[0];
  const last = orders[orders.length - 1];
  const rhythm: CustomerRhythm | undefined =
    first === undefined || last === undefined
      ? undefined
      : {
          customerId,
          orders: orders.length,
          lastOrderNumber: last.moment.orderNumber,
          ...(last.moment.day !== undefined ? { lastDay: last.moment.day } : {}),
          orderGapDays: momentsOf(orderGapDays),
          lines,
          repeatLines,
        };
  return { rhythm, states };
}
