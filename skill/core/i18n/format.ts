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
