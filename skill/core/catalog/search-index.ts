/**
 * Voice product search over one locale's names: an inverted index from catalog words to products, plus
 * the aisle names for generic requests.
 *
 * A query is split into word slots. Each slot reaches catalog words through the vocabulary (exact, stem,
 * synonym, sound-alike, near spelling, or joined with its neighbour: "buch weizen" → "buchweizen"; a word
 * the catalog only knows in two pieces is split: "cornflakes" → "corn" + "flakes"). A slot weighs what its
 * word tells apart (IDF); filler ("some", "please") weighs almost nothing. Candidates come from the postings
 * of the heavy words only (a product without any of them cannot clear the bar), and each candidate's few
 * words are then walked to score it: how much of the query's weight it covers (one name word per spoken
 * word), times how much of its own name the query covers (a dropped leading brand costs little, missing
 * trailing words a lot), with a small bonus for words in the same order. A generic request that an aisle
 * name covers ("coffee", "hair care") ranks the aisle's products. Below a coverage threshold nothing is
 * returned: saying "I couldn't find it" beats reading out junk.
 */
import type { Locale } from '../turn';
import { normalizeTokens, stemToken } from './text-normalizer';
import { phrasesIn } from './synonyms';
import { DeletionIndex, SIMILARITY, Vocabulary, type Expansion } from './vocabulary';
import type { IndexFileReader, UintArray } from './index-file';
import { StringList } from './string-list';
import { readVocabularyLookups, type VocabularyLookups } from './vocabulary-lookups';
import { TopK } from './top-k';
import { isFillerWord } from './filler-words';

/** A product as the index sees it: its name in this locale and the position of its aisle (or -1). */
export interface IndexDocument {
  name: string;
  aisle: number;
}

export interface RankingSignals {
  /** Product position → weight of what this shopper buys. */
  personal?: ReadonlyMap<number, number>;
  /** Product position → popularity (any monotone figure); ties between equally good matches. */
  popularity?: Float32Array;
  /**
   * Product position → how many of the request's words its written name spells exactly as said. Orders
   * products the index cannot tell apart because their names fold to the same words ("ungesüßt" and
   * "ungesüsst", "Neufchâtel" and "Neufchatel").
   */
  spellingAgreement?: (position: number) => number;
}

export interface IndexHit {
  position: number;
  /** Match confidence in [0, 1]. */
  score: number;
}

/** The scorer's constants, in one place so their meaning is written down once. */
export const SCORING = {
  /** Below this share of the query's weight covered, the best product is not a confident answer. */
  abstainBelow: 0.6,
  /** Candidates below this share of the best coverage are not scored further. */
  candidateShare: 0.8,
  /** How much a product's unmentioned words pull its score down (0: not at all). */
  productCoverageWeight: 0.25,
  /** Leading product words the shopper left out (usually the brand) count this much as missing… */
  leadingWordDiscount: 0.35,
  /**
   * …up to the weight of this many fairly rare words: naming the tail of a long name ("wet cat food") is
   * how people shorten it, and a long dropped prefix says little more than a short one.
   */
  leadingWordsCounted: 2,
  /** …words between the ones said this much… */
  innerWordWeight: 0.8,
  /** …and words after the last one said fully. */
  trailingWordWeight: 1,
  /** Bonus when neighbouring query words are neighbours in the name, in the same order. */
  orderBonus: 0.1,
  popularityBonus: 0.01,
  /** For a generic request ("coffee") popularity decides among the products naming it. */
  genericPopularityWeight: 0.4,
  /** An aisle name must cover this share of the query for the request to count as generic. */
  aisleCoverage: 0.9,
  /** Personal products whose match is at least this close to the best rank first. */
  personalMargin: 0.1,
  /**
   * A best match scoring below this may be offered, never acted on unasked. On the dev queries no first result
   * scores below it (the lowest right one 0.62); what does is a sound-alike from another word ("spüli" heard as
   * "pulp", 0.51; "minced beef" as "minced garlic", 0.54), while a German compound or aisle answer to a plain
   * word ("Kaffee" → Röstkaffee, 0.65; "Wurst" → Rinderwürstchen, 0.64) sits just above it.
   */
  confident: 0.6,
} as const;

/** See SCORING.confident: the score from which a match may be added to a cart without a question. */
export const CONFIDENT_MATCH = SCORING.confident;

