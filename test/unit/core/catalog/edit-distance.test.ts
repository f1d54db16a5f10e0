import { describe, expect, it } from 'vitest';
import { boundedEditDistance } from '../../../../skill/core/catalog/edit-distance';

/** Textbook optimal-string-alignment distance, to check the bounded one against. */
function reference(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

describe('bounded edit distance', () => {
  it('counts substitutions, insertions, deletions and adjacent swaps', () => {
    expect(boundedEditDistance('parmezan', 'parmesan', 3)).toBe(1);
    expect(boundedEditDistance('milk', 'milks', 3)).toBe(1);
    expect(boundedEditDistance('cheese', 'chese', 3)).toBe(1);
    expect(boundedEditDistance('form', 'from', 3)).toBe(1);
    expect(boundedEditDistance('same', 'same', 0)).toBe(0);
  });

  it('answers limit + 1 once the distance is known to exceed the limit', () => {
    expect(boundedEditDistance('banana', 'cherry', 2)).toBe(3);
    expect(boundedEditDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('agrees with the textbook distance on many word pairs, short and very long', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const word = (length: number) => Array.from({ length }, () => 'abcde'[Math.floor(random() * 5)]).join('');
    for (let round = 0; round < 300; round += 1) {
      const a = word(1 + Math.floor(random() * (round < 280 ? 9 : 80)));
      const b = word(1 + Math.floor(random() * (round < 280 ? 9 : 80)));
      const limit = Math.floor(random() * 5);
      const expected = reference(a, b);
      expect(boundedEditDistance(a, b, limit), `${a} / ${b} limit ${limit}`).toBe(expected > limit ? limit + 1 : expected);
    }
  });
});
