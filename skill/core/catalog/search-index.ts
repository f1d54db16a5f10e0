/**
 * Voice product search over one locale's names: an inverted index from catalog words to products, plus
 * the aisle names for generic requests.
 *
 * A query is split into word slots. Each slot reaches catalog words through the vocabulary (exact, stem,
 * synonym, sound-alike, near spelling, or joined with its neighbour: "buch weizen" → "buchweizen"; a word
 * the catalog only knows in two pieces is split: "cornflakes" → "corn" + "flakes"). A slot weighs what its
 * word tells apart (IDF). Candidates come from the postings; the score is how much of the query's weight a
 * product covers, times how much of the product's own name the query covers, with a small bonus for
 * words in the same order. A generic request that an aisle name covers ("coffee", "hair care") ranks the
 * aisle's products. Below a coverage threshold nothing is returned: saying "I couldn't find it" beats
 * reading out junk.
 */
import type { Locale } from '../turn';
import { normalizeTokens } from './text-normalizer';
import { DeletionIndex, Vocabulary, type Expansion } from './vocabulary';
import { decodeUint32, encodeUint32 } from './base64';

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
  candidateShare: 0.7,
  /** How much a product's unmentioned words pull its score down (0: not at all). */
  productCoverageWeight: 0.25,
  /** Leading product words the shopper left out (usually the brand) count this much as missing… */
  leadingWordDiscount: 0.35,
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
} as const;

/** The serialisable form of an index: word lists and flat integer arrays as base64. */
export interface SearchIndexData {
  locale: Locale;
  tokens: string[];
  phonetic: string[];
  productCount: number;
  productTokenOffsets: string;
  productTokens: string;
  productAisles: string;
  aisleTokenOffsets: string;
  aisleTokens: string;
  deletionHashes: string;
  deletionTokens: string;
}

interface Candidate {
  /** Match score in [0, 1]. */
  score: number;
  /** In the aisle a generic request named. */
  generic: boolean;
}

interface Slot {
  weight: number;
  expansions: Expansion[];
}

const NO_AISLE = 0xffffffff;

export class SearchIndex {
  private readonly vocabulary: Vocabulary;
  private readonly productCount: number;
  private readonly productTokenOffsets: Uint32Array;
  private readonly productTokens: Uint32Array;
  private readonly productAisles: Uint32Array;
  private readonly aisleTokenOffsets: Uint32Array;
  private readonly aisleTokens: Uint32Array;
  private readonly postingOffsets: Uint32Array;
  private readonly postings: Uint32Array;
  private readonly aisleProductOffsets: Uint32Array;
  private readonly aisleProducts: Uint32Array;
  private readonly idf: Float32Array;
  private readonly productWeight: Float32Array;
  private readonly unknownWordIdf: number;
  // Scratch space reused by every query (search is synchronous, so one query at a time).
  private readonly coverage: Float32Array;
  private readonly slotStamp: Uint32Array;
  private readonly queryStamp: Uint32Array;
  private readonly tokenSimilarity: Float32Array;
  private readonly tokenSlot: Int32Array;
  private stamp = 0;
  private queries = 0;

