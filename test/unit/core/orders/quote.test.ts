import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../skill/core/catalog/product';
import { buildVoiceCatalog } from '../../../../skill/core/catalog/build/catalog-builder';
import { DEFAULT_POLICY } from '../../../../skill/core/orders/policy';
import { quoteCart } from '../../../../skill/core/orders/quote';

const priced = (id: string, priceCents?: number): Product => ({ id, names: { 'en-US': id }, ...(priceCents !== undefined ? { priceCents } : {}) });
const catalog = buildVoiceCatalog([
  priced('eggs', 429),
  priced('milk', 279),
  priced('fraction', 99.99),
  priced('negative', -500),
  priced('no-price'),
]);

describe('quoteCart in the en-US shop (sales tax added)', () => {
  it('prices lines at the current unit price, with tax rounded to the cent and delivery below the threshold', () => {
    const quote = quoteCart([{ productId: 'eggs', quantity: 2 }, { productId: 'milk', quantity: 1 }], catalog, DEFAULT_POLICY, 'en-US');
    expect(quote.lines).toEqual([
      { productId: 'eggs', quantity: 2, unitPriceCents: 429 },
      { productId: 'milk', quantity: 1, unitPriceCents: 279 },
    ]);
    expect(quote.subtotalCents).toBe(1137);
    expect(quote.taxCents).toBe(94); // 1137 × 8.25 % = 93.80
    expect(quote.deliveryFeeCents).toBe(499);
    expect(quote.totalCents).toBe(1137 + 94 + 499);
    expect(quote.taxIncluded).toBe(false);
    expect(quote.currency).toBe('USD');
    expect(quote.unavailable).toEqual([]);
  });

  it('never charges a product whose price is not whole cents, or negative, or missing', () => {
    const quote = quoteCart(
      ['fraction', 'negative', 'no-price', 'gone', 'eggs'].map((productId) => ({ productId, quantity: 1 })),
      catalog,
      DEFAULT_POLICY,
      'en-US',
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
      'en-US',
    );
    expect(quote.lines).toEqual([]);
    expect(quote.subtotalCents).toBe(0);
    expect(quote.totalCents).toBe(0);
  });

  it('quotes whole cents whatever the tax rate makes of them', () => {
    for (const taxRateBasisPoints of [0, 1, 333, 825, 1999]) {
      for (const quantity of [1, 3, 7, 99]) {
        const quote = quoteCart([{ productId: 'eggs', quantity }], catalog, { ...DEFAULT_POLICY, taxRateBasisPoints }, 'en-US');
        for (const cents of [quote.subtotalCents, quote.taxCents, quote.deliveryFeeCents, quote.totalCents]) expect(Number.isSafeInteger(cents)).toBe(true);
      }
    }
  });
});

const food = (id: string, priceCents: number, departmentId: string, aisleId: string): Product => ({ id, names: { 'de-DE': id }, priceCents, departmentId, aisleId });
const german = buildVoiceCatalog([
  food('eier', 429, 'dairy-eggs', 'eggs'),
  food('cola', 699, 'beverages', 'soda'),
  food('kaffee', 899, 'beverages', 'coffee'),
  food('parfum', 6000, 'personal-care', 'perfume'),
]);

describe('quoteCart in the de-DE shop (prices include VAT)', () => {
  it('charges euros at the shelf price: the VAT is stated, never added', () => {
    const quote = quoteCart([{ productId: 'eier', quantity: 2 }, { productId: 'cola', quantity: 1 }], german, DEFAULT_POLICY, 'de-DE');
    expect(quote.currency).toBe('EUR');
    expect(quote.taxIncluded).toBe(true);
    expect(quote.subtotalCents).toBe(858 + 699);
    expect(quote.deliveryFeeCents).toBe(499);
    expect(quote.totalCents).toBe(858 + 699 + 499);
    // Delivery follows the goods: 499 split 275 (7 %) / 224 (19 %) by their share of 1557.
    // 7 %: (858 + 275) × 7/107 = 74.12 → 74; 19 %: (699 + 224) × 19/119 = 147.37 → 147.
    expect(quote.taxCents).toBe(74 + 147);
  });

  it('states the VAT of one rate alone, with free delivery above the threshold', () => {
    const quote = quoteCart([{ productId: 'parfum', quantity: 1 }], german, DEFAULT_POLICY, 'de-DE');
    expect(quote.deliveryFeeCents).toBe(0);
    expect(quote.totalCents).toBe(6000);
    expect(quote.taxCents).toBe(958); // 6000 × 19/119 = 957.98
  });

  it('takes 7 % on food and on coffee, 19 % on soda', () => {
    const reduced = quoteCart([{ productId: 'kaffee', quantity: 6 }], german, DEFAULT_POLICY, 'de-DE');
    expect(reduced.taxCents).toBe(Math.round((899 * 6 * 700) / 10700));
    const standard = quoteCart([{ productId: 'cola', quantity: 8 }], german, DEFAULT_POLICY, 'de-DE');
    expect(standard.taxCents).toBe(Math.round((699 * 8 * 1900) / 11900));
  });

  it('ignores the sales-tax rate of the configuration', () => {
    const a = quoteCart([{ productId: 'eier', quantity: 1 }], german, { ...DEFAULT_POLICY, taxRateBasisPoints: 0 }, 'de-DE');
    const b = quoteCart([{ productId: 'eier', quantity: 1 }], german, { ...DEFAULT_POLICY, taxRateBasisPoints: 1999 }, 'de-DE');
    expect(a).toEqual(b);
  });

  it('quotes whole cents and never more VAT than the gross', () => {
    for (const id of ['eier', 'cola', 'kaffee', 'parfum']) {
      for (const quantity of [1, 3, 7, 99]) {
        const quote = quoteCart([{ productId: id, quantity }, { productId: 'eier', quantity: 1 }], german, DEFAULT_POLICY, 'de-DE');
        for (const cents of [quote.subtotalCents, quote.taxCents, quote.deliveryFeeCents, quote.totalCents]) expect(Number.isSafeInteger(cents)).toBe(true);
        expect(quote.taxCents).toBeLessThan(quote.totalCents * 0.16);
        expect(quote.totalCents).toBe(quote.subtotalCents + quote.deliveryFeeCents);
      }
    }
  });
});
