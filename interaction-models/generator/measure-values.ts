/**
 * The measure slot's values: every amount of every measure as it is spoken ("a gallon", "two pounds", "sixty four
 * ounces"). One slot for amount and measure keeps them apart from the product without a second number slot next
 * to the first, which the virtual test clients (and some NLUs) cannot split.
 */
import { DOZEN_AMOUNTS, MEASURE_AMOUNTS, MEASURES, PACK_AMOUNTS, PACK_COUNTS } from '../source/vocabulary';
import type { WordForms } from '../../skill/core/i18n/vocabulary';
import type { ModelLocale } from '../source/types';
import { numberToWords } from './spoken';

export interface MeasureValue {
  /** "2-pounds": amount and measure, language-neutral enough for an id. */
  id: string;
  /** Spoken form; the core parses it back into a pack size. */
  name: string;
  synonyms: string[];
}

/** One amount of one word, as said: "two pounds", "a gallon", "ein Liter". */
function amountsOf(words: readonly WordForms[], amounts: readonly number[], locale: ModelLocale): MeasureValue[] {
  return words.flatMap(([one, many]) =>
    amounts.map((amount) => {
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

export function measureValues(locale: ModelLocale): MeasureValue[] {
  // "A dozen" has samples of its own (one pack); from two on, the count of dozens rides in the slot.
  const dozens = DOZEN_AMOUNTS[locale].filter((amount) => amount > 1).map((amount) => ({ id: `${amount}-dozen`, name: `${numberToWords(amount, locale)} dozen`, synonyms: [] }));
  return [...amountsOf(MEASURES[locale], MEASURE_AMOUNTS, locale), ...amountsOf(PACK_COUNTS[locale], PACK_AMOUNTS, locale), ...dozens];
}
