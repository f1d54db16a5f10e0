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
  priceCents?: number;
  currency?: string;
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
