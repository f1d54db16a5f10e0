import { shopFor } from '../orders/shop-settings';
import type { Locale } from '../turn';

const currencyFormats = new Map<string, Intl.NumberFormat>();

/** "$3.49" in en-US, "3,49 €" in de-DE: what a speech engine reads naturally in each locale. */
export function formatPrice(cents: number, currency: string, locale: Locale): string {
  const key = `${locale}|${currency}`;
  let format = currencyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    currencyFormats.set(key, format);
  }
  // Intl puts a no-break space before the symbol in German; speech engines and chat surfaces want a plain one.
  return format.format(cents / 100).replace(/\u00a0/g, ' ');
}

/**
 * A price in the currency of the locale's shop: what search, cart, checkout and cards show, so one conversation
 * speaks one currency. An order already placed keeps the currency it was charged in (formatPrice with its own).
 */
export function formatShopPrice(cents: number, locale: Locale): string {
  return formatPrice(cents, shopFor(locale).currency, locale);
}

const listFormats = new Map<Locale, Intl.ListFormat>();

/** "a, b and c" / "a, b und c". */
export function joinList(items: string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A calendar day (yyyy-mm-dd, already in the right zone) in words: its weekday ("Monday", "Montag") or its date
 * ("December 14", "14. Dezember"). Read at noon UTC so no zone can move it to a neighbouring day.
 */
export function spokenDay(isoDay: string, locale: Locale, as: 'weekday' | 'date'): string {
  const key = `${locale}|${as}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, as === 'weekday' ? { weekday: 'long', timeZone: 'UTC' } : { day: 'numeric', month: 'long', timeZone: 'UTC' });
    dayFormats.set(key, format);
  }
  return format.format(new Date(`${isoDay}T12:00:00.000Z`));
}
