/**
 * Quality figures of a search run over labelled queries (the layout of ../shared/data/search):
 * top-1, recall@5 and MRR over specific queries; precision@1 over category queries, where an empty
 * `relevant_aisles` means the shop does not sell it and only an empty answer is right.
 */
export interface LabelledQuery {
  id: string;
  locale: string;
  kind?: 'specific' | 'category';
  query: string;
  relevant?: string[];
  relevant_aisles?: string[];
}

export interface SearchQuality {
  specificCount: number;
  top1: number;
  recallAt5: number;
  mrr: number;
  categoryCount: number;
  categoryPrecisionAt1: number;
  /** Share of specific queries answered with nothing (a miss, counted in the figures above too). */
  specificAbstained: number;
}

/**
 * @param results query id → product ids, best first (empty: abstained)
 * @param aisleOf product id → aisle id
 */
export function measureQuality(
  queries: readonly LabelledQuery[],
  results: ReadonlyMap<string, readonly string[]>,
  aisleOf: (productId: string) => string | undefined,
): SearchQuality {
  let specificCount = 0;
  let top1 = 0;
  let recallAt5 = 0;
  let reciprocalRanks = 0;
  let abstained = 0;
  let categoryCount = 0;
  let categoryHits = 0;
  for (const query of queries) {
    const ranked = results.get(query.id) ?? [];
    if (query.relevant_aisles !== undefined && query.kind !== 'specific') {
      categoryCount += 1;
      const first = ranked[0];
      if (query.relevant_aisles.length === 0) categoryHits += first === undefined ? 1 : 0;
      else if (first !== undefined && query.relevant_aisles.includes(aisleOf(first) ?? '')) categoryHits += 1;
    } else if (query.relevant !== undefined) {
      specificCount += 1;
      const relevant = new Set(query.relevant);
      const rank = ranked.findIndex((id) => relevant.has(id));
      if (rank === 0) top1 += 1;
      if (rank >= 0 && rank < 5) recallAt5 += 1;
      if (rank >= 0) reciprocalRanks += 1 / (rank + 1);
      if (ranked.length === 0) abstained += 1;
    }
  }
  const share = (count: number, of: number) => (of === 0 ? 0 : count / of);
  return {
    specificCount,
    top1: share(top1, specificCount),
    recallAt5: share(recallAt5, specificCount),
    mrr: share(reciprocalRanks, specificCount),
    categoryCount,
    categoryPrecisionAt1: share(categoryHits, categoryCount),
    specificAbstained: share(abstained, specificCount),
  };
}

/**
 * Which half ('A' or 'B') a query falls in, by a hash of its id: a fixed split, so a change tuned on one half
 * can be checked on the other. The hash is FNV-1a with a final mix (FNV's low bits alone follow the parity of
 * the id's characters, which puts ids of one shape all in one half).
 */
export function evaluationHalf(queryId: string): 'A' | 'B' {
  let hash = 0x811c9dc5;
  for (let i = 0; i < queryId.length; i += 1) {
    hash ^= queryId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  hash ^= hash >>> 12;
  return ((hash >>> 7) & 1) === 0 ? 'A' : 'B';
}

/** The p-th percentile (0–100) of a list of numbers, nearest-rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
