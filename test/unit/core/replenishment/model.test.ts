import { describe, expect, it } from 'vitest';
import {
  assertModelFits,
  collectTrainingSet,
  buildPriors,
  FEATURE_NAMES,
  rankCandidates,
  replayHistory,
  ReplenishmentInputError,
  trainReorderModel,
  type CustomerHistory,
  type PlacedOrder,
} from '../../../../skill/core/replenishment/offline';

/** Customers who buy "staple" in every order and "treat" in one order of six, with a side product each time. */
function shoppers(count: number): CustomerHistory[] {
  const histories: CustomerHistory[] = [];
  for (let c = 0; c < count; c += 1) {
    const orders: PlacedOrder[] = [];
    for (let n = 1; n <= 12; n += 1) {
      const lines = [{ productId: 'staple' }, { productId: `side-${c}-${n}` }];
      if ((n + c) % 6 === 0) lines.push({ productId: 'treat' });
      orders.push({ moment: { orderNumber: n, day: n * 7 }, lines });
    }
    histories.push({ customerId: `c${c}`, orders });
  }
  return histories;
}

describe('reorder model', () => {
  const histories = shoppers(40);
  const priors = buildPriors(histories);
  const set = collectTrainingSet(histories, priors, { targetsPerCustomer: 6 });

  it('learns from past orders only: one example per previously bought product and target order', () => {
    expect(set.rows).toBeGreaterThan(1000);
    expect(set.features.length).toBe(set.rows * FEATURE_NAMES.length);
    const positives = set.labels.reduce((sum, label) => sum + label, 0);
    expect(positives).toBeGreaterThan(0);
    expect(positives).toBeLessThan(set.rows);
  });

  it('ranks the product bought every time far above one-off products', () => {
    const model = trainReorderModel(set);
    const { rhythm, states } = replayHistory('c1', histories[1]!.orders);
    const ranked = rankCandidates(rhythm!, states.values(), { priors, model, moment: { orderNumber: 13, day: 91 }, excludeOwnContribution: true });
    expect(ranked[0]!.productId).toBe('staple');
    expect(ranked[0]!.probability).toBeGreaterThan(0.8);
    const sides = ranked.filter((c) => c.productId.startsWith('side-'));
    expect(Math.max(...sides.map((c) => c.probability))).toBeLessThan(0.2);
  });

  it('survives serialisation and refuses a model trained on other features', () => {
    const model = JSON.parse(JSON.stringify(trainReorderModel(set)));
    expect(() => assertModelFits(model)).not.toThrow();
    expect(() => assertModelFits({ ...model, features: ['something else'] })).toThrow(ReplenishmentInputError);
  });

  it('refuses to train on almost nothing', () => {
    expect(() => trainReorderModel({ features: new Float64Array(0), labels: new Uint8Array(0), rows: 0 })).toThrow(ReplenishmentInputError);
  });
});

describe('ranking', () => {
  it('adds popular products never bought when asked, below a product bought every time', () => {
    const histories = shoppers(10);
    const priors = buildPriors(histories);
    const { rhythm, states } = replayHistory('new', [{ moment: { orderNumber: 1, day: 0 }, lines: [{ productId: 'staple' }] }, { moment: { orderNumber: 2, day: 7 }, lines: [{ productId: 'staple' }] }]);
    const ranked = rankCandidates(rhythm!, states.values(), { priors, moment: { orderNumber: 3, day: 14 }, explore: 5 });
    expect(ranked[0]!.productId).toBe('staple');
    const discovered = ranked.filter((c) => !c.repeat).map((c) => c.productId);
    expect(discovered).toContain('treat');
    expect(discovered).not.toContain('staple');
  });
});
