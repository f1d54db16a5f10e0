/**
 * The words of a catalog and the ways a spoken word can reach them: exactly, by stem (plural), by synonym,
 * by sound (phonetic key) and by spelling distance (mishearings, typos). Each way gives a similarity in
 * (0, 1]; the scorer multiplies it into the word's weight.
 */
import type { Locale } from '../turn';
import { boundedEditDistance } from './edit-distance';
import { phoneticKeys, soundSpelling } from './phonetic';
import { isEverydayWord, synonymsOf } from './synonyms';
import { stemToken, unitAliases } from './text-normalizer';
import type { UintArray } from './index-file';
import type { StringList } from './string-list';
import type { VocabularyLookups } from './vocabulary-lookups';

/** How far from its spelling a word may be looked up. */
export type FuzzyReach = 'none' | 'near' | 'full';

export interface Expansion {
  tokenId: number;
  similarity: number;
}

/** Similarities of the ways to match; an exact match is 1. */
export const SIMILARITY = {
  stem: 0.95,
  synonym: 0.9,
  /** A compound that ends with the word said ("milch" → "vollmilch"). */
  compoundPart: 0.8,
  /** The last part of a compound said, when the catalog lacks the compound ("roestkaffee" → "kaffee"). */
  compoundHead: 0.7,
  /** Discount on sound-alikes of a word the catalog also knows exactly: it was probably heard right. */
  knownWordFuzzyFactor: 0.8,
  /**
   * A number said without its first word ("five percent" heard from "fifty five percent", "komma fuenf"
   * from "eins komma fuenf") meeting the catalog number it ends: weak, so the number said wins when it exists.
   */
  numberTail: 0.7,
} as const;

/** How many recent token expansions a vocabulary remembers. */
const RECENT_LIMIT = 4096;

export class Vocabulary {
  private readonly recent = new Map<string, Expansion[]>();
  /** Each token's sound spelling, read from its "~" phonetic key when first needed (computing it per query is slow). */
  private readonly spokenAs: (string | null | undefined)[] = [];

  /**
   * @param tokens every distinct folded token (id = position)
   * @param phonetic the phonetic keys of each token joined by "|" (prebuilt: computing them is the slow part)
   * @param deletionIndex near-spelling lookup over `tokens` (prebuilt)
   * @param lookups the ways into `tokens` (prebuilt by build/vocabulary-builder.ts, so loading fills no Map)
   */
  constructor(
    readonly locale: Locale,
    readonly tokens: StringList,
    readonly phonetic: StringList,
    readonly deletionIndex: DeletionIndex,
    readonly lookups: VocabularyLookups,
  ) {}

  get size(): number {
    return this.tokens.length;
  }

  id(token: string): number | undefined {
    return this.lookups.ids.find(token);
  }