  private constructor(
    readonly locale: Locale,
    data: {
      tokens: string[];
      phonetic: string[];
      deletionIndex: DeletionIndex;
      productCount: number;
      productTokenOffsets: Uint32Array;
      productTokens: Uint32Array;
      productAisles: Uint32Array;
      aisleTokenOffsets: Uint32Array;
      aisleTokens: Uint32Array;
    },
  ) {
    this.vocabulary = new Vocabulary(locale, data.tokens, data.phonetic, data.deletionIndex);
    this.productCount = data.productCount;
    this.productTokenOffsets = data.productTokenOffsets;
    this.productTokens = data.productTokens;
    this.productAisles = data.productAisles;
    this.aisleTokenOffsets = data.aisleTokenOffsets;
    this.aisleTokens = data.aisleTokens;
    [this.postingOffsets, this.postings] = invert(data.productTokenOffsets, data.productTokens, data.tokens.length);
    const aisleCount = data.aisleTokenOffsets.length - 1;
    [this.aisleProductOffsets, this.aisleProducts] = groupByAisle(data.productAisles, aisleCount);
    const vocabularySize = data.tokens.length;
    this.idf = new Float32Array(vocabularySize);
    for (let id = 0; id < vocabularySize; id += 1) {
      const documentFrequency = this.postingOffsets[id + 1]! - this.postingOffsets[id]!;
      this.idf[id] = Math.log(1 + (this.productCount + 1) / (documentFrequency + 0.5));
    }
    // The weight of a word found nowhere: that of a word in about 1 product out of 200.
    this.unknownWordIdf = Math.log(1 + (this.productCount + 1) / (this.productCount / 200 + 0.5));
    this.productWeight = new Float32Array(this.productCount);
    for (let p = 0; p < this.productCount; p += 1) {
      let sum = 0;
      for (let at = this.productTokenOffsets[p]!; at < this.productTokenOffsets[p + 1]!; at += 1) {
        sum += this.idf[this.productTokens[at]!]!;
      }
      this.productWeight[p] = sum;
    }
    this.coverage = new Float32Array(this.productCount);
    this.slotStamp = new Uint32Array(this.productCount);
    this.queryStamp = new Uint32Array(this.productCount);
    this.tokenSimilarity = new Float32Array(vocabularySize);
    this.tokenSlot = new Int32Array(vocabularySize).fill(-1);
  }

  /** Indexes product names (and aisle names) of one locale. */
  static build(locale: Locale, documents: readonly IndexDocument[], aisleNames: readonly string[]): SearchIndex {
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
    const productAisles = Uint32Array.from(documents, (doc) =>
      doc.aisle >= 0 && doc.aisle < aisleNames.length ? doc.aisle : NO_AISLE,
    );
    const phonetic = tokens.map((token) => Vocabulary.phoneticKeysOf(token, locale));
    return new SearchIndex(locale, {
      tokens,
      phonetic,
      deletionIndex: DeletionIndex.build(tokens),
      productCount: documents.length,
      productTokenOffsets,
      productTokens,
      productAisles,
      aisleTokenOffsets,
      aisleTokens,
    });
  }

  static fromData(data: SearchIndexData): SearchIndex {
    return new SearchIndex(data.locale, {
      tokens: data.tokens,
      phonetic: data.phonetic,
      deletionIndex: new DeletionIndex(decodeUint32(data.deletionHashes), decodeUint32(data.deletionTokens)),
      productCount: data.productCount,
      productTokenOffsets: decodeUint32(data.productTokenOffsets),
      productTokens: decodeUint32(data.productTokens),
      productAisles: decodeUint32(data.productAisles),
      aisleTokenOffsets: decodeUint32(data.aisleTokenOffsets),
      aisleTokens: decodeUint32(data.aisleTokens),
    });
  }

  toData(): SearchIndexData {
    return {
      locale: this.locale,
      tokens: [...this.vocabulary.tokens],
      phonetic: [...this.vocabulary.phonetic],
      productCount: this.productCount,
      productTokenOffsets: encodeUint32(this.productTokenOffsets),
      productTokens: encodeUint32(this.productTokens),
      productAisles: encodeUint32(this.productAisles),
      aisleTokenOffsets: encodeUint32(this.aisleTokenOffsets),
      aisleTokens: encodeUint32(this.aisleTokens),
      deletionHashes: encodeUint32(this.vocabulary.deletionIndex.hashes),
      deletionTokens: encodeUint32(this.vocabulary.deletionIndex.tokenIds),
    };
  }

  get size(): number {
    return this.productCount;
  }

  search(query: string, limit = 10, signals: RankingSignals = {}): IndexHit[] {
    const slots = this.slotsOf(normalizeTokens(query, this.locale));
    if (slots.length === 0 || limit <= 0) return [];
    const totalWeight = slots.reduce((sum, slot) => sum + slot.weight, 0);
    this.markMatchedTokens(slots);
    try {
      const touched = this.accumulateCoverage(slots);
      const genericAisles = this.aislesCovering(slots, totalWeight);
      const scored = this.scoreCandidates(touched, slots.length, totalWeight, genericAisles, signals);
      return this.rank(scored, limit, signals);
    } finally {
      this.clearMatchedTokens(slots);
    }
  }

