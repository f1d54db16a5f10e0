import type { Locale } from '../turn';

/** A product as the shop sells it. Money is in minor units (cents) to keep arithmetic exact. */
export interface Product {
  id: string;
  /** Display names by locale; a catalog may carry only one locale. */
  names: Partial<Record<Locale, string>>;
  aisleId?: string;
  /** Aisle (category) names by locale, e.g. { 'en-US': 'shampoo', 'de-DE': 'Shampoo' }. */
  aisle?: Partial<Record<Locale, string>>;
  departmentId?: string;
  /**
   * The product's price in `currency`. A shop sells it at this price when its own currency is `currency` (or none
   * is stated) and `prices` has no entry for the shop's locale. A product read through a shop's catalog
   * (shop-catalog.ts) carries here what that shop asks, in that shop's currency, or nothing: what search, cart,
   * checkout and cards read.
   */
  priceCents?: number;
  currency?: string;
  /**
   * What each locale's shop asks, in minor units of that shop's currency (orders/shop-settings.ts): a German euro
   * price including VAT is its own figure, not the dollar number relabelled. Resolved into `priceCents` by
   * shop-catalog.ts; nobody else reads it.
   */
  prices?: Partial<Record<Locale, number>>;
  /** Pack size as it is said: "16 oz", "1 gallon", "500 g". */
  size?: string;
  brand?: string;
  imageUrl?: string;
  /** Relative popularity (orders per period or any monotone figure) used to rank generic requests. */
  popularity?: number;
}

export function productName(product: Product, locale: Locale): string {
  return product.names[locale] ?? product.names['en-US'] ?? product.names['de-DE'] ?? product.id;
}