/** What an index is made of: every array it searches with, stored, so loading derives nothing (built by build/search-index-builder.ts). */
export interface IndexParts {
  tokens: StringList;
  phonetic: StringList;
  deletionIndex: DeletionIndex;
  lookups: VocabularyLookups;
  productCount: number;
  productTokenOffsets: UintArray;
  productTokens: UintArray;
  /** Each product's aisle position; the aisle count (one past the last aisle) for none. */
  productAisles: UintArray;
  aisleTokenOffsets: UintArray;
  aisleTokens: UintArray;
  /** Token → products (each product once per token, ascending). */
  postingOffsets: UintArray;
  postings: UintArray;
  /** Aisle → its products. */
  aisleProductOffsets: UintArray;
  aisleProducts: UintArray;
  /** Each word's weight: how well it tells products apart (an inverse document frequency). */
  idf: Float32Array;
}

/** The flat arrays an index stores under its prefix, in one list so writing and reading cannot disagree. */
export const STORED_ARRAYS = [
  'productTokenOffsets',
  'productTokens',
  'productAisles',
  'aisleTokenOffsets',
  'aisleTokens',
  'postingOffsets',
  'postings',
  'aisleProductOffsets',
  'aisleProducts',
] as const;

interface Slot {
  weight: number;
  expansions: Expansion[];
  /** The earlier slot holding the same spoken word ("peach tea peach"), or -1: a repeat needs a second occurrence. */
  repeats: number;
}

/** Per query: the catalog words it reaches and how similar each is to each slot. */
interface MatchTable {
  /** Matched token ids; token i's similarities are similarity[i * slotCount …]. */
  tokens: number[];
  similarity: Float32Array;
  slotCount: number;
  weights: Float32Array;
  repeats: Int32Array;
  /** Scratch: best and second-best similarity per slot while one product or aisle is walked. */
  best: Float32Array;
  second: Float32Array;
}

/** The weight a filler word ("some", "please") keeps: a name that has it matches a little better, no more. */
const FILLER_SHARE = 0.1;

/** How close an aisle-name word must be to a query word for the request to count as generic. */
const AISLE_SIMILARITY = 0.85;

/** A match this good names the product whole: every word said, nothing left over. */
const WHOLE_NAME_SCORE = 0.999;
/** Where such a product stands in a category answer (0-based): right after the category's best. */
const WHOLE_NAME_PLACE = 1;

export class SearchIndex {
  // Not private: build/search-index-builder.ts writes them.
  readonly vocabulary: Vocabulary;
  private readonly productCount: number;
  readonly productTokenOffsets: UintArray;
  readonly productTokens: UintArray;
  readonly productAisles: UintArray;
  readonly aisleTokenOffsets: UintArray;
  readonly aisleTokens: UintArray;
  readonly postingOffsets: UintArray;
  readonly postings: UintArray;
  readonly aisleProductOffsets: UintArray;
  readonly aisleProducts: UintArray;
  readonly idf: Float32Array;
  private readonly unknownWordIdf: number;
  private readonly leadingWeightCap: number;
  /** Aisles by the tokens of their names: a generic request looks at the few aisles its words reach. */
  private readonly aislesByToken = new Map<number, number[]>();
  // Scratch space reused by every query (search is synchronous, so one query at a time).
  private readonly coverage: Float32Array;
  private readonly candidateStamp: Uint32Array;
  private readonly candidateList: Uint32Array;
  private candidateCount = 0;
  private readonly scoredStamp: Uint32Array;
  private readonly genericStamp: Uint32Array;
  private readonly scoredList: Uint32Array;
  private readonly matchScores: Float32Array;
  private readonly tokenSimilarity: Float32Array;
  private readonly tokenSlot: Int32Array;
  /** Row of a matched token in the query's token × slot similarity table, -1 when unmatched. */
  private readonly tokenRow: Int32Array;
  private stamp = 0;
  private popularityMaximum?: { of: Float32Array; value: number };

