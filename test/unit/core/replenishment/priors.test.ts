import { describe, expect, it } from 'vitest';
import {
  buildPriors,
  contributionOf,
  productPrior,
  replayHistory,
  type CustomerHistory,
} from '../../../../skill/core/replenishment/offline';

function customer(id: string, gaps: readonly number[], productId: string, categoryId?: string, filler = true): CustomerHistory {
  let day = 0;
  return {
    customerId: id,
    orders: [0, ...gaps].map((gap, i) => ({
      moment: { orderNumber: i + 1, day: (day += gap) },
      lines: [{ productId, ...(categoryId !== undefined ? { categoryId } : {}) }, ...(filler ? [{ productId: `filler-${i}` }] : [])],
    })),
  };
}

describe('priors', () => {
  const histories = [
    customer('a', [7, 7, 7], 'coffee', 'hot drinks'),
    customer('b', [8, 6, 7], 'coffee', 'hot drinks'),
    customer('c', [30], 'tea', 'hot drinks'),
    customer('d', [], 'cocoa', 'hot drinks'),
  ];

  it('survive a JSON round trip unchanged (they are stored as one document)', () => {
    const priors = buildPriors(histories);
    const restored = JSON.parse(JSON.stringify(priors));
    expect(restored).toEqual(priors);
    expect(productPrior(restored, 'coffee')).toEqual(productPrior(priors, 'coffee'));
  });

  it('without one customer equal the priors built without that customer', () => {
    // The customer's other products stay in the all-products level, so "a" buys coffee only here.
    const soloA = customer('a', [7, 7, 7], 'coffee', 'hot drinks', false);
    const all = buildPriors([soloA, ...histories.slice(1)]);
    const withoutA = buildPriors(histories.slice(1));
    const a = replayHistory('a', soloA.orders);
    const excluded = productPrior(all, 'coffee', 'hot drinks', contributionOf(a.states.get('coffee')!, a.rhythm!));
    const rebuilt = productPrior(withoutA, 'coffee', 'hot drinks');
    expect(excluded.buyers).toBe(rebuilt.buyers);
    expect(excluded.repeatProbability).toBeCloseTo(rebuilt.repeatProbability, 10);
    expect(excluded.reorderRate).toBeCloseTo(rebuilt.reorderRate, 10);
    expect(excluded.dayGap.mean).toBeCloseTo(rebuilt.dayGap.mean, 10);
    expect(excluded.dayGap.withinVar).toBeCloseTo(rebuilt.dayGap.withinVar, 10);
  });

  it('give a product nobody bought twice the repeat chance of its category, not zero', () => {
    const priors = buildPriors(histories);
    const cocoa = productPrior(priors, 'cocoa');
    const coffee = productPrior(priors, 'coffee');
    expect(cocoa.repeatProbability).toBeGreaterThan(0.2);
    expect(cocoa.repeatProbability).toBeLessThan(coffee.repeatProbability);
  });

  it('give an unknown product a usable prior', () => {
    const prior = productPrior(buildPriors(histories), 'never-seen');
    expect(prior.buyers).toBe(0);
    expect(Number.isFinite(prior.dayGap.mean)).toBe(true);
    expect(prior.firstPurchaseShare).toBe(0);
  });
});
