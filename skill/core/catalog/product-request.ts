/**
 * Splits a spoken product request into how many, what size and what product:
 * "two bottles of milk" → { quantity: 2, unit: 'bottle', query: 'milk' };
 * "one gallon of milk" → { size: '1 gallon', query: 'milk' };
 * "zwei Flaschen Milch" → { quantity: 2, unit: 'bottle', query: 'milch' }; "ein Liter Milch" → { size: '1 liter' };
 * "two dozen eggs" → { size: '24 count', query: 'eggs' }; "half a gallon of milk" → { size: '0.5 gallon', query: 'milk' }.
 * A pack word (bottle, can, box…) makes the number a quantity; a measure (gallon, liter, pound…) makes it a
 * size. Which product among the results is meant ("the second one") is the conversation's job, not this one.
 */
import { vocabularyFor, type PackUnit } from '../i18n/vocabulary';
import type { Locale } from '../turn';
import { digitizeNumberWords } from './spoken-numbers';
import { foldCharacters } from './text-normalizer';

export type { PackUnit };

/**
 * Pack words that count the pieces themselves, not packs: "sechs Stück Eier" is six eggs, as a German label's
 * "12 Stück" is twelve eggs. Every other pack word makes the number a count of packs ("six cartons of eggs").
 */
export const PIECE_UNITS: ReadonlySet<PackUnit> = new Set<PackUnit>(['piece']);

export interface ProductRequest {
  /** What to search for, folded to lower case. */
  query: string;
  quantity?: number;
  /** The pack the quantity counts. */
  unit?: PackUnit;
  /** Pack size as said, with digits: "1 gallon", "500 g". */
  size?: string;
}

/**
 * The locale's measure and pack words (i18n/<locale>/vocabulary.ts: measureUnits, packUnits), folded as the
 * request's words are ("Stück" → "stueck"), in maps so that no word of a request meets an object's own keys.
 */
interface UnitWords {
  measures: ReadonlyMap<string, string>;
  packs: ReadonlyMap<string, PackUnit>;
}

const unitWordsByLocale = new Map<Locale, UnitWords>();

function unitWords(locale: Locale): UnitWords {
  let words = unitWordsByLocale.get(locale);
  if (!words) {
    const vocabulary = vocabularyFor(locale);
    const folded = <T>(table: Readonly<Record<string, T>>) => new Map(Object.entries(table).map(([word, unit]) => [foldCharacters(word, locale), unit]));
    words = { measures: folded(vocabulary.measureUnits), packs: folded(vocabulary.packUnits) };
    unitWordsByLocale.set(locale, words);
  }
  return words;
}

/** A table's own entry for a word: "constructor" said in a request is a word, not Object's. */
const ownValue = <T>(table: Readonly<Record<string, T>>, word: string | undefined): T | undefined =>
  word !== undefined && Object.hasOwn(table, word) ? table[word] : undefined;

const measureOf = (token: string | undefined, locale: Locale) => (token === undefined ? undefined : unitWords(locale).measures.get(token));
const packOf = (token: string | undefined, locale: Locale) => (token === undefined ? undefined : unitWords(locale).packs.get(token));

const PERCENT_WORD: Record<Locale, string> = { 'en-US': 'percent', 'de-DE': 'prozent' };

/**
 * Amount words that are parts of one, counted only before a measure or a dozen ("half a gallon", "a half gallon",
 * "one and a half pounds", "ein halber Liter", "anderthalb Kilo"): elsewhere they name products ("half and half").
 */
const FRACTIONS: Record<Locale, Record<string, number>> = {
  'en-US': { half: 0.5, quarter: 0.25 },
  'de-DE': { halb: 0.5, halbe: 0.5, halber: 0.5, halbes: 0.5, halben: 0.5, viertel: 0.25, anderthalb: 1.5, eineinhalb: 1.5 },
};

/** The word that adds a fraction to a whole number ("one and a half"). */
const AND_WORD: Record<Locale, string> = { 'en-US': 'and', 'de-DE': 'und' };

const ARTICLES: Record<Locale, Record<string, number>> = {
  'en-US': { a: 1, an: 1 },
  'de-DE': {},
};

/** Words that only join the amount to the product ("of", "with"-less fillers). */
const LINKERS: Record<Locale, Set<string>> = {
  'en-US': new Set(['of', 'some', 'the']),
  'de-DE': new Set(['von', 'mit', 'etwas']),
};

/** Words that start a request but are not part of the product. */
const LEADING_FILLERS: Record<Locale, Set<string>> = {
  'en-US': new Set(['please', 'some', 'me', 'get', 'add', 'buy', 'order', 'i', 'want', 'need', 'would', 'like', 'to']),
  'de-DE': new Set(['bitte', 'ich', 'moechte', 'brauche', 'will', 'kaufe', 'bestelle', 'etwas']),
};