  constructor(
    readonly locale: Locale,
    data: IndexParts,
  ) {
    this.vocabulary = new Vocabulary(locale, data.tokens, data.phonetic, data.deletionIndex, data.lookups);
    this.productCount = data.productCount;
    this.productTokenOffsets = data.productTokenOffsets;
    this.productTokens = data.productTokens;
    this.productAisles = data.productAisles;
    this.aisleTokenOffsets = data.aisleTokenOffsets;
    this.aisleTokens = data.aisleTokens;
    const aisleCount = data.aisleTokenOffsets.length - 1;
    this.postingOffsets = data.postingOffsets;
    this.postings = data.postings;
    this.aisleProductOffsets = data.aisleProductOffsets;
    this.aisleProducts = data.aisleProducts;
    const vocabularySize = data.tokens.length;
    this.idf = data.idf;
    // The weight of a word found nowhere: that of a word in about 1 product out of 200.
    this.unknownWordIdf = Math.log(1 + (this.productCount + 1) / (this.productCount / 200 + 0.5));
    this.leadingWeightCap = SCORING.leadingWordsCounted * this.unknownWordIdf;
    for (let aisle = 0; aisle < aisleCount; aisle += 1) {
      for (let at = this.aisleTokenOffsets[aisle]!; at < this.aisleTokenOffsets[aisle + 1]!; at += 1) {
        const tokenId = this.aisleTokens[at]!;
        const list = this.aislesByToken.get(tokenId);
        if (!list) this.aislesByToken.set(tokenId, [aisle]);
        else if (list[list.length - 1] !== aisle) list.push(aisle);
      }
    }
    this.coverage = new Float32Array(this.productCount);
    this.candidateStamp = new Uint32Array(this.productCount);
    this.candidateList = new Uint32Array(this.productCount);
    this.scoredStamp = new Uint32Array(this.productCount);
    this.genericStamp = new Uint32Array(this.productCount);
    this.scoredList = new Uint32Array(this.productCount);
    this.matchScores = new Float32Array(this.productCount);
    this.tokenSimilarity = new Float32Array(vocabularySize);
    this.tokenSlot = new Int32Array(vocabularySize).fill(-1);
    this.tokenRow = new Int32Array(vocabularySize).fill(-1);
  }

  /** Reads what writeSearchIndex (build/search-index-builder.ts) stored under `prefix`; throws when the parts do not fit together. */
  static read(reader: IndexFileReader, prefix: string, locale: Locale, productCount: number): SearchIndex {
    const tokens = StringList.read(reader, `${prefix}.tokens`);
    const phonetic = StringList.read(reader, `${prefix}.phonetic`);
    const arrays = Object.fromEntries(STORED_ARRAYS.map((name) => [name, reader.uints(`${prefix}.${name}`)])) as Record<(typeof STORED_ARRAYS)[number], UintArray>;
    if (phonetic.length !== tokens.length) throw new Error(`${prefix}: ${phonetic.length} phonetic entries for ${tokens.length} words`);
    if (arrays.productTokenOffsets.length !== productCount + 1 || arrays.productAisles.length !== productCount) {
      throw new Error(`${prefix} covers ${arrays.productAisles.length} products, not ${productCount}`);
    }
    if (arrays.postingOffsets.length !== tokens.length + 1) throw new Error(`${prefix}: postings cover ${arrays.postingOffsets.length - 1} words, not ${tokens.length}`);
    const idf = reader.f32(`${prefix}.idf`);
    if (idf.length !== tokens.length) throw new Error(`${prefix}: ${idf.length} word weights for ${tokens.length} words`);
    return new SearchIndex(locale, {
      tokens,
      phonetic,
      deletionIndex: new DeletionIndex(reader.u32(`${prefix}.deletionHashes`), reader.uints(`${prefix}.deletionTokens`)),
      lookups: readVocabularyLookups(tokens, reader, `${prefix}.lookups`),
      productCount,
      ...arrays,
      idf,
    });
  }

  get size(): number {
    return this.productCount;
  }

  search(query: string, limit = 10, signals: RankingSignals = {}): IndexHit[] {
    // Filler counts as known: "for" must not become "four" in a catalog that happens to lack the word.
    const isKnown = (token: string) => this.vocabulary.id(token) !== undefined || isFillerWord(token, this.locale);
    const tokens = normalizeTokens(query, this.locale, isKnown);
    // Only filler ("the", "please"): nothing was asked for.
    if (limit <= 0 || tokens.every((token) => isFillerWord(token, this.locale))) return [];
    const slots = this.slotsOf(tokens);
    const totalWeight = slots.reduce((sum, slot) => sum + slot.weight, 0);
    const table = this.markMatchedTokens(slots);
    try {
      this.candidatesOf(slots, totalWeight, table);
      const genericAisles = this.aislesCovering(slots, totalWeight, table);
      const scoredCount = this.scoreCandidates(slots.length, totalWeight, genericAisles);
      return this.rank(scoredCount, limit, signals);
    } finally {
      this.clearMatchedTokens(table);
    }
  }

