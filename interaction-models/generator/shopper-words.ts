/**
 * The words shoppers use for products beyond the catalog's own names: the shorter tail of a product name
 * ("avocados" of "Hass Avocados", "almond milk" of "Unsweetened Almond Milk") and the hand-written grocery
 * vocabulary of the locale.
 */
import { GROCERY_VOCABULARY } from '../source/grocery-vocabulary';
import type { GroceryTerm, ModelLocale, PerLocale } from '../source/types';
import { ModelError } from './errors';
import { otherNumberForms } from './inflection';
import { toSpoken } from './spoken';

/** A tail starting with one of these is a fragment ("and rice", "de parfum"), not a name. */
const FUNCTION_WORDS: PerLocale<ReadonlySet<string>> = {
  'en-US': new Set(['and', 'or', 'of', 'with', 'no', 'number', 'the', 'a', 'an', 'for', 'in', 'de', 'du', 'la', 'le', 'au']),
  'de-DE': new Set(['und', 'oder', 'mit', 'ohne', 'im', 'in', 'für', 'am', 'aus', 'vom', 'von', 'zum', 'zur', 'der', 'die',
    'das', 'dem', 'den', 'de', 'la', 'le', 'nummer']),
};

/**
 * Last words that describe rather than name ("toilet paper ultra soft", "katzenstreu klumpend"); a tail
 * ending in one names nothing a shopper would ask for. German needs few: its nouns are capitalised.
 */
const DESCRIBING_WORDS: PerLocale<ReadonlySet<string>> = {
  'en-US': new Set(['soft', 'free', 'clear', 'unscented', 'indoor', 'clumping', 'classic', 'colombian', 'edition', 'style',
    'size', 'fresh', 'sensitive', 'plain', 'rigate']),
  'de-DE': new Set(['größe', 'type', 'liter', 'stück', 'indoor', 'extra', 'natur', 'klassik', 'sensitiv', 'barista',
    'fresh', 'whitening', 'light', 'rigate', 'maxi']),
};

/**
 * Word pairs that name one thing together ("whole wheat", "free range", "earl grey"): a tail that starts
 * inside one ("wheat bread", "range eggs", "grey tea") is a fragment nobody says.
 */
const BOUND_PAIRS: PerLocale<ReadonlySet<string>> = {
  'en-US': new Set(['whole wheat', 'whole bean', 'whole grain', 'sea salt', 'lemon lime', 'chocolate chip', 'honey nut',
    'free range', 'plant based', 'all purpose', 'long grain', 'low fat', 'reduced fat', 'lactose free', 'aluminum free',
    'icelandic style', 'earl grey', 'english breakfast', 'extra virgin', 'thick cut', 'boneless skinless', 'chunk light',
    'non alcoholic', 'cabernet sauvignon', 'pinot grigio', 'color protect', 'soft bristle', 'sensitive teeth', 'fresh scent',
    'and clear', 'nine volt', 'ice cream', 'frosted wheat', 'sharp cheddar', 'anti dandruff', 'de parfum', 'de toilette',
    'de cologne', 'corn flakes', 'tortilla chips', 'potato chips', 'fish sticks', 'french fries', 'trash bags', 'paper towels',
    'body wash', 'dish soap', 'hand soap', 'pork chops', 'egg noodles', 'black beans', 'broccoli crowns', 'wheat squares',
    'vanilla extract', 'baking powder', 'cocoa spread', 'salmon fillet', 'cod fillets', 'turkey breast', 'chicken breast',
    'dog treats', 'dishwasher tablets', 'facial tissues', 'fabric softener', 'mixed nuts', 'toilet paper']),
  'de-DE': new Set(['earl grey', 'de toilette', 'de parfum', 'de cologne', 'pale ale', 'nuss nougat', 'anti schuppen',
    'in scheiben', 'am stück']),
};

