import { describe, expect, it } from 'vitest';
import { unitPriceCents } from '../../../../skill/core/catalog/price';

describe('unitPriceCents', () => {
  it('is the price when it is whole cents, zero included', () => {
    expect(unitPriceCents({ id: 'a', names: {}, priceCents: 349 })).toBe(349);
    expect(unitPriceCents({ id: 'free', names: {}, priceCents: 0 })).toBe(0);
  });

  it('is nothing for a fractional, negative, non-finite or missing price, or no product', () => {
    for (const priceCents of [0.01, 349.5, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(unitPriceCents({ id: 'a', names: {}, priceCents })).toBeUndefined();
    }
    expect(unitPriceCents({ id: 'a', names: {} })).toBeUndefined();
    expect(unitPriceCents(undefined)).toBeUndefined();
  });
});