  /** Query tokens → weighted slots with their ways into the vocabulary. */
  private slotsOf(queryTokens: readonly string[]): Slot[] {
    const vocabulary = this.vocabulary;
    const expansions = queryTokens.map((token) => vocabulary.expand(token));
    // A word split by the recogniser ("buch weizen"): the joined word counts for both halves.
    for (let i = 0; i + 1 < queryTokens.length; i += 1) {
      const pair = queryTokens[i]! + queryTokens[i + 1]!;
      const joined = vocabulary.expand(pair, 4, pair.length >= 7 ? 'near' : 'none');
      for (const expansion of joined) {
        addExpansion(expansions[i]!, expansion);
        addExpansion(expansions[i + 1]!, expansion);
      }
    }
    // "hamburger meat" → ground beef, "double a" → aa: a phrase's readings join each of its words' own.
    const sameWord = (spoken: string, listed: string) => spoken === listed || stemToken(spoken, this.locale) === stemToken(listed, this.locale);
    for (const { start, readings } of phrasesIn(queryTokens, this.locale, sameWord)) {
      readings.forEach((words, k) => {
        for (const word of words) {
          for (const expansion of vocabulary.expand(word, 6, 'none')) {
            addExpansion(expansions[start + k]!, { tokenId: expansion.tokenId, similarity: expansion.similarity * SIMILARITY.synonym });
          }
        }
      });
    }
    const slots: Slot[] = [];
    const slotOfToken: number[] = [];
    queryTokens.forEach((token, i) => {
      slotOfToken.push(slots.length);
      const own = expansions[i]!;
      // A word the catalog knows (exactly or by stem) is not split into two known words. One it reaches only by a
      // synonym may be: "rinderhack" is "rinder" + "hack" for "Bio Rinder Hackfleisch" as well as "Rinderhackfleisch".
      const split = own.some((e) => e.similarity >= SIMILARITY.stem) ? undefined : this.splitIntoKnownWords(token);
      if (split) {
        // Each half is its own slot; a product with the (fuzzy) whole word still covers both. A reading of the
        // whole that is just one half ("schweinehack" → its head "hack") covers that half alone: "Tofu Hack" must
        // not pass for "Schweinehack".
        const readings = split.map((half) => vocabulary.expand(half, 6, 'none'));
        const ofHalves = new Set(readings.flat().filter((expansion) => expansion.similarity >= SIMILARITY.stem).map((expansion) => expansion.tokenId));
        const whole = own.filter((expansion) => !ofHalves.has(expansion.tokenId));
        for (const halfReadings of readings) {
          const halfExpansions = [...whole];
          for (const expansion of halfReadings) addExpansion(halfExpansions, expansion);
          slots.push(this.slotFor(halfExpansions, 0.5));
        }
      } else {
        const slot = this.slotFor(own, isFillerWord(token, this.locale) ? FILLER_SHARE : 1);
        const earlier = queryTokens.indexOf(token);
        slot.repeats = earlier < i ? slotOfToken[earlier]! : -1;
        slots.push(slot);
      }
    });
    for (const slot of slots) slot.expansions.sort((a, b) => b.similarity - a.similarity);
    return slots;
  }

  private slotFor(expansions: Expansion[], share: number): Slot {
    // A word weighs what its best reading tells apart. A word the catalog cannot place weighs like a fairly
    // rare word, so a request made mostly of unknown words is not confidently answered; a doubtful reading
    // sits in between.
    let best: Expansion | undefined;
    for (const expansion of expansions) if (!best || expansion.similarity > best.similarity + 1e-6) best = expansion;
    const weight = best
      ? best.similarity * this.idf[best.tokenId]! + (1 - best.similarity) * this.unknownWordIdf
      : this.unknownWordIdf;
    return { weight: weight * share, expansions, repeats: -1 };
  }

  /** "cornflakes" → ["corn", "flakes"] when the catalog knows both halves (and not the whole). */
  private splitIntoKnownWords(token: string): [string, string] | undefined {
    if (token.length < 6 || /\d/.test(token)) return undefined;
    let best: [string, string] | undefined;
    let bestShortest = 0;
    for (let cut = 3; cut <= token.length - 3; cut += 1) {
      const head = token.slice(0, cut);
      const tail = token.slice(cut);
      if (this.vocabulary.id(head) === undefined || this.vocabulary.id(tail) === undefined) continue;
      const shortest = Math.min(head.length, tail.length);
      if (shortest > bestShortest) {
        best = [head, tail];
        bestShortest = shortest;
      }
    }
    return best;
  }

