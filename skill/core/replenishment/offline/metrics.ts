/** The scores of next-basket prediction: Kaggle's reorder F1 (with the "None" token) and recall/nDCG at k. */

export const NONE = 'None';

/** F1 between a predicted and a true set of tokens ("None" is a token like any other). */
export function basketF1(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length === 0 && truth.length === 0) return 1;
  const truthSet = new Set(truth);
  let hits = 0;
  for (const token of new Set(predicted)) if (truthSet.has(token)) hits += 1;
  return (2 * hits) / (new Set(predicted).size + truthSet.size);
}

export function recallAt(ranked: readonly string[], truth: ReadonlySet<string>, k: number): number {
  if (truth.size === 0) return 0;
  let hits = 0;
  for (const id of ranked.slice(0, k)) if (truth.has(id)) hits += 1;
  return hits / truth.size;
}

/** Binary-relevance nDCG: the ideal ranking puts min(k, |truth|) hits first. */
export function ndcgAt(ranked: readonly string[], truth: ReadonlySet<string>, k: number): number {
  if (truth.size === 0) return 0;
  let dcg = 0;
  ranked.slice(0, k).forEach((id, i) => {
    if (truth.has(id)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(k, truth.size); i += 1) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}