export function parseProductRequest(utterance: string, locale: Locale): ProductRequest {
  const words = foldCharacters(utterance, locale)
    .replace(/%/g, ` ${PERCENT_WORD[locale]} `)
    .replace(/[^a-z0-9.,\s-]/g, ' ')
    .replace(/(\d),(\d)/g, '$1.$2')
    .split(/[\s,-]+/)
    .filter((word) => word.length > 0 && word !== '.');
  const tokens = digitizeNumberWords(words, locale);
  let at = 0;
  while (at < tokens.length && LEADING_FILLERS[locale].has(tokens[at]!)) at += 1;

  const request: Partial<ProductRequest> = {};
  const amount = readAmount(tokens, at, locale);
  if (amount) {
    at = amount.next;
    const measure = measureOf(tokens[at], locale);
    const pack = packOf(tokens[at], locale);
    if (measure) {
      request.size = `${formatNumber(amount.value)} ${measure}`;
      at += 1;
    } else if (pack === 'dozen') {
      // "a dozen eggs" is one 12-count pack, not twelve packs: a dozen says the size.
      request.size = `${formatNumber(amount.value * 12)} count`;
      at += 1;
    } else if (pack) {
      request.quantity = amount.value;
      request.unit = pack;
      at += 1;
      // "two bottles of one liter milk" / "zwei Flaschen ein Liter Milch".
      const size = readAmount(tokens, skipLinkers(tokens, at, locale), locale);
      const sizeMeasure = size ? measureOf(tokens[size.next], locale) : undefined;
      if (size && sizeMeasure) {
        request.size = `${formatNumber(size.value)} ${sizeMeasure}`;
        at = size.next + 1;
      }
    } else if (Number.isInteger(amount.value) && amount.value > 0) {
      request.quantity = amount.value;
      // "two half gallons of milk": a count of packs of that size.
      const part = readFraction(tokens, at, locale);
      const partMeasure = part ? measureOf(tokens[part.next], locale) : undefined;
      if (part && partMeasure) {
        request.size = `${formatNumber(part.value)} ${partMeasure}`;
        at = part.next + 1;
      }
    } else {
      at -= amount.length; // "1.5" alone is no count: leave it in the query
    }
  } else if (packOf(tokens[at], locale) === 'dozen') {
    request.size = '12 count';
    at += 1;
  } else {
    // "cartons of eggs" / "Packungen Eier": the number came in a slot of its own, the pack word still counts packs.
    const pack = leadingPackWord(tokens, at, locale);
    if (pack) {
      request.unit = pack;
      at += 1;
    }
  }
  at = skipLinkers(tokens, at, locale);
  const query = tokens.slice(at).join(' ').trim();
  return { ...request, query };
}

function readAmount(tokens: readonly string[], at: number, locale: Locale): { value: number; next: number; length: number } | undefined {
  const token = tokens[at];
  if (token === undefined) return undefined;
  const fraction = readFraction(tokens, at, locale);
  if (fraction) return fraction;
  const article = ownValue(ARTICLES[locale], token);
  if (article !== undefined) {
    // "a half gallon": the article belongs to the fraction.
    const halfAfter = readFraction(tokens, at + 1, locale);
    if (halfAfter) return { ...halfAfter, length: halfAfter.length + 1 };
    // "a gallon of milk", "a dozen eggs": an article counts only before a pack or measure word.
    const next = tokens[at + 1] ?? '';
    if (measureOf(next, locale) || packOf(next, locale)) return { value: article, next: at + 1, length: 1 };
    return undefined;
  }
  // "two percent milk": a number that describes the product is part of the query, not an amount.
  if (tokens[at + 1] === PERCENT_WORD[locale]) return undefined;
  if (/^\d+(\.\d+)?$/.test(token)) {
    const whole = Number(token);
    // "one and a half pounds" / "eineinhalb" said as "ein und ein halb".
    if (tokens[at + 1] === AND_WORD[locale]) {
      const rest = readAmount(tokens, at + 2, locale);
      if (rest && rest.value < 1 && isMeasured(tokens[rest.next], locale)) return { value: whole + rest.value, next: rest.next, length: rest.next - at };
    }
    // "ein halber Liter": the German article before the fraction reads as the number one.
    const halfAfter = whole === 1 ? readFraction(tokens, at + 1, locale) : undefined;
    if (halfAfter) return { ...halfAfter, length: halfAfter.length + 1 };
    return { value: whole, next: at + 1, length: 1 };
  }
  return undefined;
}

/** "half a gallon", "half gallon", "halbes Kilo": a fraction word (and an article) right before a measure. */
function readFraction(tokens: readonly string[], at: number, locale: Locale): { value: number; next: number; length: number } | undefined {
  const value = ownValue(FRACTIONS[locale], tokens[at]);
  if (value === undefined) return undefined;
  let next = at + 1;
  if (ownValue(ARTICLES[locale], tokens[next]) !== undefined) next += 1;
  return isMeasured(tokens[next], locale) ? { value, next, length: next - at } : undefined;
}

/** A measure word, or "dozen": what a fraction can be a part of. */
function isMeasured(token: string | undefined, locale: Locale): boolean {
  return measureOf(token, locale) !== undefined || packOf(token, locale) === 'dozen';
}

/**
 * English names products with pack words ("can opener", "box cutter"), so there only "of" after the word marks a
 * container; German puts the container straight before the product ("Packungen Eier").
 */
const PACK_WORD_NEEDS_LINKER: Record<Locale, boolean> = { 'en-US': true, 'de-DE': false };

function leadingPackWord(tokens: readonly string[], at: number, locale: Locale): PackUnit | undefined {
  const pack = packOf(tokens[at], locale);
  const next = tokens[at + 1];
  if (!pack || pack === 'dozen' || next === undefined) return undefined;
  return !PACK_WORD_NEEDS_LINKER[locale] || LINKERS[locale].has(next) ? pack : undefined;
}

function skipLinkers(tokens: readonly string[], at: number, locale: Locale): number {
  let next = at;
  while (next < tokens.length - 1 && LINKERS[locale].has(tokens[next]!)) next += 1;
  return next;
}

function formatNumber(value: number): string {
  return String(value);
}