  /**
   * Notes, for every catalog word the query reaches, its similarity per slot (a small token × slot table)
   * and its best slot; scoring then walks a candidate's few words instead of long posting lists.
   */
  private markMatchedTokens(slots: readonly Slot[]): MatchTable {
    const tokens: number[] = [];
    for (const slot of slots) {
      for (const { tokenId } of slot.expansions) {
        if (this.tokenRow[tokenId] === -1) {
          this.tokenRow[tokenId] = tokens.length;
          tokens.push(tokenId);
        }
      }
    }
    const slotCount = slots.length;
    const similarity = new Float32Array(tokens.length * slotCount);
    slots.forEach((slot, index) => {
      for (const expansion of slot.expansions) {
        const cell = this.tokenRow[expansion.tokenId]! * slotCount + index;
        if (expansion.similarity > similarity[cell]!) similarity[cell] = expansion.similarity;
        if (expansion.similarity > this.tokenSimilarity[expansion.tokenId]!) {
          this.tokenSimilarity[expansion.tokenId] = expansion.similarity;
          this.tokenSlot[expansion.tokenId] = index;
        }
      }
    });
    return {
      tokens,
      similarity,
      slotCount,
      weights: Float32Array.from(slots, (slot) => slot.weight),
      repeats: Int32Array.from(slots, (slot) => slot.repeats),
      best: new Float32Array(slotCount),
      second: new Float32Array(slotCount),
    };
  }

  private clearMatchedTokens(table: MatchTable): void {
    for (const tokenId of table.tokens) {
      this.tokenSimilarity[tokenId] = 0;
      this.tokenSlot[tokenId] = -1;
      this.tokenRow[tokenId] = -1;
    }
  }

  /**
   * The products that can reach the answer threshold, with their coverage in `this.coverage`. The heaviest
   * word's best readings are read first: the best coverage they find raises the bar (a candidate must reach a
   * share of the best). Then only the postings that can still clear the bar are read: a product none of the
   * heavier slots reaches covers too little even with every light word ("organic", "with"), and a doubtful
   * reading of a heavy word costs too much of it. Walking a candidate's own few words gives its coverage
   * without reading the long posting lists of common words.
   */
  private candidatesOf(slots: readonly Slot[], totalWeight: number, table: MatchTable): void {
    this.nextStamp();
    this.candidateCount = 0;
    let heaviest = 0;
    slots.forEach((slot, index) => {
      if (slot.weight > slots[heaviest]!.weight) heaviest = index;
    });
    const leading = slots[heaviest]!.expansions;
    let bestCoverage = 0;
    for (const { tokenId, similarity } of leading) {
      if (similarity < leading[0]!.similarity - 0.05) break;
      bestCoverage = Math.max(bestCoverage, this.collect(tokenId, table));
    }
    const threshold = Math.max(SCORING.abstainBelow * totalWeight, SCORING.candidateShare * bestCoverage) * (1 - 1e-6);
    const byWeight = slots.map((_, index) => index).sort((a, b) => slots[a]!.weight - slots[b]!.weight);
    let lightWeight = 0;
    let firstEssential = 0;
    while (firstEssential < byWeight.length && lightWeight + slots[byWeight[firstEssential]!]!.weight < threshold) {
      lightWeight += slots[byWeight[firstEssential]!]!.weight;
      firstEssential += 1;
    }
    // Within the heavy slots, the weakest readings (sound-alikes of a known word, far spellings) are skipped
    // too while everything skipped together still cannot reach the threshold.
    const readingsRead = slots.map((slot) => slot.expansions.length);
    const weakest: { slot: number; reading: number; gain: number }[] = [];
    for (let rank = firstEssential; rank < byWeight.length; rank += 1) {
      const slot = byWeight[rank]!;
      slots[slot]!.expansions.forEach((expansion, reading) => {
        weakest.push({ slot, reading, gain: slots[slot]!.weight * expansion.similarity });
      });
    }
    weakest.sort((a, b) => a.gain - b.gain || b.reading - a.reading);
    const skippedGain = new Float64Array(slots.length);
    let bound = lightWeight;
    for (const { slot, reading, gain } of weakest) {
      const raised = bound - skippedGain[slot]! + gain;
      if (raised >= threshold || reading !== readingsRead[slot]! - 1) break;
      bound = raised;
      skippedGain[slot] = gain;
      readingsRead[slot] = reading;
    }
    for (let rank = byWeight.length - 1; rank >= firstEssential; rank -= 1) {
      const index = byWeight[rank]!;
      const slot = slots[index]!;
      for (let reading = 0; reading < readingsRead[index]!; reading += 1) {
        const { tokenId, similarity } = slot.expansions[reading]!;
        // Expansions are sorted best first: once one loses too much, so do the rest.
        if (totalWeight - slot.weight * (1 - similarity) < threshold) break;
        this.collect(tokenId, table);
      }
    }
  }

