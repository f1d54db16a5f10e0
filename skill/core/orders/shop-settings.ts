/**
 * A shop per locale: the currency a locale's shoppers pay in and how tax reaches their total. The two belong
 * together and to the market, not to a deployment knob: euros come with prices that already contain VAT, dollars
 * with sales tax added at checkout. One table, read through `shopFor`, so search, cart, checkout, cards and the
 * charge cannot disagree about the currency of one conversation. `loadConfig` validates it once at start.
 */
import type { Locale } from '../turn';

export type TaxRule =
  /** US sales tax: added on top of shelf prices at checkout, at the deployment's rate (ShopPolicy.taxRateBasisPoints). */
  | { kind: 'sales-tax-added' }
  /**
   * VAT (Germany, §12 UStG): shelf prices are gross; checkout states the VAT they contain and adds nothing. The
   * rates are the law's, so they live here rather than in the environment; which one a product takes is vat.ts's.
   */
  | { kind: 'vat-included'; reducedBasisPoints: number; standardBasisPoints: number };

export interface ShopSettings {
  /** ISO 4217 code of every price shown, said and charged in this locale. */
  currency: string;
  tax: TaxRule;
}

export const SHOPS: Readonly<Record<Locale, ShopSettings>> = {
  'en-US': { currency: 'USD', tax: { kind: 'sales-tax-added' } },
  'de-DE': { currency: 'EUR', tax: { kind: 'vat-included', reducedBasisPoints: 700, standardBasisPoints: 1900 } },
};

/** The shop that serves a locale. */
export function shopFor(locale: Locale): ShopSettings {
  return SHOPS[locale];
}
