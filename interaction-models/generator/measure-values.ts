/**
 * The measure slot's values: every amount of every measure as it is spoken ("a gallon", "two pounds", "sixty four
 * ounces"). One slot for amount and measure keeps them apart from the product without a second number slot next
 * to the first, which the virtual test clients (and some NLUs) cannot split.
 */
import { MEASURE_AMOUNTS, MEASURES } from '../source/vocabulary';
import type { ModelLocale } from '../source/types';
import { numberToWords } from './spoken';

export interface MeasureValue {
  /** "2-pounds": amount and measure, language-neutral enough for an id. */
  id: string;
  /** Spoken form; the core parses it back into a pack size. */
  name: string;
  synonyms: string[];
}

export function measureValues(locale: ModelLocale): MeasureValue[] {
  return MEASURES[locale].flatMap(([one, many]) =>
    MEASURE_AMOUNTS.map((amount) => {
      const unit = amount === 1 ? one : many;
      // German says "ein Liter", not "eins Liter".
      const number = amount === 1 && locale === 'de-DE' ? 'ein' : numberToWords(amount, locale);
      const name = `${number} ${unit}`;
      // "a gallon" is how people say one gallon.
      const synonyms = amount === 1 && locale === 'en-US' ? [`a ${one}`] : [];
      return { id: `${amount}-${unit.replace(/ /g, '-')}`, name, synonyms };
    }),
  );
}
