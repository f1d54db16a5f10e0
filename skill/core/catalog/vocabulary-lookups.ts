/**
 * The vocabulary's ways into the catalog words (by spelling, stem, sound key, number tail, compound head)
 * in their stored form: built and written once with the index (build/vocabulary-builder.ts), read at load as they are.
 */
import type { IndexFileReader } from './index-file';
import { KeyedLists, SortedPositions } from './keyed-lists';
import type { StringList } from './string-list';

export interface VocabularyLookups {
  /** Token text → token id. */
  ids: SortedPositions<string>;
  /** Stem → tokens with that stem. */
  stems: KeyedLists;
  /** Phonetic key → tokens with that key. */
  phoneticKeys: KeyedLists;
  /** A number without its first digit → the catalog numbers it ends ("5" → "1.5"). */
  numberTails: KeyedLists;
  /** A German word → the catalog compounds ending with it ("milch" → "vollmilch"); empty in other locales. */
  compounds: KeyedLists;
}

export function readVocabularyLookups(tokens: StringList, reader: IndexFileReader, prefix: string): VocabularyLookups {
  return {
    ids: SortedPositions.read(tokens.length, (id: number, key: string) => tokens.compareAt(id, key), reader, `${prefix}.ids`),
    stems: KeyedLists.read(reader, `${prefix}.stems`),
    phoneticKeys: KeyedLists.read(reader, `${prefix}.phonetic`),
    numberTails: KeyedLists.read(reader, `${prefix}.tails`),
    compounds: KeyedLists.read(reader, `${prefix}.compounds`),
  };
}
