/**
 * How search reads the words shoppers use for what the shelf label calls something else. The words themselves live
 * with the locale's vocabulary, one file per locale (i18n/<locale>/product-words.ts); this module is their reading.
 *
 * Three kinds, because they behave differently:
 * - spellings: the same word written or said another way ("yoghurt", "yogurt"); each finds the others.
 * - everyday: a word a shopper says → the words a label uses for it, one way only: a broad word finds its kinds
 *   ("sausage" → frankfurter), a brand used for the thing finds the thing ("coke" → cola, "tempo" →
 *   taschentuecher), a short form finds the long one ("hack" → hackfleisch). The label's word does not find the
 *   shopper's: "Frankfurters" should not answer every request for sausage-flavoured crisps.
 * - phrases: several spoken words for one thing ("hamburger meat", "double a"). A phrase maps to one
 *   catalog word, which then counts for each word of the phrase, or to as many words as it has, word for word
 *   ("minced beef" → ground beef), so a product naming only one of them ("Ground Coffee") covers only its part.
 *
 * Kept short on purpose: a synonym that is only sometimes right does more harm in voice than a missing one. An
 * exact word of the catalog still beats a synonym (it is matched at 1, a synonym a little below), so a shop that
 * sells "Coke" by that name answers with it first.
 */
import { productWordsFor } from '../i18n/product-words';
import type { Locale } from '../turn';

/** Synonym spellings and everyday targets of a folded token (without the token itself). */
export function synonymsOf(token: string, locale: Locale): readonly string[] {
  return synonymTable(locale).get(token) ?? [];
}

/**
 * Whether the everyday list says what this word means ("gehacktes" is mince): search then does not also read it
 * as a catalog word that merely shares its stem ("gehackte Tomaten").
 */
export function isEverydayWord(token: string, locale: Locale): boolean {
  return Object.hasOwn(productWordsFor(locale).everyday, token);
}

/** Every word the lists map from or to, for indexing German compounds that end with one ("rinderhackfleisch"). */
export function synonymWords(locale: Locale): ReadonlySet<string> {
  let words = allWords.get(locale);
  if (!words) {
    words = new Set(synonymTable(locale).keys());
    for (const targets of synonymTable(locale).values()) for (const target of targets) words.add(target);
    allWords.set(locale, words);
  }
  return words;
}

export interface PhraseMatch {
  /** First query token of the phrase. */
  start: number;
  /** The catalog words each token of the phrase may be read as (start, start + 1, …). */
  readings: string[][];
}

/**
 * The phrases among a query's tokens. `same(a, b)` says whether two folded words are one word for search (the
 * index's stem), so "hot dogs" meets "hot dog".
 */
export function phrasesIn(tokens: readonly string[], locale: Locale, same: (spoken: string, listed: string) => boolean): PhraseMatch[] {
  const found: PhraseMatch[] = [];
  for (const [phrase, target] of phraseList(locale)) {
    for (let start = 0; start + phrase.length <= tokens.length; start += 1) {
      if (!phrase.every((word, k) => same(tokens[start + k]!, word))) continue;
      // One target word reads for every word of the phrase; as many target words as phrase words, word for word.
      const readings = phrase.map((_, k) => (target.length === phrase.length ? [target[k]!] : target));
      found.push({ start, readings });
    }
  }
  return found;
}

const tables = new Map<Locale, Map<string, string[]>>();
const allWords = new Map<Locale, Set<string>>();
const phraseLists = new Map<Locale, Array<[string[], string[]]>>();

function synonymTable(locale: Locale): Map<string, string[]> {
  let table = tables.get(locale);
  if (!table) {
    table = new Map();
    const words = productWordsFor(locale);
    for (const group of words.spellings) {
      for (const word of group) table.set(word, group.filter((other) => other !== word));
    }
    for (const [word, targets] of Object.entries(words.everyday)) table.set(word, [...(table.get(word) ?? []), ...targets]);
    tables.set(locale, table);
  }
  return table;
}

function phraseList(locale: Locale): Array<[string[], string[]]> {
  let list = phraseLists.get(locale);
  if (!list) {
    list = productWordsFor(locale).phrases.map(([phrase, target]) => [phrase.split(' '), target.split(' ')]);
    for (const [phrase, target] of list) {
      if (target.length !== 1 && target.length !== phrase.length) throw new Error(`synonym phrase "${phrase.join(' ')}" needs one target word or one per word`);
    }
    phraseLists.set(locale, list);
  }
  return list;
}