/** A written token a tail may hold: letters, apostrophes and abbreviation periods, no digits or symbols. */
const WORD_TOKEN = /^[\p{L}'’.]+$/u;

/**
 * The tails of a product name that name a thing, shortest last: "seedless red grapes" → ["red grapes",
 * "grapes"]. A name that goes on past its category noun ("ground coffee medium roast") is cut after that
 * noun first, since what follows it describes the product ("medium roast") rather than names it.
 */
export function nameTails(written: string, aisleName: string | undefined, locale: ModelLocale): string[] {
  const tokens = written.split(/[\s-]+/).filter((token) => token.length > 0);
  const base = tokens.slice(0, endAtCategoryNoun(tokens, aisleName, locale));
  const last = base.at(-1);
  if (last === undefined || !namesAThing(last, locale)) return [];
  const tails: string[] = [];
  for (let start = 1; start < base.length; start += 1) {
    const part = base.slice(start);
    if (!part.every((token) => WORD_TOKEN.test(token))) continue;
    const spoken = toSpoken(part.join(' '), locale);
    if (!spoken || FUNCTION_WORDS[locale].has(spoken.split(' ')[0]!)) continue;
    if (BOUND_PAIRS[locale].has(toSpoken(`${base[start - 1]} ${base[start]}`, locale))) continue;
    tails.push(spoken);
  }
  return tails;
}

/**
 * Whether the name ends in what it names ("hass avocados", "cat litter") rather than in a description
 * ("ground coffee medium roast", "baby wipes unscented"): only then does its last word take the other number.
 */
export function nameEndsInAThing(written: string, aisleName: string | undefined, locale: ModelLocale): boolean {
  const tokens = written.split(/[\s-]+/).filter((token) => token.length > 0);
  const last = tokens.at(-1);
  return last !== undefined && endAtCategoryNoun(tokens, aisleName, locale) === tokens.length && namesAThing(last, locale);
}

function endAtCategoryNoun(tokens: readonly string[], aisleName: string | undefined, locale: ModelLocale): number {
  const head = aisleName ? toSpoken(aisleName, locale).split(' ').at(-1) : undefined;
  if (!head) return tokens.length;
  const heads = new Set([head, ...(locale === 'en-US' ? otherNumberForms(head) : [])]);
  for (let index = tokens.length - 1; index >= 0; index -= 1) {
    const word = toSpoken(tokens[index]!, locale);
    if (heads.has(word) || (locale === 'de-DE' && word.endsWith(head))) return index + 1;
  }
  return tokens.length;
}

function namesAThing(writtenToken: string, locale: ModelLocale): boolean {
  if (!WORD_TOKEN.test(writtenToken)) return false;
  if (DESCRIBING_WORDS[locale].has(toSpoken(writtenToken, locale))) return false;
  // German capitalises nouns; an adjective or participle at the end ("gemahlen", "ungesüßt") names nothing.
  return locale !== 'de-DE' || /^\p{Lu}/u.test(writtenToken);
}

/**
 * The same phrase in the other grammatical number, where the locale's rules give one (English only; the
 * German vocabulary lists its plurals by hand).
 */
export function numberForms(phrase: string, locale: ModelLocale): string[] {
  return locale === 'en-US' ? otherNumberForms(phrase) : [];
}

/** The locale's grocery vocabulary as terms: "mandarin/clementine" → { value: mandarin, synonyms: [clementine] }. */
export function vocabularyTerms(locale: ModelLocale): GroceryTerm[] {
  return Object.entries(GROCERY_VOCABULARY[locale]).flatMap(([shelf, text]) =>
    text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0)
      .map((entry) => {
        const [value, ...synonyms] = entry.split('/').map((word) => word.trim());
        if (!value || synonyms.some((word) => word.length === 0)) {
          throw new ModelError(`${locale} vocabulary, shelf ${shelf}: empty word in entry "${entry}"`);
        }
        return { value, synonyms };
      }),
  );
}
