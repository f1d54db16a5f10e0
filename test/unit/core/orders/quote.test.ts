import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../skill/core/catalog/product';
import { VoiceCatalog } from '../../../../skill/core/catalog/voice-catalog';
import { DEFAULT_POLICY } from '../../../../skill/core/orders/policy';
import { quoteCart } from '../../../../skill/core/orders/quote';

const priced = (id: string, priceCents?: number): Product => ({ id, names: { 'en-US': id }, ...(priceCents !== undefined ? { priceCents } : {}) });
const catalog = VoiceCatalog.fromProducts([
  priced('eggs', 429),
  priced('milk', 279),
  priced('fraction', 99.99),
  priced('negative', -500),
  priced('no-price'),
]);

describe('quoteCart', () => {
  it('prices lines at the current unit price, with tax rounded to the cent and delivery below the threshold', () => {
    const quote = quoteCart([{ productId: 'eggs', quantity: 2 }, { productId: 'milk', quantity: 1 }], catalog, DEFAULT_POLICY);
    expect(quote.lines).toEqual([
      { productId: 'eggs', quantity: 2, unitPriceCents: 429 },
      { productId: 'milk', quantity: 1, unitPriceCents: 279 },
    ]);
    expect(quote.subtotalCents).toBe(1137);
    expect(quote.taxCents).toBe(94); // 1137 × 8.25 % = 93.80
    expect(quote.deliveryFeeCents).toBe(499);
    expect(quote.totalCents).toBe(1137 + 94 + 499);
    expect(quote.unavailable).toEqual([]);
  });

  it('never charges a product whose price is not whole cents, or negative, or missing', () => {
    const quote = quoteCart(
      ['fraction', 'negative', 'no-price', 'gone', 'eggs'].map((productId) => ({ productId, quantity: 1 })),
      catalog,
      DEFAULT_POLICY,
    );
    expect(quote.lines).toEqual([{ productId: 'eggs', quantity: 1, unitPriceCents: 429 }]);
    expect(quote.unavailable).toEqual(['fraction', 'negative', 'no-price', 'gone']);
    expect(quote.subtotalCents).toBe(429);
  });

  it('never charges a line whose quantity is not a whole number of packs (a forged cart)', () => {
    const quote = quoteCart(
      [0.01, 0, -1, 1.5, Number.NaN].map((quantity) => ({ productId: 'eggs', quantity })),
      catalog,
      DEFAULT_POLICY,
    );
    expect(quote.lines).toEqual([]);
    expect(quote.subtotalCents).toBe(0);
    expect(quote.totalCents).toBe(0);
  });

  it('quotes whole cents whatever the tax rate makes of them', () => {
    for (const taxRateBasisPoints of [0, 1, 333, 825, 1999]) {
      for (const quantity of [1, 3, 7, 99]) {
        const quote = quoteCart([{ productId: 'eggs', quantity }], catalog, { ...DEFAULT_POLICY, taxRateBasisPoints });
        for (const cents of [quote.subtotalCents, quote.taxCents, quote.deliveryFeeCents, quote.totalCents]) expect(Number.isSafeInteger(cents)).toBe(true);
      }
    }
  });
});
