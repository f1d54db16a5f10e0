/** What a product costs, in whole cents, or nothing when the catalog's figure cannot be charged as it stands. */
import type { Product } from './product';

/**
 * The unit price in cents when it is a whole, non-negative number of cents. A fractional or negative figure is a
 * broken catalog row: charging it would mean rounding money nobody agreed to, so the product is not for sale.
 */
export function unitPriceCents(product: Product | undefined): number | undefined {
  const price = product?.priceCents;
  return typeof price === 'number' && Number.isSafeInteger(price) && price >= 0 ? price : undefined;
}
