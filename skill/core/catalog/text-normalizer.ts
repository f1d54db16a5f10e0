/**
 * Turns a product name or a spoken request into the tokens search compares. Both sides go through the same
 * steps, so "2% Reduced Fat Milk" and "two percent reduced fat milk" give the same tokens:
 * case and diacritics folded (German umlauts as ae/oe/ue, ß as ss, which is also how people type them),
 * symbols spoken ("&" → and, "%" → percent), digits split from letters ("12oz" → 12 oz), number words to
 * digits and unit words to one spelling ("ounces" → oz).
 */
import type { Locale } from '../turn';
import { digitizeNumberWords, numberWordHeardAs } from './spoken-numbers';
import { soundSpelling } from './phonetic';

/** Lower case, diacritics removed; for German, umlauts and ß spelled out the way keyboards without them do. */
export function foldCharacters(text: string, locale: Locale): string {
  let folded = text.toLowerCase();
  if (locale === 'de-DE') {
    folded = folded.replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  }
  folded = folded.replace(/ß/g, 'ss').replace(/[øæœłđþı]/g, (letter) => LETTERS_WITHOUT_ACCENT[letter] ?? letter);
  // NFD splits "é" into "e" + a combining accent, which the next replace drops.
  return folded.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** Latin letters that NFD does not split into a base letter and an accent, spelled as keyboards without them do. */
const LETTERS_WITHOUT_ACCENT: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ł: 'l', đ: 'd', þ: 'th', ı: 'i' };

const SYMBOL_WORDS: Record<Locale, Record<string, string>> = {
  'en-US': { '&': ' and ', '%': ' percent ', '+': ' plus ', '@': ' at ' },
  'de-DE': { '&': ' und ', '%': ' prozent ', '+': ' plus ', '@': ' at ' },
};

/**
 * Unit words to one spelling per locale. Applied to names and queries alike, so the choice of spelling
 * only has to be consistent, not pretty.
 */
const UNIT_SPELLINGS: Record<Locale, Record<string, string>> = {
  'en-US': {
    ounce: 'oz', ounces: 'oz', oz: 'oz', pound: 'lb', pounds: 'lb', lbs: 'lb', lb: 'lb', gram: 'g', grams: 'g',
    gr: 'g', g: 'g', kilogram: 'kg', kilograms: 'kg', kilo: 'kg', kilos: 'kg', kg: 'kg', milliliter: 'ml',
    milliliters: 'ml', millilitre: 'ml', millilitres: 'ml', ml: 'ml', liter: 'l', liters: 'l', litre: 'l',
    litres: 'l', l: 'l', ltr: 'l', gallon: 'gal', gallons: 'gal', gal: 'gal', quart: 'qt', quarts: 'qt',
    qt: 'qt', pint: 'pt', pints: 'pt', pt: 'pt', count: 'ct', ct: 'ct', percent: 'pct', pct: 'pct',
    inch: 'in', inches: 'in', foot: 'ft', feet: 'ft', ft: 'ft', fluid: 'fl', fl: 'fl', milligram: 'mg',
    milligrams: 'mg', mg: 'mg', pack: 'pk', pk: 'pk',
  },
  'de-DE': {
    gramm: 'g', gr: 'g', g: 'g', kilogramm: 'kg', kilo: 'kg', kg: 'kg', milliliter: 'ml', ml: 'ml', liter: 'l',
    l: 'l', ltr: 'l', zentiliter: 'cl', cl: 'cl', prozent: 'pct', pct: 'pct', stueck: 'stk', stk: 'stk',
    milligramm: 'mg', mg: 'mg',
  },
};

/**
 * The search tokens of a text (a product name, an aisle name or a query). For a query, `isKnownWord`
 * (the catalog's vocabulary) lets a word the catalog does not know be read as the number word it sounds
 * like ("threa" → "three" → "3"): a recogniser's slip on a number would otherwise lose the number.
 */
