import { describe, expect, it } from 'vitest';
import { evaluationHalf, measureQuality, percentile, type LabelledQuery } from '../../../../../skill/core/catalog/evaluation/search-metrics';

const queries: LabelledQuery[] = [
  { id: 's1', locale: 'en-US', kind: 'specific', query: 'whole milk', relevant: ['m2'] },
  { id: 's2', locale: 'en-US', kind: 'specific', query: 'oat milk', relevant: ['m4', 'm5'] },
  { id: 's3', locale: 'en-US', kind: 'specific', query: 'rye bread', relevant: ['b1'] },
  { id: 'c1', locale: 'en-US', kind: 'category', query: 'coffee', relevant_aisles: ['26'] },
  { id: 'c2', locale: 'en-US', kind: 'category', query: 'lawn mower', relevant_aisles: [] },
  { id: 'c3', locale: 'en-US', kind: 'category', query: 'garden hose', relevant_aisles: [] },
];
const aisles: Record<string, string> = { m1: '84', m2: '84', c1: '26' };

describe('search quality figures', () => {
  it('scores specific queries by the rank of the first relevant product', () => {
    const results = new Map([
      ['s1', ['m2', 'm1']],
      ['s2', ['m1', 'x', 'y', 'z', 'w', 'm5']],
      ['s3', []],
    ]);
    const quality = measureQuality(queries, results, (id) => aisles[id]);
    expect(quality.specificCount).toBe(3);
    expect(quality.top1).toBeCloseTo(1 / 3);
    expect(quality.recallAt5).toBeCloseTo(1 / 3);
    expect(quality.mrr).toBeCloseTo((1 + 1 / 6) / 3);
    expect(quality.specificAbstained).toBeCloseTo(1 / 3);
  });

  it('counts abstaining as right only for what the shop does not sell', () => {
    const results = new Map([
      ['c1', ['c1']],
      ['c2', []],
      ['c3', ['m1']],
    ]);
    expect(measureQuality(queries, results, (id) => aisles[id]).categoryPrecisionAt1).toBeCloseTo(2 / 3);
    const abstainEverywhere = new Map([['c1', []]]);
    expect(measureQuality(queries, abstainEverywhere, (id) => aisles[id]).categoryPrecisionAt1).toBeCloseTo(2 / 3);
  });

  it('takes nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([], 99)).toBe(0);
  });
});

describe('splitting queries into two halves', () => {
  const ids = Array.from({ length: 400 }, (_, i) => `de-DE-s-${i % 7}-${4000000000000 + i * 37}`);

  it('puts a query in the same half every time', () => {
    expect(ids.map(evaluationHalf)).toEqual(ids.map(evaluationHalf));
  });

  it('splits ids of one shape about evenly', () => {
    const inA = ids.filter((id) => evaluationHalf(id) === 'A').length;
    expect(inA).toBeGreaterThan(160);
    expect(inA).toBeLessThan(240);
  });
});