  /** A fresh stamp for this query's scratch arrays (they are cleared only when the counter wraps). */
  private nextStamp(): void {
    if (this.stamp >= 0xfffffff0) {
      this.candidateStamp.fill(0);
      this.scoredStamp.fill(0);
      this.genericStamp.fill(0);
      this.stamp = 0;
    }
    this.stamp += 1;
  }

  /** Adds the products of a token not yet collected by this query; returns the best coverage among them. */
  private collect(tokenId: number, table: MatchTable): number {
    const stamp = this.stamp;
    let best = 0;
    for (let at = this.postingOffsets[tokenId]!; at < this.postingOffsets[tokenId + 1]!; at += 1) {
      const product = this.postings[at]!;
      if (this.candidateStamp[product] === stamp) continue;
      this.candidateStamp[product] = stamp;
      this.candidateList[this.candidateCount] = product;
      this.candidateCount += 1;
      const start = this.productTokenOffsets[product]!;
      const covered = this.coverageOf(start, this.productTokenOffsets[product + 1]!, this.productTokens, table, 0);
      this.coverage[product] = covered;
      if (covered > best) best = covered;
    }
    return best;
  }

  /**
   * Σ over slots of weight × the best similarity any of the words in tokens[start, end) has for the slot. A
   * repeated spoken word is covered by the second-best occurrence: one word of a name answers one word said.
   */
  private coverageOf(start: number, end: number, tokens: UintArray, table: MatchTable, minimumSimilarity: number): number {
    const { similarity, slotCount, weights, best, second, repeats } = table;
    for (let slot = 0; slot < slotCount; slot += 1) {
      best[slot] = 0;
      second[slot] = 0;
    }
    for (let at = start; at < end; at += 1) {
      const row = this.tokenRow[tokens[at]!]!;
      if (row < 0) continue;
      const offset = row * slotCount;
      for (let slot = 0; slot < slotCount; slot += 1) {
        const value = similarity[offset + slot]!;
        if (value < minimumSimilarity || value <= second[slot]!) continue;
        if (value > best[slot]!) {
          second[slot] = best[slot]!;
          best[slot] = value;
        } else {
          second[slot] = value;
        }
      }
    }
    let covered = 0;
    for (let slot = 0; slot < slotCount; slot += 1) {
      const repeated = repeats[slot]!;
      covered += weights[slot]! * (repeated >= 0 ? second[repeated]! : best[slot]!);
    }
    return covered;
  }

  /**
   * Aisles whose name covers the query (a generic request such as "coffee" or "hair care"), keeping only the
   * ones whose own name the query covers best ("soap" picks the aisle "soap" over "body lotions soap").
   */
  private aislesCovering(slots: readonly Slot[], totalWeight: number, table: MatchTable): number[] {
    const reached = new Set<number>();
    for (const tokenId of table.tokens) for (const aisle of this.aislesByToken.get(tokenId) ?? []) reached.add(aisle);
    let bestOwnCoverage = 0;
    let chosen: number[] = [];
    for (const aisle of reached) {
      const start = this.aisleTokenOffsets[aisle]!;
      const end = this.aisleTokenOffsets[aisle + 1]!;
      // Aisle names are read strictly: a sound-alike of a product word should not turn a request generic.
      const covered = this.coverageOf(start, end, this.aisleTokens, table, AISLE_SIMILARITY);
      if (covered < SCORING.aisleCoverage * totalWeight) continue;
      let matched = 0;
      for (let at = start; at < end; at += 1) if (this.tokenSimilarity[this.aisleTokens[at]!]! >= AISLE_SIMILARITY) matched += 1;
      const ownCoverage = matched / (end - start);
      if (ownCoverage > bestOwnCoverage + 1e-6) {
        bestOwnCoverage = ownCoverage;
        chosen = [aisle];
      } else if (Math.abs(ownCoverage - bestOwnCoverage) <= 1e-6) {
        chosen.push(aisle);
      }
    }
    return chosen;
  }

