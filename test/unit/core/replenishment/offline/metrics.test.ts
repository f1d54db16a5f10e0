import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt } from '../../../../../skill/core/replenishment/offline';

describe('ranking scores', () => {
  const truth = new Set(['a', 'b']);

  it('gives recall of the share of true products in the first k', () => {
    expect(recallAt(['a', 'x', 'y'], truth, 10)).toBe(0.5);
    expect(recallAt(['x', 'a'], truth, 1)).toBe(0);
  });

  it('gives nDCG 1 for a perfect ranking and less when the hits come later', () => {
    expect(ndcgAt(['a', 'b', 'x'], truth, 10)).toBeCloseTo(1);
    const late = ndcgAt(['x', 'y', 'a', 'b'], truth, 10);
    expect(late).toBeGreaterThan(0);
    expect(late).toBeLessThan(ndcgAt(['a', 'x', 'y', 'b'], truth, 10));
  });

  it('scores an empty truth as zero rather than dividing by zero', () => {
    expect(recallAt(['a'], new Set(), 10)).toBe(0);
    expect(ndcgAt(['a'], new Set(), 10)).toBe(0);
  });
});
