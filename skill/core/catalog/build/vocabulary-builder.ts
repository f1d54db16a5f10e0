/**
 * Building and writing a vocabulary's prebuilt parts (sound keys, near-spelling index, lookups), done once
 * with the index (lambda/cli/build-index.ts); the skill reads them as stored (vocabulary.ts,
 * vocabulary-lookups.ts).
 */
import type { Locale } from '../../turn';
import type { IndexFileWriter } from '../index-file';
import { phoneticKeys } from '../phonetic';
import type { StringList } from '../string-list';
import { synonymWords } from '../synonyms';
import { stemToken } from '../text-normalizer';
import { compoundHead, DeletionIndex, deletions, hashText, numberTails } from '../vocabulary';
import type { VocabularyLookups } from '../vocabulary-lookups';
import { keyedListsOf, sortedPositionsOf, stringsOf, writeKeyedLists, writeSortedPositions } from './stored-lists';

/** A token's phonetic keys as the vocabulary stores them: joined by "|". */
export function phoneticKeysOf(token: string, locale: Locale): string {
  return phoneticKeys(token, locale).join('|');
}

/** The lookups over a vocabulary's tokens; each list holds token ids in ascending order. */
export function buildVocabularyLookups(locale: Locale, tokenList: StringList, phoneticList: StringList): VocabularyLookups {
  const tokens = stringsOf(tokenList);
  const byStem = new Map<string, number[]>();
  const byPhoneticKey = new Map<string, number[]>();
  const numbersByTail = new Map<string, number[]>();
  tokens.forEach((token, id) => {
    pushTo(byStem, stemToken(token, locale), id);
    const keys = phoneticList.at(id);
    if (keys) for (const key of keys.split('|')) pushTo(byPhoneticKey, key, id);
    for (const tail of numberTails(token)) pushTo(numbersByTail, tail, id);
  });
  const ids = sortedPositionsOf(
    tokens.length,
    (a, b) => (tokens[a]! < tokens[b]! ? -1 : tokens[a]! > tokens[b]! ? 1 : 0),
    (id: number, key: string) => tokenList.compareAt(id, key),
  );
  const compoundsByHead = new Map<string, number[]>();
  if (locale === 'de-DE') {
    // The words of the synonym lists are heads too where the catalog never says them alone: "Hackfleisch" then
    // finds "Rinderhackfleisch" in a shop whose labels all name the animal. (A word the catalog knows keeps
    // the compounds whose longest known head it is, as before.)
    const unsaid = [...synonymWords(locale)].filter((word) => word.length >= 4 && ids.find(word) === undefined);
    tokens.forEach((token, id) => {
      const head = compoundHead(token, (text) => ids.find(text));
      if (head !== undefined) pushTo(compoundsByHead, tokens[head]!, id);
      for (const word of unsaid) if (token.length >= word.length + 3 && token.endsWith(word)) pushTo(compoundsByHead, word, id);
    });
  }
  return {
    ids,
    stems: keyedListsOf(byStem),
    phoneticKeys: keyedListsOf(byPhoneticKey),
    numberTails: keyedListsOf(numbersByTail),
    compounds: keyedListsOf(compoundsByHead),
  };
}

/** The sections readVocabularyLookups reads under `prefix`. */
export function writeVocabularyLookups(lookups: VocabularyLookups, writer: IndexFileWriter, prefix: string): void {
  writeSortedPositions(lookups.ids, writer, `${prefix}.ids`);
  writeKeyedLists(lookups.stems, writer, `${prefix}.stems`);
  writeKeyedLists(lookups.phoneticKeys, writer, `${prefix}.phonetic`);
  writeKeyedLists(lookups.numberTails, writer, `${prefix}.tails`);
  writeKeyedLists(lookups.compounds, writer, `${prefix}.compounds`);
}

/** Hashes of every token of three letters or more (no digits) and of its one-letter deletions, sorted. */
export function buildDeletionIndex(tokens: readonly string[]): DeletionIndex {
  const pairs: number[] = [];
  tokens.forEach((token, id) => {
    if (token.length < 3 || /\d/.test(token)) return;
    pairs.push(hashText(token), id);
    for (const variant of deletions(token)) pairs.push(hashText(variant), id);
  });
  const order = Array.from({ length: pairs.length / 2 }, (_, i) => i);
  order.sort((a, b) => pairs[2 * a]! - pairs[2 * b]! || pairs[2 * a + 1]! - pairs[2 * b + 1]!);
  const hashes = new Uint32Array(order.length);
  const tokenIds = new Uint32Array(order.length);
  order.forEach((pair, i) => {
    hashes[i] = pairs[2 * pair]!;
    tokenIds[i] = pairs[2 * pair + 1]!;
  });
  return new DeletionIndex(hashes, tokenIds);
}

function pushTo(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