  /**
   * The catalog words a spoken token can stand for, best first, at most `limit`. `reach` says how far to
   * look: 'none' is exact, stem and synonym only; 'near' adds sound-alikes and single slips (for joined
   * words, where fuzziness compounds); 'full' looks up to two edits away.
   */
  expand(token: string, limit = 12, reach: FuzzyReach = 'full'): Expansion[] {
    // Shoppers repeat words ("organic", "milk"): a warm container answers them from memory.
    const cacheKey = `${token}|${limit}|${reach}`;
    const cached = this.recent.get(cacheKey);
    if (cached) return cached.map((expansion) => ({ ...expansion }));
    const computed = this.computeExpansions(token, limit, reach);
    if (this.recent.size >= RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(cacheKey, computed);
    return computed.map((expansion) => ({ ...expansion }));
  }

  private computeExpansions(token: string, limit: number, reach: FuzzyReach): Expansion[] {
    const found = new Map<number, number>();
    const offer = (tokenId: number, similarity: number) => {
      if ((found.get(tokenId) ?? 0) < similarity) found.set(tokenId, similarity);
    };
    const { ids, stems, numberTails: byTail, compounds } = this.lookups;
    const exact = ids.find(token);
    if (exact !== undefined) offer(exact, 1);
    // A word the everyday list defines and the catalog never says is read as defined, not as a catalog word of
    // the same stem or a similar spelling ("gehacktes" is mince, not "gehackte Tomaten").
    const defined = exact === undefined && isEverydayWord(token, this.locale);
    if (!defined) for (const id of stems.get(stemToken(token, this.locale))) offer(id, SIMILARITY.stem);
    const stem = stemToken(token, this.locale);
    const synonyms = new Set([...synonymsOf(token, this.locale), ...synonymsOf(stem, this.locale), ...unitAliases(token, this.locale)]);
    for (const synonym of synonyms) {
      const id = ids.find(synonym);
      if (id !== undefined) offer(id, SIMILARITY.synonym);
      for (const stemmed of stems.get(stemToken(synonym, this.locale))) {
        offer(stemmed, SIMILARITY.synonym * SIMILARITY.stem);
      }
    }
    for (const id of byTail.get(token)) offer(id, SIMILARITY.numberTail);
    if (this.locale === 'de-DE') {
      // "milch" finds "vollmilch"; a compound the catalog lacks ("roestkaffee") falls back to its head.
      const known = exact ?? ids.find(stem);
      for (const id of compounds.get(known !== undefined ? this.tokens.at(known)! : token).subarray(0, 24)) offer(id, SIMILARITY.compoundPart);
      // "Spüli" → Spülmittel → "Geschirrspülmittel".
      for (const synonym of synonyms) {
        for (const id of compounds.get(synonym).subarray(0, 24)) offer(id, SIMILARITY.synonym * SIMILARITY.compoundPart);
      }
      if (exact === undefined) {
        const head = compoundHead(token, (text) => ids.find(text));
        if (head !== undefined) offer(head, SIMILARITY.compoundHead);
        for (const id of this.compoundsWithSynonymHead(token)) offer(id, SIMILARITY.synonym);
      }
    }
    if (reach !== 'none' && !defined && !/\d/.test(token) && token.length >= 3) {
      const factor = exact === undefined ? 1 : SIMILARITY.knownWordFuzzyFactor;
      // A word the catalog knows was most likely heard right: only its homophones are worth a look.
      const maxEdits = exact !== undefined ? 0 : reach === 'near' ? 1 : 2;
      for (const [id, similarity] of this.fuzzyNeighbours(token, maxEdits)) {
        if (similarity * factor >= 0.55) offer(id, similarity * factor);
      }
    }
    const ranked = [...found].map(([tokenId, similarity]) => ({ tokenId, similarity }));
    ranked.sort((a, b) => b.similarity - a.similarity || a.tokenId - b.tokenId);
    return ranked.slice(0, limit);
  }

  /**
   * A German compound said with a short or everyday head, read with the catalog's head: "rinderhack" →
   * "rinderhackfleisch", "schweinehack" → "schweinehackfleisch" (the head's synonyms come from the synonym lists).
   */
  private compoundsWithSynonymHead(token: string): number[] {
    const found: number[] = [];
    if (token.length < 7 || /\d/.test(token)) return found;
    for (let cut = 3; cut <= token.length - 3; cut += 1) {
      const modifier = token.slice(0, cut);
      for (const head of synonymsOf(token.slice(cut), this.locale)) {
        const id = this.lookups.ids.find(modifier + head);
        if (id !== undefined) found.push(id);
      }
    }
    return found;
  }

  /** Sound-alikes, and spellings up to `maxEdits` away, of a token with their similarity. */
  private fuzzyNeighbours(token: string, maxEdits: number): Map<number, number> {
    const neighbours = new Map<number, number>();
    const keys = phoneticKeys(token, this.locale);
    const spokenAs = soundSpelling(token, this.locale);
    const judge = (id: number, soundsAlike: boolean, limit: number) => {
      const other = this.tokens.at(id)!;
      const length = Math.max(token.length, other.length);
      // A reading that drops a third of the word ("caned" → "and") is another word, not a slip.
      const comparable = 3 * Math.min(token.length, other.length) >= 2 * length;
      const written = comparable ? spellingSimilarity(boundedEditDistance(token, other, limit), length, soundsAlike) : 0;
      // Heard alike with the vowels kept: the surer sign of a slip of the ear.
      const otherSpokenAs = this.spokenAsOf(id) ?? soundSpelling(other, this.locale);
      const heard = hearingSimilarity(boundedEditDistance(spokenAs, otherSpokenAs, 1), length);
      const similarity = Math.max(written, heard);
      if (similarity > 0) neighbours.set(id, similarity);
    };
    const soundsAlike = new Set<number>();
    for (const key of keys) for (const id of this.lookups.phoneticKeys.get(key)) soundsAlike.add(id);
    for (const id of soundsAlike) judge(id, true, 4);
    // Spellings that do not share a sound key get a short leash: two edits only in longer words.
    const maxDistance = Math.min(maxEdits, token.length >= 5 ? 2 : token.length >= 4 ? 1 : 0);
    if (maxDistance === 0) return neighbours;
    for (const id of this.spellingCandidates(token, maxDistance)) {
      if (!neighbours.has(id)) judge(id, false, maxDistance);
    }
    return neighbours;
  }

  /** The token's prebuilt sound spelling (its "~" key; the last one when several), if it has one. */
  private spokenAsOf(id: number): string | undefined {
    let spoken = this.spokenAs[id];
    if (spoken === undefined) {
      // Keys are joined by "|"; the sound spelling is the one starting with "~" (only it contains a "~").
      const keys = this.phonetic.at(id) ?? '';
      const at = keys.lastIndexOf('~');
      const end = keys.indexOf('|', at);
      spoken = at < 0 ? null : keys.slice(at + 1, end < 0 ? keys.length : end);
      this.spokenAs[id] = spoken;
    }
    return spoken ?? undefined;
  }

  /**
   * Tokens that may be within `maxDistance` edits: the ones sharing a one-letter deletion with the token
   * (or with a two-letter deletion of it, for two edits). Complete for one edit; for two it finds the
   * common cases and the phonetic keys catch most of the rest.
   */
  private spellingCandidates(token: string, maxDistance: number): number[] {
    const hashes = new Set<number>([hashText(token)]);
    for (let i = 0; i < token.length; i += 1) {
      const variant = token.slice(0, i) + token.slice(i + 1);
      hashes.add(hashText(variant));
      if (maxDistance >= 2) {
        // Deleting j then i equals deleting i then j: one order is enough.
        for (let j = i; j < variant.length; j += 1) hashes.add(hashText(variant.slice(0, j) + variant.slice(j + 1)));
      }
    }
    const candidates = new Set<number>();
    for (const hash of hashes) this.deletionIndex.collect(hash, candidates);
    return [...candidates];
  }
}

/** The longest known word a German compound ends with ("roestkaffee" → "kaffee"), if any. */
export function compoundHead(token: string, idOf: (text: string) => number | undefined): number | undefined {
  if (token.length < 7 || /\d/.test(token)) return undefined;
  for (let cut = 3; cut <= token.length - 4; cut += 1) {
    const head = idOf(token.slice(cut));
    if (head !== undefined) return head;
  }
  return undefined;
}

/**
 * What a number reads as when its first spoken word is lost: the number without its first digit, and
 * without the decimal point that then leads ("55" → "5"; "2010" → "010"; "1.5" → ".5", "5").
 */
export function numberTails(token: string): string[] {
  if (!/^\d+(\.\d+)?$/.test(token) || token.length < 2) return [];
  const tail = token.slice(1);
  return tail.startsWith('.') ? [tail, tail.slice(1)] : [tail];
}

/**
 * How alike two spellings are given their edit distance and the longer length; 0 means too different.
 * Sounding alike earns a longer leash: a recogniser's errors are mostly sound-alikes.
 */
export function spellingSimilarity(distance: number, length: number, soundsAlike: boolean): number {
  if (distance === 0) return 1;
  if (distance === 1) {
    if (length >= 5) return soundsAlike ? 0.9 : 0.86;
    if (length === 4) return soundsAlike ? 0.85 : 0.75;
    return soundsAlike ? 0.75 : 0;
  }
  if (distance === 2) {
    if (length >= 7) return soundsAlike ? 0.84 : 0.72;
    if (length >= 5) return soundsAlike ? 0.78 : 0.6;
    return soundsAlike ? 0.65 : 0;
  }
  if (distance === 3) return soundsAlike && length >= 7 ? 0.7 : length >= 10 ? 0.6 : 0;
  return soundsAlike && length >= 10 ? 0.6 : 0;
}

/**
 * How alike two words sound given the edit distance of their sound spellings: equal sound spellings are
 * nearly as good as a stem match, one sound apart is a fair guess in a longer word.
 */
export function hearingSimilarity(soundDistance: number, length: number): number {
  if (soundDistance === 0) return length >= 4 ? 0.92 : 0.8;
  if (soundDistance === 1) return length >= 6 ? 0.84 : length >= 5 ? 0.78 : 0;
  return 0;
}

/** The distinct strings made by deleting one letter. */
export function deletions(token: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i < token.length; i += 1) out.add(token.slice(0, i) + token.slice(i + 1));
  return out;
}

/** FNV-1a: a 32-bit hash of a string; collisions only add candidates that the distance check drops. */
export function hashText(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Hashes of every token and of its one-letter deletions, sorted, with the token each came from: the
 * SymSpell idea with typed arrays, prebuilt (build/vocabulary-builder.ts) so loading costs nothing.
 */
export class DeletionIndex {
  constructor(
    readonly hashes: Uint32Array,
    readonly tokenIds: UintArray,
  ) {}

  /** Adds the token ids filed under `hash` to `into`. */
  collect(hash: number, into: Set<number>): void {
    let low = 0;
    let high = this.hashes.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.hashes[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    for (let at = low; at < this.hashes.length && this.hashes[at] === hash; at += 1) into.add(this.tokenIds[at]!);
  }
}