  /**
   * Scores the candidates that clear the bar (and every product of an aisle a generic request named) into
   * this query's scratch arrays; returns how many were scored.
   */
  private scoreCandidates(slotCount: number, totalWeight: number, genericAisles: readonly number[]): number {
    const stamp = this.stamp;
    let bestCoverage = 0;
    for (let i = 0; i < this.candidateCount; i += 1) bestCoverage = Math.max(bestCoverage, this.coverage[this.candidateList[i]!]!);
    const generic = genericAisles.length > 0;
    // The shopper's usual products need no wider net: rank() lifts them only when they match about as well
    // as the best, which this cutoff already lets through.
    const cutoff = Math.max(bestCoverage * SCORING.candidateShare, SCORING.abstainBelow * totalWeight);
    let scoredCount = 0;
    for (let i = 0; i < this.candidateCount; i += 1) {
      const product = this.candidateList[i]!;
      const covered = this.coverage[product]!;
      if (covered < cutoff && !(generic && genericAisles.includes(this.productAisles[product]!))) continue;
      this.matchScores[product] = this.matchScore(product, covered / totalWeight, slotCount);
      this.scoredStamp[product] = stamp;
      this.scoredList[scoredCount] = product;
      scoredCount += 1;
    }
    // A generic request: every product of the aisle qualifies and ranks above products of other aisles.
    for (const aisle of genericAisles) {
      for (let at = this.aisleProductOffsets[aisle]!; at < this.aisleProductOffsets[aisle + 1]!; at += 1) {
        const product = this.aisleProducts[at]!;
        if (this.scoredStamp[product] !== stamp) {
          this.matchScores[product] = 0;
          this.scoredStamp[product] = stamp;
          this.scoredList[scoredCount] = product;
          scoredCount += 1;
        }
        this.genericStamp[product] = stamp;
      }
    }
    return scoredCount;
  }

  /**
   * Query coverage × product coverage, plus a bonus for neighbouring query words that are neighbours in the
   * name too. Product words the shopper did not say count against the product by where they stand: leading
   * ones (brand, "organic") are the ones people leave out, trailing and inner ones mean a different product.
   */
  private matchScore(product: number, queryCoverage: number, slotCount: number): number {
    const start = this.productTokenOffsets[product]!;
    const end = this.productTokenOffsets[product + 1]!;
    let matchedWeight = 0;
    let blurWeight = 0;
    let leadingWeight = 0;
    let gapWeight = 0;
    let pendingGap = 0;
    let seenMatch = false;
    let previousSlot = -2;
    let adjacentInOrder = 0;
    let pairsSeen = 0;
    for (let at = start; at < end; at += 1) {
      const tokenId = this.productTokens[at]!;
      const similarity = this.tokenSimilarity[tokenId]!;
      const idf = this.idf[tokenId]!;
      if (similarity > 0) {
        matchedWeight += idf * similarity;
        blurWeight += idf * (1 - similarity);
        const slot = this.tokenSlot[tokenId]!;
        // Each pair of neighbouring query words counts once, however often the name repeats it.
        if (slot === previousSlot + 1 && pendingGap === 0 && (slot > 30 || (pairsSeen & (1 << slot)) === 0)) {
          adjacentInOrder += 1;
          if (slot <= 30) pairsSeen |= 1 << slot;
        }
        previousSlot = slot;
        gapWeight += pendingGap;
        pendingGap = 0;
        seenMatch = true;
      } else if (seenMatch) {
        pendingGap += idf;
        previousSlot = -2;
      } else {
        leadingWeight += idf;
      }
    }
    // What is still pending at the end is trailing: words after everything the shopper said.
    const missing =
      SCORING.leadingWordDiscount * Math.min(leadingWeight, this.leadingWeightCap) +
      SCORING.innerWordWeight * gapWeight +
      SCORING.trailingWordWeight * pendingGap;
    const productCoverage = matchedWeight / Math.max(1e-6, matchedWeight + blurWeight + missing);
    // A one-word request has no order to keep: it gets the full share.
    const orderShare = slotCount > 1 ? Math.min(1, adjacentInOrder / (slotCount - 1)) : 1;
    const coverageFactor = 1 - SCORING.productCoverageWeight + SCORING.productCoverageWeight * productCoverage;
    // Weighted so a perfect match scores exactly 1 and the order bonus still separates "knusper dinkel
    // muesli" from "dinkel knusper muesli".
    return (1 - SCORING.orderBonus) * queryCoverage * coverageFactor + SCORING.orderBonus * orderShare * queryCoverage;
  }