  /** Query tokens → weighted slots with their ways into the vocabulary. */
  private slotsOf(queryTokens: readonly string[]): Slot[] {
    const vocabulary = this.vocabulary;
    const expansions = queryTokens.map((token) => vocabulary.expand(token));
    // A word split by the recogniser ("buch weizen"): the joined word counts for both halves.
    for (let i = 0; i + 1 < queryTokens.length; i += 1) {
      const joined = vocabulary.expand(queryTokens[i]! + queryTokens[i + 1]!, 4, queryTokens[i]!.length + queryTokens[i + 1]!.length >= 7);
      for (const expansion of joined) {
        addExpansion(expansions[i]!, expansion);
        addExpansion(expansions[i + 1]!, expansion);
      }
    }
    const slots: Slot[] = [];
    queryTokens.forEach((token, i) => {
      const own = expansions[i]!;
      const split = own.some((e) => e.similarity >= 0.95) ? undefined : this.splitIntoKnownWords(token);
      if (split) {
        // Each half is its own slot; a product with the (fuzzy) whole word still covers both.
        for (const half of split) {
          const halfExpansions = [...own];
          for (const expansion of vocabulary.expand(half, 6, false)) addExpansion(halfExpansions, expansion);
          slots.push(this.slotFor(halfExpansions, 0.5));
        }
      } else {
        slots.push(this.slotFor(own, 1));
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
    return { weight: weight * share, expansions };
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

  private markMatchedTokens(slots: readonly Slot[]): void {
    slots.forEach((slot, index) => {
      for (const { tokenId, similarity } of slot.expansions) {
        if (similarity > this.tokenSimilarity[tokenId]!) {
          this.tokenSimilarity[tokenId] = similarity;
          this.tokenSlot[tokenId] = index;
        }
      }
    });
  }

  private clearMatchedTokens(slots: readonly Slot[]): void {
    for (const slot of slots) {
      for (const { tokenId } of slot.expansions) {
        this.tokenSimilarity[tokenId] = 0;
        this.tokenSlot[tokenId] = -1;
      }
    }
  }

  /** Adds each slot's best similarity × weight into every product its words reach; returns the products touched. */
  private accumulateCoverage(slots: readonly Slot[]): number[] {
    const touched: number[] = [];
    this.queries = this.nextStamp(this.queries, this.queryStamp);
    const queryStamp = this.queries;
    for (const slot of slots) {
      this.stamp = this.nextStamp(this.stamp, this.slotStamp);
      const slotStamp = this.stamp;
      // Expansions are sorted best first, so the first one to reach a product is the slot's best for it.
      for (const { tokenId, similarity } of slot.expansions) {
        const gain = slot.weight * similarity;
        for (let at = this.postingOffsets[tokenId]!; at < this.postingOffsets[tokenId + 1]!; at += 1) {
          const product = this.postings[at]!;
          if (this.slotStamp[product] === slotStamp) continue;
          this.slotStamp[product] = slotStamp;
          if (this.queryStamp[product] !== queryStamp) {
            this.queryStamp[product] = queryStamp;
            this.coverage[product] = 0;
            touched.push(product);
          }
          this.coverage[product]! += gain;
        }
      }
    }
    return touched;
  }

  private nextStamp(current: number, stamps: Uint32Array): number {
    if (current >= 0xfffffff0) {
      stamps.fill(0);
      return 1;
    }
    return current + 1;
  }

  /**
   * Aisles whose name covers the query (a generic request such as "coffee" or "hair care"), keeping only the
   * ones whose own name the query covers best ("soap" picks the aisle "soap" over "body lotions soap").
   */
  private aislesCovering(slots: readonly Slot[], totalWeight: number): number[] {
    const aisleCount = this.aisleTokenOffsets.length - 1;
    let bestOwnCoverage = 0;
    let chosen: number[] = [];
    for (let aisle = 0; aisle < aisleCount; aisle += 1) {
      const start = this.aisleTokenOffsets[aisle]!;
      const end = this.aisleTokenOffsets[aisle + 1]!;
      if (end === start) continue;
      const slotBest = new Float32Array(slots.length);
      let matched = 0;
      for (let at = start; at < end; at += 1) {
        const tokenId = this.aisleTokens[at]!;
        let hit = false;
        slots.forEach((slot, index) => {
          for (const expansion of slot.expansions) {
            if (expansion.tokenId === tokenId && expansion.similarity >= 0.85) {
              slotBest[index] = Math.max(slotBest[index]!, expansion.similarity);
              hit = true;
            }
          }
        });
        if (hit) matched += 1;
      }
      let covered = 0;
      slots.forEach((slot, index) => (covered += slot.weight * slotBest[index]!));
      if (covered < SCORING.aisleCoverage * totalWeight) continue;
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

  private scoreCandidates(
    touched: readonly number[],
    slotCount: number,
    totalWeight: number,
    genericAisles: readonly number[],
    signals: RankingSignals,
  ): Map<number, Candidate> {
    let bestCoverage = 0;
    for (const product of touched) bestCoverage = Math.max(bestCoverage, this.coverage[product]!);
    const scored = new Map<number, Candidate>();
    const inGenericAisle = (product: number) => genericAisles.includes(this.productAisles[product]!);
    // Personal products get a wider net: the shopper's usual item may name the request less fully.
    const cutoff = Math.max(bestCoverage * SCORING.candidateShare, SCORING.abstainBelow * totalWeight);
    const personalCutoff = Math.max(bestCoverage * (1 - SCORING.personalMargin), SCORING.abstainBelow * totalWeight);
    for (const product of touched) {
      const covered = this.coverage[product]!;
      const wanted = covered >= cutoff || (signals.personal?.has(product) && covered >= personalCutoff);
      if (!wanted && !inGenericAisle(product)) continue;
      scored.set(product, { score: this.matchScore(product, covered / totalWeight, slotCount), generic: false });
    }
    // A generic request: every product of the aisle qualifies and ranks above products of other aisles.
    for (const aisle of genericAisles) {
      for (let at = this.aisleProductOffsets[aisle]!; at < this.aisleProductOffsets[aisle + 1]!; at += 1) {
        const product = this.aisleProducts[at]!;
        const named = scored.get(product)?.score ?? 0;
        scored.set(product, { score: named, generic: true });
      }
    }
    return scored;
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
    for (let at = start; at < end; at += 1) {
      const tokenId = this.productTokens[at]!;
      const similarity = this.tokenSimilarity[tokenId]!;
      const idf = this.idf[tokenId]!;
      if (similarity > 0) {
        matchedWeight += idf * similarity;
        blurWeight += idf * (1 - similarity);
        const slot = this.tokenSlot[tokenId]!;
        if (slot === previousSlot + 1 && pendingGap === 0) adjacentInOrder += 1;
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
      SCORING.leadingWordDiscount * leadingWeight + SCORING.innerWordWeight * gapWeight + SCORING.trailingWordWeight * pendingGap;
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
  private rank(scored: Map<number, Candidate>, limit: number, signals: RankingSignals): IndexHit[] {
    let best = 0;
    for (const candidate of scored.values()) best = Math.max(best, candidate.score);
    const popularity = signals.popularity;
    let maxPopularity = 0;
    if (popularity) for (const value of popularity) maxPopularity = Math.max(maxPopularity, value);
    const popularityShare = (position: number) =>
      popularity && maxPopularity > 0 ? Math.log1p(popularity[position] ?? 0) / Math.log1p(maxPopularity) : 0;
    const personal = signals.personal;
    let maxPersonal = 0;
    if (personal) for (const value of personal.values()) maxPersonal = Math.max(maxPersonal, value);
    const ranked: { position: number; score: number; key: number }[] = [];
    for (const [position, { score, generic }] of scored) {
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
      ranked.push({ position, score: confidence, key });
    }
    ranked.sort((a, b) => b.key - a.key || this.nameLength(a.position) - this.nameLength(b.position) || a.position - b.position);
    return ranked.slice(0, limit).map(({ position, score }) => ({ position, score }));
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

/** Product → tokens into token → products (each product once per token, ascending). */
function invert(offsets: Uint32Array, tokens: Uint32Array, vocabularySize: number): [Uint32Array, Uint32Array] {
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
function groupByAisle(productAisles: Uint32Array, aisleCount: number): [Uint32Array, Uint32Array] {
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
