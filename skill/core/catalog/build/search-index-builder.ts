/**
 * Building one locale's search index from product names and writing it into the index file. The skill only
 * reads the written index (SearchIndex.read), so none of this is on its path.
 */
import type { Locale } from '../../turn';
import type { IndexFileWriter, UintArray } from '../index-file';
import { SearchIndex, STORED_ARRAYS, type IndexDocument } from '../search-index';
import { normalizeTokens } from '../text-normalizer';
import { buildDeletionIndex, buildVocabularyLookups, phoneticKeysOf, writeVocabularyLookups } from './vocabulary-builder';
import { stringListOf, writeStringList } from './stored-lists';

/** Indexes product names (and aisle names) of one locale. */
export function buildSearchIndex(locale: Locale, documents: readonly IndexDocument[], aisleNames: readonly string[]): SearchIndex {
  const tokens: string[] = [];
  const idOf = new Map<string, number>();
  const idFor = (token: string): number => {
    let id = idOf.get(token);
    if (id === undefined) {
      id = tokens.length;
      tokens.push(token);
      idOf.set(token, id);
    }
    return id;
  };
  const [productTokenOffsets, productTokens] = flatten(documents.map((doc) => normalizeTokens(doc.name, locale).map(idFor)));
  const [aisleTokenOffsets, aisleTokens] = flatten(aisleNames.map((name) => normalizeTokens(name, locale).map(idFor)));
  const productAisles = Uint32Array.from(documents, (doc) => (doc.aisle >= 0 && doc.aisle < aisleNames.length ? doc.aisle : aisleNames.length));
  const tokenList = stringListOf(tokens);
  const phonetic = stringListOf(tokens.map((token) => phoneticKeysOf(token, locale)));
  const [postingOffsets, postings] = invert(productTokenOffsets, productTokens, tokens.length);
  const [aisleProductOffsets, aisleProducts] = groupByAisle(productAisles, aisleNames.length);
  return new SearchIndex(locale, {
    tokens: tokenList,
    phonetic,
    deletionIndex: buildDeletionIndex(tokens),
    lookups: buildVocabularyLookups(locale, tokenList, phonetic),
    productCount: documents.length,
    productTokenOffsets,
    productTokens,
    productAisles,
    aisleTokenOffsets,
    aisleTokens,
    postingOffsets,
    postings,
    aisleProductOffsets,
    aisleProducts,
    // Stored rather than computed at load: a cold start runs this loop in the interpreter, 3 ms for 10,000 words.
    idf: inverseDocumentFrequencies(postingOffsets, documents.length),
  });
}

/** Writes the index under `prefix`: every array it searches with, so loading rebuilds nothing. */
export function writeSearchIndex(index: SearchIndex, writer: IndexFileWriter, prefix: string): void {
  const vocabulary = index.vocabulary;
  writeStringList(vocabulary.tokens, writer, `${prefix}.tokens`);
  writeStringList(vocabulary.phonetic, writer, `${prefix}.phonetic`);
  writer.u32(`${prefix}.deletionHashes`, vocabulary.deletionIndex.hashes).uints(`${prefix}.deletionTokens`, vocabulary.deletionIndex.tokenIds);
  writeVocabularyLookups(vocabulary.lookups, writer, `${prefix}.lookups`);
  for (const name of STORED_ARRAYS) writer.uints(`${prefix}.${name}`, index[name]);
  writer.f32(`${prefix}.idf`, index.idf);
}

function flatten(lists: readonly number[][]): [Uint32Array, Uint32Array] {
  const offsets = new Uint32Array(lists.length + 1);
  let total = 0;
  lists.forEach((list, i) => {
    total += list.length;
    offsets[i + 1] = total;
  });
  const values = new Uint32Array(total);
  lists.forEach((list, i) => values.set(list, offsets[i]!));
  return [offsets, values];
}

/** Each word's weight: how well it tells products apart (an inverse document frequency). */
function inverseDocumentFrequencies(postingOffsets: UintArray, productCount: number): Float32Array {
  const idf = new Float32Array(postingOffsets.length - 1);
  for (let id = 0; id < idf.length; id += 1) {
    const documentFrequency = postingOffsets[id + 1]! - postingOffsets[id]!;
    idf[id] = Math.log(1 + (productCount + 1) / (documentFrequency + 0.5));
  }
  return idf;
}

/** Product → tokens into token → products (each product once per token, ascending). */
function invert(offsets: UintArray, tokens: UintArray, vocabularySize: number): [Uint32Array, Uint32Array] {
  const productCount = offsets.length - 1;
  const lastSeen = new Int32Array(vocabularySize).fill(-1);
  const counts = new Uint32Array(vocabularySize + 1);
  for (let p = 0; p < productCount; p += 1) {
    for (let at = offsets[p]!; at < offsets[p + 1]!; at += 1) {
      const token = tokens[at]!;
      if (lastSeen[token] === p) continue;
      lastSeen[token] = p;
      counts[token + 1]! += 1;
    }
  }
  for (let id = 1; id <= vocabularySize; id += 1) counts[id]! += counts[id - 1]!;
  const postings = new Uint32Array(counts[vocabularySize]!);
  const fill = counts.slice(0, vocabularySize);
  lastSeen.fill(-1);
  for (let p = 0; p < productCount; p += 1) {
    for (let at = offsets[p]!; at < offsets[p + 1]!; at += 1) {
      const token = tokens[at]!;
      if (lastSeen[token] === p) continue;
      lastSeen[token] = p;
      postings[fill[token]!] = p;
      fill[token]! += 1;
    }
  }
  return [counts, postings];
}

/** Products grouped by aisle: offsets by aisle and product positions. */
function groupByAisle(productAisles: UintArray, aisleCount: number): [Uint32Array, Uint32Array] {
  const counts = new Uint32Array(aisleCount + 1);
  for (const aisle of productAisles) if (aisle < aisleCount) counts[aisle + 1]! += 1;
  for (let a = 1; a <= aisleCount; a += 1) counts[a]! += counts[a - 1]!;
  const products = new Uint32Array(counts[aisleCount]!);
  const fill = counts.slice(0, aisleCount);
  productAisles.forEach((aisle, product) => {
    if (aisle < aisleCount) {
      products[fill[aisle]!] = product;
      fill[aisle]! += 1;
    }
  });
  return [counts, products];
}
