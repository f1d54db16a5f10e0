/** The everyday product words of each locale (i18n/<locale>/product-words.ts), for search (catalog/synonyms.ts). */
import type { Locale } from '../turn';
import { deDEProductWords } from './de-DE/product-words';
import { enUSProductWords } from './en-US/product-words';
import type { ProductWords } from './product-words-types';

export type { ProductWords } from './product-words-types';

const byLocale: Record<Locale, ProductWords> = { 'en-US': enUSProductWords, 'de-DE': deDEProductWords };

export function productWordsFor(locale: Locale): ProductWords {
  return byLocale[locale];
}
