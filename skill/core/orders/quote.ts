/**
 * The price of a cart as it would be charged now: lines at current prices, tax, delivery, total. The read-back, the
 * question's total and the charge all come from this one computation, in the currency and tax rule of the
 * locale's shop (shop-settings.ts).
 */
import { isWholeQuantity } from '../cart/cart';
import { unitPriceCents } from '../catalog/price';
import type { CartLine, Catalog, OrderLine } from '../ports';
import type { Locale } from '../turn';
import type { ShopPolicy } from './policy';
import { shopFor, type TaxRule } from './shop-settings';
import { vatClass } from './vat';

export interface Quote {
  lines: OrderLine[];
  /**
   * Cart lines that cannot be charged: the product is no longer sold, its price is not whole cents, or the line's
   * quantity is not a whole number of packs. Read out, never charged.
   */
  unavailable: string[];
  subtotalCents: number;
  /** Sales tax added to the total, or (taxIncluded) the VAT the total already contains. */
  taxCents: number;
  /** True where prices are gross (VAT): taxCents is part of the subtotal and delivery, not added to them. */
  taxIncluded: boolean;
  deliveryFeeCents: number;
  totalCents: number;
  currency: string;
}

export function quoteCart(cart: readonly CartLine[], catalog: Catalog, policy: ShopPolicy, locale: Locale): Quote {
  const shop = shopFor(locale);
  const lines: OrderLine[] = [];
  const unavailable: string[] = [];
  for (const line of cart) {
    const price = unitPriceCents(catalog.get(line.productId));
    if (price === undefined || !isWholeQuantity(line.quantity)) unavailable.push(line.productId);
    else lines.push({ productId: line.productId, quantity: line.quantity, unitPriceCents: price });
  }
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const deliveryFeeCents = subtotalCents === 0 || subtotalCents >= policy.freeDeliveryFromCents ? 0 : policy.deliveryFeeCents;
  const taxIncluded = shop.tax.kind === 'vat-included';
  const taxCents =
    shop.tax.kind === 'vat-included'
      ? includedVatCents(lines, catalog, deliveryFeeCents, shop.tax)
      : // Round half up to the cent, as sales tax is usually computed on the order total.
        Math.round((subtotalCents * policy.taxRateBasisPoints) / 10000);
  const totalCents = subtotalCents + deliveryFeeCents + (taxIncluded ? 0 : taxCents);
  return { lines, unavailable, subtotalCents, taxCents, taxIncluded, deliveryFeeCents, totalCents, currency: shop.currency };
}

/**
 * The VAT contained in gross prices: per rate, the gross sum times rate / (100 % + rate), rounded once per rate as
 * an invoice states it. Delivery is an ancillary service and follows the goods it carries: its fee is split over
 * the rates in proportion to their goods, the cent left by rounding going to the larger share.
 */
function includedVatCents(lines: readonly OrderLine[], catalog: Catalog, deliveryFeeCents: number, rule: Extract<TaxRule, { kind: 'vat-included' }>): number {
  let reducedGross = 0;
  let standardGross = 0;
  for (const line of lines) {
    const gross = line.unitPriceCents * line.quantity;
    if (vatClass(catalog.get(line.productId)) === 'reduced') reducedGross += gross;
    else standardGross += gross;
  }
  const goods = reducedGross + standardGross;
  if (goods > 0 && deliveryFeeCents > 0) {
    const reducedShare = reducedGross >= standardGross ? deliveryFeeCents - Math.floor((deliveryFeeCents * standardGross) / goods) : Math.floor((deliveryFeeCents * reducedGross) / goods);
    reducedGross += reducedShare;
    standardGross += deliveryFeeCents - reducedShare;
  }
  const contained = (gross: number, basisPoints: number) => Math.round((gross * basisPoints) / (10000 + basisPoints));
  return contained(reducedGross, rule.reducedBasisPoints) + contained(standardGross, rule.standardBasisPoints);
}
