/** Pure cart arithmetic: the repository stores the result, the conversation decides when. */
import { unitPriceCents } from '../catalog/price';
import type { Catalog, CartLine } from '../ports';

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 100;

export class CartLimitError extends Error {
  constructor(readonly limit: 'quantity' | 'lines') {
    super(limit === 'quantity' ? `at most ${MAX_LINE_QUANTITY} of one product` : `at most ${MAX_CART_LINES} products`);
    this.name = 'CartLimitError';
  }
}

/** A quantity that can stand on a cart line: a whole number of packs, at least one (the upper limit is separate). */
export function isWholeQuantity(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
}

/** A quantity no cart line may hold: a fraction, zero, a negative, NaN or Infinity (a forged or misparsed request). */
export class InvalidQuantityError extends Error {
  constructor(readonly quantity: number) {
    super(`a cart quantity is a whole number of at least 1, not ${quantity}`);
    this.name = 'InvalidQuantityError';
  }
}

export function addToCart(lines: readonly CartLine[], productId: string, quantity: number): CartLine[] {
  if (!isWholeQuantity(quantity)) throw new InvalidQuantityError(quantity);
  const existing = lines.find((line) => line.productId === productId);
  if (existing) {
    const total = existing.quantity + quantity;
    if (total > MAX_LINE_QUANTITY) throw new CartLimitError('quantity');
    return lines.map((line) => (line === existing ? { ...line, quantity: total } : line));
  }
  if (lines.length >= MAX_CART_LINES) throw new CartLimitError('lines');
  if (quantity > MAX_LINE_QUANTITY) throw new CartLimitError('quantity');
  return [...lines, { productId, quantity }];
}

export function removeFromCart(lines: readonly CartLine[], productId: string): CartLine[] {
  return lines.filter((line) => line.productId !== productId);
}

export function itemCount(lines: readonly CartLine[]): number {
  return lines.reduce((sum, line) => sum + line.quantity, 0);
}

/** Sum of the lines whose product still has a whole-cent price; products that left the catalog are not charged. */
export function cartSubtotalCents(lines: readonly CartLine[], catalog: Catalog): number {
  return lines.reduce((sum, line) => sum + (lineTotalCents(unitPriceCents(catalog.get(line.productId)), line.quantity) ?? 0), 0);
}

/** What `quantity` packs cost, in whole cents; undefined when there is no price or the quantity is no cart quantity. */
export function lineTotalCents(unitPrice: number | undefined, quantity: number): number | undefined {
  return unitPrice === undefined || !isWholeQuantity(quantity) ? undefined : unitPrice * quantity;
}
