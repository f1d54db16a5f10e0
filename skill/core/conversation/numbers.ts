/** Small spoken numbers and ordinals, the way platforms pass them on: digits, words, "2nd", "zweite". */
import { vocabularyFor } from '../i18n/vocabulary';
import type { Locale } from '../turn';

const CARDINALS: Record<Locale, string[]> = {
  'en-US': ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty'],
  'de-DE': ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn', 'zwanzig'],
};
const ARTICLES: Record<Locale, string[]> = {
  'en-US': ['a', 'an', 'one'],
  'de-DE': ['ein', 'eine', 'einen', 'einem', 'einer', 'eins'],
};
const ORDINALS: Record<Locale, string[]> = {
  'en-US': ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
  'de-DE': ['nullte', 'erste', 'zweite', 'dritte', 'vierte', 'fünfte', 'sechste', 'siebte', 'achte', 'neunte', 'zehnte'],
};

/** A whole number from "3", "3.0", "three", "drei", "a"; undefined when the text is not one. */
export function parseCardinal(text: string, locale: Locale): number | undefined {
  const word = text.trim().toLowerCase();
  if (/^\d+(\.0+)?$/.test(word)) return Number.parseInt(word, 10);
  if (ARTICLES[locale].includes(word)) return 1;
  const index = CARDINALS[locale].indexOf(word);
  return index >= 0 ? index : undefined;
}

/**
 * A 1-based position from "2", "2nd", "2.", "second", "the second one", "zweite", "den zweiten";
 * -1 for "last", "final", "letzte"; undefined when there is none.
 */
export function parseOrdinal(text: string, locale: Locale): number | undefined {
  const words = text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
  for (const raw of words) {
    const digits = /^(\d+)(st|nd|rd|th)?$/.exec(raw);
    if (digits) return Number.parseInt(digits[1]!, 10);
    // German ordinals inflect: zweite, zweiten, zweites, zweiter.
    const word = locale === 'de-DE' ? raw.replace(/(en|es|er|em)$/, 'e') : raw;
    // "last" is a choice word too: one list (the vocabulary) says which words mean it.
    if (vocabularyFor(locale).choices.last.includes(word)) return -1;
    const index = ORDINALS[locale].indexOf(word);
    if (index > 0) return index;
  }
  return undefined;
}

/** Quantity slot value: undefined when absent, NaN when present but not a usable whole number. */
export function parseQuantitySlot(raw: string | undefined, locale: Locale): number | undefined {
  if (raw === undefined || raw.trim() === '' || raw === '?') return undefined;
  const value = parseCardinal(raw, locale);
  return value === undefined ? Number.NaN : value;
}
