/** The price of a cart as it would be charged now: lines at current prices, tax, delivery, total. */
import { isWholeQuantity } from '../cart/cart';
import { unitPriceCents } from '../catalog/price';
import type { CartLine, Catalog, OrderLine } from '../ports';
import type { ShopPolicy } from './policy';

export interface Quote {
  lines: OrderLine[];
  /**
   * Cart lines that cannot be charged: the product is no longer sold, its price is not whole cents, or the line's
   * quantity is not a whole number of packs. Read out, never charged.
   */
  unavailable: string[];
  subtotalCents: number;
  taxCents: number;
  deliveryFeeCents: number;
  totalCents: number;
  currency: string;
}

export function quoteCart(cart: readonly CartLine[], catalog: Catalog, policy: ShopPolicy): Quote {
  const lines: OrderLine[] = [];
  const unavailable: string[] = [];
  for (const line of cart) {
    const price = unitPriceCents(catalog.get(line.productId));
    if (price === undefined || !isWholeQuantity(line.quantity)) unavailable.push(line.productId);
    else lines.push({ productId: line.productId, quantity: line.quantity, unitPriceCents: price });
  }
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  // Round half up to the cent, as tax is usually computed on the order total.
  const taxCents = Math.round((subtotalCents * policy.taxRateBasisPoints) / 10000);
  const deliveryFeeCents = subtotalCents === 0 || subtotalCents >= policy.freeDeliveryFromCents ? 0 : policy.deliveryFeeCents;
  return { lines, unavailable, subtotalCents, taxCents, deliveryFeeCents, totalCents: subtotalCents + taxCents + deliveryFeeCents, currency: policy.currency };
}
