import { describe, expect, it } from 'vitest';
import {
  buildPriors,
  dueDay,
  emptyPriors,
  estimateDuration,
  probabilityRunOut,
  rankCandidates,
  dueCandidates,
  replayHistory,
  type CustomerHistory,
  type PlacedOrder,
} from '../../../../skill/core/replenishment/offline';

function everyNDays(gaps: readonly number[], productId = 'shampoo', quantity = 1, start = 1000): PlacedOrder[] {
  let day = start;
  return [0, ...gaps].map((gap, i) => {
    day += gap;
    return { moment: { orderNumber: i + 1, day }, lines: [{ productId, quantity }] };
  });
}

describe('how long a product lasts', () => {
  it('lasts about twice as long when twice the quantity was bought', () => {
    const priors = emptyPriors();
    const history = everyNDays([10, 10, 10, 10]);
    const single = replayHistory('c', history);
    const double = replayHistory('c', [...history.slice(0, -1), { ...history[history.length - 1]!, lines: [{ productId: 'shampoo', quantity: 2 }] }]);
    const one = estimateDuration(single.states.get('shampoo')!, single.rhythm, priors);
    const two = estimateDuration(double.states.get('shampoo')!, double.rhythm, priors);
    expect(two.medianForLastPurchase / one.medianForLastPurchase).toBeCloseTo(2, 5);
    expect(one.medianForLastPurchase).toBeGreaterThan(8);
    expect(one.medianForLastPurchase).toBeLessThan(12);
  });

  it('learns the duration per unit: a shopper buying two every 20 days lasts 10 days per unit', () => {
    const state = replayHistory('c', everyNDays([20, 20, 20, 20, 20], 'rice', 2)).states.get('rice')!;
    const estimate = estimateDuration(state, undefined, emptyPriors());
    expect(estimate.medianPerUnit).toBeGreaterThan(8);
    expect(estimate.medianPerUnit).toBeLessThan(12);
  });

  it('is more certain for a regular shopper than for an irregular one', () => {
    const priors = emptyPriors();
    const regular = replayHistory('r', everyNDays([14, 14, 14, 14, 14, 14])).states.get('shampoo')!;
    const irregular = replayHistory('i', everyNDays([4, 30, 8, 25, 6, 21])).states.get('shampoo')!;
    const r = estimateDuration(regular, undefined, priors);
    const i = estimateDuration(irregular, undefined, priors);
    expect(r.logSd).toBeLessThan(i.logSd * 0.7);
  });

  it('widens the uncertainty of a one-purchase product for a shopper whose orders come irregularly', () => {
    const others: CustomerHistory[] = [];
    for (let c = 0; c < 20; c += 1) {
      const gaps = c % 2 === 0 ? [10, 10, 10, 10] : [3, 25, 5, 20];
      others.push({ customerId: `o${c}`, orders: everyNDays(gaps, `p${c}`) });
    }
    const priors = buildPriors(others);
    const mixed = (gaps: number[]): ReturnType<typeof replayHistory> => {
      let day = 0;
      return replayHistory('c', [0, ...gaps].map((g, i) => ({ moment: { orderNumber: i + 1, day: (day += g) }, lines: [{ productId: i === 0 ? 'new' : `x${i}` }] })));
    };
    const steady = mixed([10, 10, 10, 10, 10]);
    const erratic = mixed([2, 30, 4, 25, 3]);
    const steadyEstimate = estimateDuration(steady.states.get('new')!, steady.rhythm, priors);
    const erraticEstimate = estimateDuration(erratic.states.get('new')!, erratic.rhythm, priors);
    expect(erraticEstimate.logSd).toBeGreaterThan(steadyEstimate.logSd);
  });

  it('borrows the duration of a product bought only once from other customers who bought it', () => {
    const others: CustomerHistory[] = [];
    for (let c = 0; c < 30; c += 1) others.push({ customerId: `o${c}`, orders: everyNDays([30, 31, 29, 30], 'perfume') });
    for (let c = 0; c < 30; c += 1) others.push({ customerId: `m${c}`, orders: everyNDays([3, 4, 3, 4], 'milk') });
    const priors = buildPriors(others);
    const once = replayHistory('new', [{ moment: { orderNumber: 1, day: 0 }, lines: [{ productId: 'perfume' }, { productId: 'milk' }] }]);
    const perfume = estimateDuration(once.states.get('perfume')!, once.rhythm, priors);
    const milk = estimateDuration(once.states.get('milk')!, once.rhythm, priors);
    expect(perfume.observations).toBe(0);
    expect(perfume.medianPerUnit).toBeGreaterThan(20);
    expect(perfume.medianPerUnit).toBeLessThan(35);
    expect(milk.medianPerUnit).toBeLessThan(6);
  });

  it('falls back to the order sequence when no dates are known', () => {
    const orders: PlacedOrder[] = [1, 2, 3, 4, 5, 6, 7].map((n) => ({ moment: { orderNumber: n }, lines: n % 2 === 1 ? [{ productId: 'tea' }] : [{ productId: 'x' }] }));
    const state = replayHistory('c', orders).states.get('tea')!;
    const estimate = estimateDuration(state, undefined, emptyPriors());
    expect(estimate.unit).toBe('order');
    expect(estimate.medianPerUnit).toBeCloseTo(2, 0);
    expect(dueDay(estimate)).toBeUndefined();
  });
});

describe('due or not due', () => {
  const history = everyNDays([10, 10, 10, 10, 10]); // last purchase on day 1050
  const { rhythm, states } = replayHistory('c', history);
  const state = states.get('shampoo')!;
  const estimate = estimateDuration(state, rhythm, emptyPriors());

  it('puts the due day about one usual interval after the last purchase', () => {
    expect(dueDay(estimate)).toBeGreaterThanOrEqual(1058);
    expect(dueDay(estimate)).toBeLessThanOrEqual(1061);
  });

  it('is unlikely to have run out soon after buying and likely well after the usual interval', () => {
    expect(probabilityRunOut(state, estimate, { orderNumber: 7, day: 1052 })!).toBeLessThan(0.1);
    expect(probabilityRunOut(state, estimate, { orderNumber: 7, day: 1075 })!).toBeGreaterThan(0.9);
  });

  it('lists the product as due only once the moment passes its run-out', () => {
    const at = (day: number) => dueCandidates(rankCandidates(rhythm!, states.values(), { priors: emptyPriors(), moment: { orderNumber: 7, day } }));
    expect(at(1053).map((c) => c.productId)).toEqual([]);
    expect(at(1070).map((c) => c.productId)).toEqual(['shampoo']);
  });
});
