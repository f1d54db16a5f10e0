/**
 * The basket that maximises the expected F1 of the Kaggle reorder metric, given independent per-product
 * probabilities, with the "None" answer (nothing reordered) as an option of its own. F1 rewards neither
 * "everything above 0.5" nor a fixed size: the best set depends on the whole distribution, so it is computed
 * exactly (Poisson-binomial counts of hits inside and outside the chosen set).
 */

export interface BasketChoice {
  /** The chosen products, most probable first. */
  productIds: string[];
  /** Whether "None" belongs in the answer (alone, or next to products when that scores better). */
  none: boolean;
  expectedF1: number;
}

export interface BasketOptions {
  /** Largest basket considered (the rest stays in the count of misses). */
  maxSize?: number;
  /** Allow "None" next to products (Kaggle scores it as one more token); false answers products or None. */
  noneWithProducts?: boolean;
}

/** Count distribution cap: mass beyond it is lumped into the last cell (its F1 effect is negligible). */
const MAX_COUNT = 120;

function addBernoulli(distribution: Float64Array, length: number, p: number): number {
  const next = Math.min(length + 1, distribution.length);
  for (let c = next - 1; c >= 0; c -= 1) {
    const stay = c < length ? distribution[c]! * (1 - p) : 0;
    const moveUp = c > 0 ? distribution[c - 1]! * p : 0;
    distribution[c] = stay + moveUp;
  }
  return next;
}

export function chooseBasket(
  candidates: ReadonlyArray<{ productId: string; probability: number }>,
  options: BasketOptions = {},
): BasketChoice {
  const sorted = candidates
    .filter((c) => Number.isFinite(c.probability))
    .map((c) => ({ productId: c.productId, p: Math.min(1, Math.max(0, c.probability)) }))
    .sort((a, b) => b.p - a.p);
  const n = sorted.length;
  const maxSize = Math.min(n, options.maxSize ?? 60);
  const allowMixed = options.noneWithProducts ?? true;
  const width = Math.min(n, MAX_COUNT) + 1;

  // rest[k]: distribution of how many of items k..n-1 are bought.
  const rest: Float64Array[] = new Array(maxSize + 1);
  let tail = new Float64Array(width);
  tail[0] = 1;
  let tailLength = 1;
  for (let i = n - 1; i >= maxSize; i -= 1) tailLength = addCapped(tail, tailLength, sorted[i]!.p);
  rest[maxSize] = tail.slice();
  for (let k = maxSize - 1; k >= 0; k -= 1) {
    tailLength = addCapped(tail, tailLength, sorted[k]!.p);
    rest[k] = tail.slice();
  }

  let best: BasketChoice = { productIds: [], none: true, expectedF1: -1 };
  const hits = new Float64Array(maxSize + 1);
  hits[0] = 1;
  for (let k = 0; k <= maxSize; k += 1) {
    if (k > 0) addBernoulli(hits, k, sorted[k - 1]!.p);
    const misses = rest[k]!;
    const nothingBought = hits[0]! * misses[0]!;
    let withoutNone = 0;
    let withNone = nothingBought * (2 / (k + 2));
    for (let tp = 0; tp <= k; tp += 1) {
      const pt = hits[tp]!;
      if (pt < 1e-12 || tp === 0) continue;
      for (let r = 0; r < width; r += 1) {
        const pr = misses[r]!;
        if (pr < 1e-12) continue;
        const joint = pt * pr;
        withoutNone += (joint * 2 * tp) / (k + tp + r);
        withNone += (joint * 2 * tp) / (k + 1 + tp + r);
      }
    }
    if (k > 0 && withoutNone > best.expectedF1) {
      best = { productIds: sorted.slice(0, k).map((c) => c.productId), none: false, expectedF1: withoutNone };
    }
    if ((k === 0 || allowMixed) && withNone > best.expectedF1) {
      best = { productIds: sorted.slice(0, k).map((c) => c.productId), none: true, expectedF1: withNone };
    }
  }
  return best;
}

/** Adds one Bernoulli item to a count distribution whose last cell means "this many or more". */
function addCapped(distribution: Float64Array, length: number, p: number): number {
  const last = distribution.length - 1;
  const overflow = length - 1 === last ? distribution[last]! * p : 0;
  const next = addBernoulli(distribution, length, p);
  if (overflow > 0) distribution[last]! += overflow;
  return next;
}
