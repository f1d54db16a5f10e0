/** Pure cart arithmetic: the repository stores the result, the conversation decides when. */
import type { Catalog, CartLine } from '../ports';

export const MAX_LINE_QUANTITY = 99;
export const MAX_CART_LINES = 100;

export class CartLimitError extends Error {
  constructor(readonly limit: 'quantity' | 'lines') {
    super(limit === 'quantity' ? `at most ${MAX_LINE_QUANTITY} of one product` : `at most ${MAX_CART_LINES} products`);
    this.name = 'CartLimitError';
  }
}

export function addToCart(lines: readonly CartLine[], productId: string, quantity: number): CartLine[] {
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

/** Sum of the lines whose product still has a price; products that left the catalog are not charged. */
export function cartSubtotalCents(lines: readonly CartLine[], catalog: Catalog): number {
  return lines.reduce((sum, line) => sum + (catalog.get(line.productId)?.priceCents ?? 0) * line.quantity, 0);
}
