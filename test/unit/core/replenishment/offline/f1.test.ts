import { describe, expect, it } from 'vitest';
import { basketF1, chooseBasket, NONE } from '../../../../../skill/core/replenishment/offline';

/** Expected Kaggle F1 of an answer by enumerating every outcome: the reference the fast method must match. */
function bruteForceExpectedF1(probabilities: readonly number[], chosen: readonly number[], none: boolean): number {
  let expected = 0;
  const n = probabilities.length;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    let chance = 1;
    const truth: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const bought = (mask >> i) & 1;
      chance *= bought ? probabilities[i]! : 1 - probabilities[i]!;
      if (bought) truth.push(`p${i}`);
    }
    const answer = [...chosen.map((i) => `p${i}`), ...(none ? [NONE] : [])];
    expected += chance * basketF1(answer, truth.length > 0 ? truth : [NONE]);
  }
  return expected;
}

const candidates = (ps: readonly number[]) => ps.map((probability, i) => ({ productId: `p${i}`, probability }));

describe('F1-optimal basket', () => {
  it('answers None when nothing is likely to be reordered', () => {
    const choice = chooseBasket(candidates([0.08, 0.05, 0.03, 0.02]));
    expect(choice.none).toBe(true);
    expect(choice.productIds).toEqual([]);
  });

  it('answers the likely products without None when a reorder is near certain', () => {
    const choice = chooseBasket(candidates([0.95, 0.9, 0.7, 0.05, 0.02]));
    expect(choice.none).toBe(false);
    expect(choice.productIds).toEqual(['p0', 'p1', 'p2']);
  });

  it('includes products below 0.5 when that raises the expected F1', () => {
    const choice = chooseBasket(candidates([0.45, 0.4, 0.4, 0.35, 0.3, 0.3]), { noneWithProducts: false });
    expect(choice.productIds.length).toBeGreaterThan(2);
  });

  it('finds the best answer an exhaustive search finds, with the same expected F1', () => {
    const ps = [0.62, 0.41, 0.33, 0.2, 0.12, 0.07, 0.03];
    const choice = chooseBasket(candidates(ps));
    let best = 0;
    for (let k = 0; k <= ps.length; k += 1) {
      const top = [...Array(k).keys()];
      for (const none of [false, true]) if (k > 0 || none) best = Math.max(best, bruteForceExpectedF1(ps, top, none));
    }
    expect(choice.expectedF1).toBeCloseTo(best, 9);
    const chosen = choice.productIds.map((id) => Number(id.slice(1)));
    expect(bruteForceExpectedF1(ps, chosen, choice.none)).toBeCloseTo(best, 9);
  });

  it('can leave None out when the caller wants products or None but not both', () => {
    const choice = chooseBasket(candidates([0.5, 0.3, 0.2]), { noneWithProducts: false });
    expect(choice.none && choice.productIds.length > 0).toBe(false);
  });

  it('answers None for a customer with no candidates and ignores non-finite probabilities', () => {
    expect(chooseBasket([])).toEqual({ productIds: [], none: true, expectedF1: 1 });
    expect(chooseBasket([{ productId: 'x', probability: Number.NaN }]).productIds).toEqual([]);
  });
});

describe('scores', () => {
  it('scores None as a token of its own', () => {
    expect(basketF1([NONE], [NONE])).toBe(1);
    expect(basketF1(['a', NONE], [NONE])).toBeCloseTo(2 / 3);
    expect(basketF1(['a', 'b'], ['b', 'c'])).toBeCloseTo(0.5);
  });
});