export function normalizeTokens(text: string, locale: Locale, isKnownWord?: (token: string) => boolean): string[] {
  let spaced = foldCharacters(text, locale);
  const symbols = SYMBOL_WORDS[locale];
  spaced = spaced.replace(/[&%+@]/g, (symbol) => symbols[symbol] ?? ' ');
  // Apostrophes join ("chick'n", "kid's"); a decimal comma or point between digits stays a decimal point.
  spaced = spaced.replace(/['’`´]/g, '').replace(/(\d)[.,](\d)/g, '$1\u0000$2');
  // Letters of any script are words ("течен подсладител" on a German shelf); everything else separates them.
  spaced = spaced.replace(/[^\p{L}0-9\u0000]+/gu, ' ').replace(/\u0000/g, '.');
  // "12oz" → "12 oz", "2x" → "2 x": spoken forms never glue digits to letters.
  spaced = spaced.replace(/(\d)(\p{L})/gu, '$1 $2').replace(/(\p{L})(\d)/gu, '$1 $2');
  let raw = spaced.split(' ').filter((token) => token.length > 0);
  if (isKnownWord) raw = raw.map((token) => (isKnownWord(token) ? token : (numberWordHeardAs(token, locale) ?? token)));
  const units = UNIT_SPELLINGS[locale];
  // A unit word is only a unit after a number: "1 gallon" → "1 gal", but "gallon freezer bags" keeps its word
  // (so a misheard "galon" still finds it); unitAliases() lets "gallon" and "gal" meet anyway. After a
  // number, a word the catalog does not know is read as the unit it sounds like ("two pacent" → "2 pct").
  const tokens = digitizeNumberWords(raw, locale);
  return tokens.map((token, i) => {
    if (i === 0 || !/^\.?\d/.test(tokens[i - 1]!)) return token;
    const unit = units[token];
    if (unit !== undefined || !isKnownWord || isKnownWord(token)) return unit ?? token;
    return unitHeardAs(token, locale) ?? token;
  });
}

const unitsBySound = new Map<Locale, Map<string, string>>();

/** The unit a misheard word after a number stands for, when it sounds like a unit word of four letters or more. */
function unitHeardAs(token: string, locale: Locale): string | undefined {
  if (token.length < 4) return undefined;
  let table = unitsBySound.get(locale);
  if (!table) {
    table = new Map();
    for (const [word, unit] of Object.entries(UNIT_SPELLINGS[locale])) {
      if (word.length >= 4) table.set(soundSpelling(word, locale), unit);
    }
    unitsBySound.set(locale, table);
  }
  return table.get(soundSpelling(token, locale));
}

/** The other spellings of a unit word ("gallon" → ["gal", "gallons"]; "gal" → ["gallon", "gallons"]). */
export function unitAliases(token: string, locale: Locale): string[] {
  const units = UNIT_SPELLINGS[locale];
  const canonical = units[token];
  if (canonical === undefined) return [];
  return Object.keys(units).filter((word) => word !== token && units[word] === canonical && word.length > 1);
}

/**
 * A light stem for matching singular and plural ("cheeses"/"cheese", "tomaten"/"tomate"). Deliberately
 * crude: it is used as one more way to match, never as the only one.
 */
export function stemToken(token: string, locale: Locale): string {
  if (token.length < 4 || /^\d/.test(token)) return token;
  if (locale === 'de-DE') return stemGerman(token);
  return stemEnglish(token);
}

function stemEnglish(token: string): string {
  if (token.endsWith('ies') && token.length > 4) return `${token.slice(0, -3)}y`;
  if (/(ches|shes|sses|xes|zes|oes)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s') && !/(ss|us|is)$/.test(token)) return token.slice(0, -1);
  return token;
}

const GERMAN_ENDINGS = ['ern', 'en', 'er', 'em', 'es', 'e', 'n', 's'];

function stemGerman(token: string): string {
  let stem = token;
  // Two rounds: "crackern" → "cracker" → "crack" meets "cracker" → "crack".
  for (let round = 0; round < 2; round += 1) {
    const ending = GERMAN_ENDINGS.find((suffix) => stem.endsWith(suffix) && stem.length - suffix.length >= 4);
    if (!ending) break;
    stem = stem.slice(0, -ending.length);
  }
  return stem;
}
