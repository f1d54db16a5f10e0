import { describe, expect, it } from 'vitest';
import { measureSearchCeiling } from '../../../../../skill/core/catalog/evaluation/search-ceiling';
import type { LabelledQuery } from '../../../../../skill/core/catalog/evaluation/search-metrics';

const NAMES: Record<string, string> = { a1: 'Avocado', a2: 'Organic Avocado', a3: 'Hass Avocado', m1: 'Whole Milk' };
const ids = Object.keys(NAMES);
const nameOf = (id: string) => NAMES[id];
const query = (id: string, text: string, relevant: string): LabelledQuery => ({ id, locale: 'en-US', kind: 'specific', query: text, relevant: [relevant] });

describe('search ceiling', () => {
  it('counts the queries no search can decide, and what each tie rule can reach', () => {
    const ceiling = measureSearchCeiling(
      [
        query('q1', 'avocado', 'a2'), // cut from "Organic Avocado", but "Avocado" is sold too
        query('q2', 'avocado', 'a1'), // said in full, while two longer names end with it
        query('q3', 'organic avocado', 'a2'),
        query('q4', 'avokado', 'a1'), // misheard: not a clean tail, counted as a hit
      ],
      ids,
      nameOf,
      'en-US',
    );
    expect(ceiling).toMatchObject({ specificCount: 4, cleanTails: 3, tailsNamingAnotherProduct: 1, wholeNamesWithLongerRival: 1 });
    // q1 is lost by either rule: the whole name said wins.
    expect(ceiling.wholeNameFirst).toBeCloseTo(0.75);
    expect(ceiling.oracle).toBeCloseTo(0.75);
    // Within five places every candidate fits.
    expect(ceiling.oracleRecallAt5).toBe(1);
  });

  it('reaches 1 when every query names one product only, and ignores category requests', () => {
    const ceiling = measureSearchCeiling(
      [query('q1', 'whole milk', 'm1'), query('q2', 'milk', 'm1'), { id: 'c1', locale: 'en-US', kind: 'category', query: 'milk', relevant_aisles: ['dairy'] }],
      ids,
      nameOf,
      'en-US',
    );
    expect(ceiling.specificCount).toBe(2);
    expect(ceiling.oracle).toBe(1);
    expect(ceiling.wholeNameFirst).toBe(1);
  });

  it('picks by how often names of that length lose words when the labels say so', () => {
    // Two-word names here usually lose their first word: for "avocado" the two-word names become likelier than "Avocado".
    const ceiling = measureSearchCeiling(
      [query('q1', 'avocado', 'a2'), query('q2', 'avocado', 'a3'), query('q3', 'milk', 'm1')],
      ids,
      nameOf,
      'en-US',
    );
    expect(ceiling.wholeNameFirst).toBeCloseTo(1 / 3);
    // The oracle picks between a2 and a3 (one each is right): half of q1 and q2, and q3.
    expect(ceiling.oracle).toBeCloseTo((0.5 + 0.5 + 1) / 3);
  });
});
