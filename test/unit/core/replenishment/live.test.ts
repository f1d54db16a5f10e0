import { describe, expect, it } from 'vitest';
import type { Order, ReplenishmentSnapshot } from '../../../../skill/core/ports';
import { dueProducts, isoDay, updateForOrder } from '../../../../skill/core/replenishment/live';
import { emptyPriors } from '../../../../skill/core/replenishment/priors';
import { SAMPLE_PRODUCTS, WordMatchCatalog } from '../../../helpers/fakes';

const catalog = new WordMatchCatalog(SAMPLE_PRODUCTS);
const priors = emptyPriors();
const DAY = 86_400_000;
const start = Date.parse('2026-06-01T10:00:00.000Z');

function order(day: number, lines: Array<[string, number]>): Order {
  const placedAt = new Date(start + day * DAY).toISOString();
  return {
    orderId: `o-${day}`,
    customerId: 'c1',
    placedAt,
    status: 'placed',
    lines: lines.map(([productId, quantity]) => ({ productId, quantity, unitPriceCents: 100 })),
    subtotalCents: 0,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: 0,
    currency: 'USD',
    deliveryBy: placedAt,
    cancellableUntil: placedAt,
  };
}

function replay(orders: Order[]): ReplenishmentSnapshot {
  let snapshot: ReplenishmentSnapshot = { items: [] };
  for (const next of orders) {
    const update = updateForOrder(snapshot, 'c1', next, catalog, priors);
    if (!update) continue;
    const touched = new Set(update.items.map((item) => item.state.productId));
    snapshot = { rhythm: update.rhythm, items: [...snapshot.items.filter((item) => !touched.has(item.state.productId)), ...update.items] };
  }
  return snapshot;
}

const firstMilk = SAMPLE_PRODUCTS[0]!.id;
const other = SAMPLE_PRODUCTS[3]!.id;

describe('live replenishment updates', () => {
  it('touches only the products on the order', () => {
    const before = replay([order(0, [[firstMilk, 1], [other, 1]])]);
    const update = updateForOrder(before, 'c1', order(7, [[firstMilk, 1]]), catalog, priors);
    expect(update?.items.map((item) => item.state.productId)).toEqual([firstMilk]);
    expect(update?.rhythm.orders).toBe(2);
  });

  it('ignores an order older than the last one seen, but counts a second order on the same day', () => {
    const snapshot = replay([order(0, [[firstMilk, 1]]), order(7, [[firstMilk, 1]])]);
    expect(updateForOrder(snapshot, 'c1', order(3, [[other, 1]]), catalog, priors)).toBeUndefined();
    expect(updateForOrder(snapshot, 'c1', order(7, [[other, 1]]), catalog, priors)?.rhythm.orders).toBe(3);
  });

  it('gives a weekly product a due day about a week after its last purchase, and two units last longer', () => {
    const weekly = replay([0, 7, 14, 21].map((day) => order(day, [[firstMilk, 1]])));
    const due = weekly.items.find((item) => item.state.productId === firstMilk)!.dueDay!;
    const lastDay = Math.floor((start + 21 * DAY) / DAY);
    expect(due >= isoDay(lastDay + 5) && due <= isoDay(lastDay + 9)).toBe(true);

    const double = replay([...[0, 7, 14].map((day) => order(day, [[firstMilk, 1]])), order(21, [[firstMilk, 2]])]);
    expect(double.items.find((item) => item.state.productId === firstMilk)!.dueDay! > due).toBe(true);
  });

  it('finds a weekly product due ten days on, not two days on, and leaves out snoozed and excluded ones', () => {
    const snapshot = replay([0, 7, 14, 21].map((day) => order(day, [[firstMilk, 1], [other, 1]])));
    expect(dueProducts(snapshot, new Date(start + 23 * DAY), priors)).toEqual([]);
    const later = new Date(start + 31 * DAY);
    expect(dueProducts(snapshot, later, priors).map((item) => item.productId).sort()).toEqual([firstMilk, other].sort());
    expect(dueProducts(snapshot, later, priors, { granted: true, excludedProducts: [other], history: [] }).map((item) => item.productId)).toEqual([firstMilk]);
    const snoozed: ReplenishmentSnapshot = {
      ...snapshot,
      items: snapshot.items.map((item) => (item.state.productId === firstMilk ? { ...item, snoozedUntil: isoDay(Math.floor(later.getTime() / DAY) + 1) } : item)),
    };
    expect(dueProducts(snoozed, later, priors).map((item) => item.productId)).toEqual([other]);
  });

  it('knows whether a product was already nudged for its current purchase', () => {
    const snapshot = replay([0, 7, 14].map((day) => order(day, [[firstMilk, 1]])));
    const marked: ReplenishmentSnapshot = { ...snapshot, items: snapshot.items.map((item) => ({ ...item, nudgedForPurchase: item.state.lastOrderNumber })) };
    const now = new Date(start + 30 * DAY);
    expect(dueProducts(snapshot, now, priors)[0]?.nudgedThisCycle).toBe(false);
    expect(dueProducts(marked, now, priors)[0]?.nudgedThisCycle).toBe(true);
  });
});
