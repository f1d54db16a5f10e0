import { describe, expect, it } from 'vitest';
import {
  applyOrder,
  rebuildStates,
  recordPurchase,
  replayHistory,
  ReplenishmentInputError,
  type PlacedOrder,
} from '../../../../skill/core/replenishment/offline';

/** A history with quantities, a same-order duplicate line, a missing date and products coming and going. */
function mixedHistory(): PlacedOrder[] {
  const orders: PlacedOrder[] = [];
  let day = 100;
  const gaps = [7, 3, 12, 0, 9, 30, 5, 6, 14, 2];
  for (let n = 1; n <= gaps.length; n += 1) {
    day += gaps[n - 1]!;
    const lines = [
      { productId: 'milk', quantity: 1 + (n % 3) },
      ...(n % 2 === 0 ? [{ productId: 'soap', categoryId: 'bath' }] : []),
      ...(n % 3 === 0 ? [{ productId: 'perfume', quantity: 2 }, { productId: 'perfume', quantity: 1 }] : []),
      { productId: `once-${n}` },
    ];
    orders.push({ moment: n === 6 ? { orderNumber: n } : { orderNumber: n, day }, lines });
  }
  return orders;
}

describe('incremental update', () => {
  it('arrives at the same states as recomputing the whole history at once', () => {
    const orders = mixedHistory();
    const incremental = replayHistory('c1', orders);
    const batch = rebuildStates('c1', orders);
    expect(incremental.states.size).toBe(batch.states.size);
    for (const [productId, expected] of batch.states) {
      const actual = incremental.states.get(productId)!;
      expect(actual.purchases).toBe(expected.purchases);
      expect(actual.totalUnits).toBe(expected.totalUnits);
      expect(actual.lastUnits).toBe(expected.lastUnits);
      expect(actual.lastDay).toBe(expected.lastDay);
      expect(actual.recentOrderNumbers).toEqual(expected.recentOrderNumbers);
      expect(actual.categoryId).toBe(expected.categoryId);
      for (const key of ['dayGaps', 'orderGaps'] as const) {
        expect(actual[key].n).toBe(expected[key].n);
        expect(actual[key].mean).toBeCloseTo(expected[key].mean, 10);
        expect(actual[key].m2).toBeCloseTo(expected[key].m2, 10);
      }
    }
    expect(incremental.rhythm!.orders).toBe(batch.rhythm!.orders);
    expect(incremental.rhythm!.repeatLines).toBe(batch.rhythm!.repeatLines);
    expect(incremental.rhythm!.lines).toBe(batch.rhythm!.lines);
    expect(incremental.rhythm!.orderGapDays.mean).toBeCloseTo(batch.rhythm!.orderGapDays.mean, 10);
  });

  it('returns new states only for the products on the order', () => {
    const { rhythm, states } = replayHistory('c1', mixedHistory());
    const update = applyOrder(rhythm, states, 'c1', { moment: { orderNumber: 11, day: 200 }, lines: [{ productId: 'milk' }] });
    expect(update.states.map((s) => s.productId)).toEqual(['milk']);
    expect(update.rhythm.orders).toBe(11);
    expect(update.rhythm.repeatLines).toBe(rhythm!.repeatLines + 1);
    expect(states.get('milk')!.purchases).toBe(10); // the input map is left as it was
  });

  it('counts two lines of one product in one order as one purchase of both units', () => {
    const state = recordPurchase(recordPurchase(undefined, { productId: 'p', quantity: 2 }, { orderNumber: 1, day: 0 }), { productId: 'p' }, { orderNumber: 1, day: 0 });
    expect(state.purchases).toBe(1);
    expect(state.lastUnits).toBe(3);
  });

  it('refuses an order older than the state it would update, with a typed error', () => {
    const state = recordPurchase(undefined, { productId: 'p' }, { orderNumber: 5, day: 50 });
    expect(() => recordPurchase(state, { productId: 'p' }, { orderNumber: 4, day: 40 })).toThrow(ReplenishmentInputError);
    expect(() => recordPurchase(state, { productId: 'q' }, { orderNumber: 6, day: 60 })).toThrow(ReplenishmentInputError);
    expect(() => recordPurchase(undefined, { productId: 'p' }, { orderNumber: 0 })).toThrow(ReplenishmentInputError);
  });

  it('treats a missing, zero or negative quantity as one unit', () => {
    for (const quantity of [undefined, 0, -2, Number.NaN]) {
      const state = recordPurchase(undefined, { productId: 'p', ...(quantity !== undefined ? { quantity } : {}) }, { orderNumber: 1 });
      expect(state.lastUnits).toBe(1);
    }
  });
});
