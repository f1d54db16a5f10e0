import { describe, expect, it } from 'vitest';
import {
  addToCart,
  CartLimitError,
  cartSubtotalCents,
  InvalidQuantityError,
  isWholeQuantity,
  lineTotalCents,
  MAX_CART_LINES,
  MAX_LINE_QUANTITY,
} from '../../../../skill/core/cart/cart';
import type { Product } from '../../../../skill/core/catalog/product';
import { buildVoiceCatalog } from '../../../../skill/core/catalog/build/catalog-builder';

const priced = (id: string, priceCents: number): Product => ({ id, names: { 'en-US': id }, priceCents });

describe('addToCart', () => {
  it('adds a new line and adds to an existing one', () => {
    const lines = addToCart([], 'a', 2);
    expect(lines).toEqual([{ productId: 'a', quantity: 2 }]);
    expect(addToCart(lines, 'a', 3)).toEqual([{ productId: 'a', quantity: 5 }]);
  });

  it.each([0, -1, 0.01, 1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'refuses %s packs with InvalidQuantityError, for a new line and an existing one',
    (quantity) => {
      expect(() => addToCart([], 'a', quantity)).toThrow(InvalidQuantityError);
      expect(() => addToCart([{ productId: 'a', quantity: 1 }], 'a', quantity)).toThrow(InvalidQuantityError);
    },
  );

  it('keeps its limits: at most MAX_LINE_QUANTITY of one product and MAX_CART_LINES products', () => {
    expect(addToCart([], 'a', MAX_LINE_QUANTITY)).toEqual([{ productId: 'a', quantity: MAX_LINE_QUANTITY }]);
    expect(() => addToCart([], 'a', MAX_LINE_QUANTITY + 1)).toThrow(CartLimitError);
    expect(() => addToCart([{ productId: 'a', quantity: MAX_LINE_QUANTITY }], 'a', 1)).toThrow(CartLimitError);
    const full = Array.from({ length: MAX_CART_LINES }, (_, n) => ({ productId: `p${n}`, quantity: 1 }));
    expect(() => addToCart(full, 'new', 1)).toThrow(CartLimitError);
  });

  it('names the refused quantity on the error', () => {
    expect(() => addToCart([], 'a', 0.5)).toThrow(expect.objectContaining({ name: 'InvalidQuantityError', quantity: 0.5 }));
  });
});

describe('isWholeQuantity', () => {
  it('accepts whole numbers of at least one and nothing else', () => {
    expect([1, 2, 99, 1000].every(isWholeQuantity)).toBe(true);
    expect([0, -3, 0.5, Number.NaN, Number.POSITIVE_INFINITY, '2', undefined, null].some(isWholeQuantity)).toBe(false);
  });
});

describe('money in whole cents', () => {
  it('a line total is the unit price times whole packs, or nothing', () => {
    expect(lineTotalCents(349, 3)).toBe(1047);
    expect(lineTotalCents(undefined, 3)).toBeUndefined();
    expect(lineTotalCents(349, 0.5)).toBeUndefined();
  });

  it('the cart subtotal counts only products with a whole-cent price', () => {
    const catalog = buildVoiceCatalog([priced('ok', 250), priced('fraction', 99.5), priced('negative', -100)]);
    const lines = [
      { productId: 'ok', quantity: 2 },
      { productId: 'fraction', quantity: 1 },
      { productId: 'negative', quantity: 1 },
      { productId: 'gone', quantity: 1 },
    ];
    expect(cartSubtotalCents(lines, catalog)).toBe(500);
  });
});
