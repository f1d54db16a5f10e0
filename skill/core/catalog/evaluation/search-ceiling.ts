/**
 * How high top-1 can go on a labelled query set at all. A query made by keeping only the last words of a
 * product's name ("avocado" from "Organic Avocado") fits every product whose name ends with those words,
 * and no search can know which of them the shopper meant. This measures that ambiguity with an oracle
 * that is kinder than any real search: it knows, from the labels themselves, how often names of each
 * length lose how many leading words, picks the likeliest candidates, and counts every query that is not
 * a clean tail of its label (misheard, reordered, numbers) as a hit.
 */
import type { Locale } from '../../turn';
import type { LabelledQuery } from './search-metrics';
import { normalizeTokens } from '../text-normalizer';

export interface SearchCeiling {
  specificCount: number;
  /** Queries whose words are exactly the last words of their label's name. */
  cleanTails: number;
  /** Clean tails that are also another product's whole name ("avocado" while "Avocado" is sold). */
  tailsNamingAnotherProduct: number;
  /** Queries that say a whole name while a longer name ends with it: what "prefer longer names" would lose. */
  wholeNamesWithLongerRival: number;
  /** Expected top-1 when the whole name said wins and otherwise a name ending in the query is picked at random. */
  wholeNameFirst: number;
  /** Expected top-1 of the oracle that knows the drop law of the labels. */
  oracle: number;
  /** Expected recall@5 of that oracle (equally likely candidates in random order). */
  oracleRecallAt5: number;
}

type Words = readonly string[];

const key = (words: Words) => words.join(' ');

function endsWith(name: Words, tail: Words): boolean {
  if (tail.length === 0 || tail.length > name.length) return false;
  const offset = name.length - tail.length;
  return tail.every((word, i) => name[offset + i] === word);
}

/**
 * `nameOf` gives a product's written name in the locale; products are all the shop's product ids.
 */
export function measureSearchCeiling(
  queries: readonly LabelledQuery[],
  productIds: readonly string[],
  nameOf: (id: string) => string | undefined,
  locale: Locale,
): SearchCeiling {
  const words = new Map<string, Words>();
  const byWholeName = new Map<string, string[]>();
  const byTail = new Map<string, string[]>();
  for (const id of productIds) {
    const name = nameOf(id);
    if (name === undefined) continue;
    const tokens = normalizeTokens(name, locale);
    words.set(id, tokens);
    push(byWholeName, key(tokens), id);
    for (let start = 1; start < tokens.length; start += 1) push(byTail, key(tokens.slice(start)), id);
  }

  const specific = queries.filter((query) => query.kind !== 'category' && (query.relevant?.length ?? 0) > 0);
  const tails: { query: Words; relevant: Set<string>; label: Words }[] = [];
  let wholeNamesWithLongerRival = 0;
  let tailsNamingAnotherProduct = 0;
  const dropped = new Map<number, Map<number, number>>();
  for (const query of specific) {
    const label = words.get(query.relevant![0]!);
    const said = normalizeTokens(query.query, locale);
    if (!label || !endsWith(label, said)) continue;
    tails.push({ query: said, relevant: new Set(query.relevant), label });
    const length = label.length;
    const counts = dropped.get(length) ?? new Map<number, number>();
    counts.set(length - said.length, (counts.get(length - said.length) ?? 0) + 1);
    dropped.set(length, counts);
    if (said.length === label.length && byTail.has(key(said))) wholeNamesWithLongerRival += 1;
    if (said.length < label.length && byWholeName.has(key(said))) tailsNamingAnotherProduct += 1;
  }

  // The share of names of a length that lose this many leading words (smoothed: unseen is rare, not impossible).
  const dropLaw = (length: number, drop: number) => {
    const counts = dropped.get(length);
    const total = counts ? [...counts.values()].reduce((sum, n) => sum + n, 0) : 0;
    return ((counts?.get(drop) ?? 0) + 0.5) / (total + 5);
  };

  const others = specific.length - tails.length;
  let wholeNameFirst = others;
  let oracle = others;
  let oracleRecallAt5 = others;
  for (const tail of tails) {
    const whole = byWholeName.get(key(tail.query)) ?? [];
    const longer = byTail.get(key(tail.query)) ?? [];
    wholeNameFirst += shareRelevant(whole.length > 0 ? whole : longer, tail.relevant);
    const likelihoods = new Map<number, string[]>();
    for (const id of [...whole, ...longer]) {
      const length = words.get(id)!.length;
      push(likelihoods, dropLaw(length, length - tail.query.length), id);
    }
    const groups = [...likelihoods.entries()].sort(([a], [b]) => b - a).map(([, group]) => group);
    oracle += groups.length > 0 ? shareRelevant(groups[0]!, tail.relevant) : 0;
    oracleRecallAt5 += chanceInTop(groups, tail.relevant, 5);
  }
  const share = (n: number) => (specific.length > 0 ? n / specific.length : 0);
  return {
    specificCount: specific.length,
    cleanTails: tails.length,
    tailsNamingAnotherProduct,
    wholeNamesWithLongerRival,
    wholeNameFirst: share(wholeNameFirst),
    oracle: share(oracle),
    oracleRecallAt5: share(oracleRecallAt5),
  };
}

/** The chance that a pick among equally likely candidates is a relevant one. */
function shareRelevant(candidates: readonly string[], relevant: ReadonlySet<string>): number {
  if (candidates.length === 0) return 0;
  return candidates.filter((id) => relevant.has(id)).length / candidates.length;
}

/** The chance that a relevant id is among the first k when groups come best first, each in random order. */
function chanceInTop(groups: readonly string[][], relevant: ReadonlySet<string>, k: number): number {
  let before = 0;
  for (const group of groups) {
    const slots = k - before;
    if (slots <= 0) return 0;
    const hits = group.filter((id) => relevant.has(id)).length;
    if (hits > 0) {
      if (slots >= group.length) return 1;
      // 1 − P(every one of the first `slots` places goes to an irrelevant candidate).
      let miss = 1;
      for (let i = 0; i < slots; i += 1) miss *= (group.length - hits - i) / (group.length - i);
      return 1 - Math.max(0, miss);
    }
    before += group.length;
  }
  return 0;
}

function push<K>(map: Map<K, string[]>, at: K, id: string): void {
  const list = map.get(at);
  if (list) list.push(id);
  else map.set(at, [id]);
}