  /**
   * Orders the candidates. A specific request ranks by match score (popularity only breaks near-ties); a
   * generic one ranks the aisle's products that name the request by popularity. What this shopper buys
   * comes first whenever it answers the request about as well as the best match.
   */
  private rank(scoredCount: number, limit: number, signals: RankingSignals): IndexHit[] {
    const stamp = this.stamp;
    let best = 0;
    for (let i = 0; i < scoredCount; i += 1) best = Math.max(best, this.matchScores[this.scoredList[i]!]!);
    const popularity = signals.popularity;
    const maxPopularity = popularity ? this.maximumOf(popularity) : 0;
    const popularityShare = (position: number) =>
      popularity && maxPopularity > 0 ? Math.log1p(popularity[position] ?? 0) / Math.log1p(maxPopularity) : 0;
    const personal = signals.personal;
    let maxPersonal = 0;
    if (personal) for (const value of personal.values()) maxPersonal = Math.max(maxPersonal, value);
    const spelling = signals.spellingAgreement;
    const ranked = new TopK(
      limit,
      (a, b) => this.nameLength(a) - this.nameLength(b) || (spelling ? spelling(b) - spelling(a) : 0) || a - b,
    );
    // A product named exactly what was said, when the words also name a category ("snacks", "mint").
    let wholeName = -1;
    for (let i = 0; i < scoredCount; i += 1) {
      const position = this.scoredList[i]!;
      const score = this.matchScores[position]!;
      const generic = this.genericStamp[position] === stamp;
      if (!generic && score >= WHOLE_NAME_SCORE && (wholeName < 0 || this.nameLength(position) < this.nameLength(wholeName))) wholeName = position;
      let key: number;
      let confidence = score;
      if (generic) {
        const namesRequest = score >= SCORING.abstainBelow ? 1 : 0;
        key = 1 + 0.5 * namesRequest + SCORING.genericPopularityWeight * popularityShare(position) + 0.1 * score;
        // Being in the aisle the shopper named is itself a fair answer, even without the word in the name.
        confidence = Math.max(score, 0.6);
      } else {
        key = score + SCORING.popularityBonus * popularityShare(position);
      }
      const bought = personal?.get(position);
      if (bought !== undefined && bought > 0 && (generic || score >= best - SCORING.personalMargin)) {
        key += 2 + bought / Math.max(1, maxPersonal);
      }
      ranked.offer(position, key, confidence);
    }
    return this.withWholeNameNearTop(ranked.best(), wholeName, limit);
  }

  /**
   * A category request ranks the aisle first, but a product named exactly what was said is an answer too:
   * it goes second, after the category's best, unless it already made the first few.
   */
  private withWholeNameNearTop(hits: IndexHit[], wholeName: number, limit: number): IndexHit[] {
    if (wholeName < 0 || hits.length < 2) return hits;
    const at = hits.findIndex((hit) => hit.position === wholeName);
    if (at >= 0 && at < WHOLE_NAME_PLACE + 1) return hits;
    const rest = hits.filter((hit) => hit.position !== wholeName);
    return [...rest.slice(0, WHOLE_NAME_PLACE), { position: wholeName, score: this.matchScores[wholeName]! }, ...rest.slice(WHOLE_NAME_PLACE)].slice(0, limit);
  }

  /** The largest popularity, remembered for the array it came from (the catalog passes the same one each time). */
  private maximumOf(popularity: Float32Array): number {
    if (this.popularityMaximum?.of !== popularity) {
      let value = 0;
      for (const entry of popularity) if (entry > value) value = entry;
      this.popularityMaximum = { of: popularity, value };
    }
    return this.popularityMaximum.value;
  }

  private nameLength(product: number): number {
    return this.productTokenOffsets[product + 1]! - this.productTokenOffsets[product]!;
  }
}

function addExpansion(list: Expansion[], expansion: Expansion): void {
  const existing = list.find((e) => e.tokenId === expansion.tokenId);
  if (!existing) list.push({ ...expansion });
  else if (existing.similarity < expansion.similarity) existing.similarity = expansion.similarity;
}
