/**
 * At the moment the shopper speaks: which previously bought products are due, and all candidates ranked by
 * the probability that they belong in this order (products never bought join with a popularity-based chance).
 */
import { estimateDuration, probabilityRunOut, type DurationEstimate } from './duration';
import { FEATURE_NAMES, writeFeatures } from './features';
import type { PredictionMoment } from './history';
import { reorderProbability, type ReorderModel } from './model';
import { contributionOf, productPrior, type ProductPrior, type ReplenishmentPriors } from './priors';
import type { CustomerRhythm, PurchaseState } from './state';

export interface Candidate {
  productId: string;
  /** Probability that the product is in the order placed at the moment. */
  probability: number;
  /** False for a product this customer never bought (a popular product suggested for discovery). */
  repeat: boolean;
  /** For repeat candidates: the duration estimate and the chance the last purchase has run out by now. */
  estimate?: DurationEstimate;
  runOutProbability?: number;
  /** Run-out probability at or above the due threshold. */
  due: boolean;
}

export interface PredictionOptions {
  priors: ReplenishmentPriors;
  moment: PredictionMoment;
  /** Without a model the probability is a transparent heuristic (personal rate × how run-out it is). */
  model?: ReorderModel;
  /** Leave the customer's own history out of the product priors (evaluation on customers inside the priors). */
  excludeOwnContribution?: boolean;
  /** How many popular never-bought products may join the ranking (default 0). */
  explore?: number;
  /** Run-out probability from which a product counts as due (default 0.5: past its median run-out). */
  dueThreshold?: number;
}

/** A customer's prior for each product, computed once per product per call. */
export function priorLookup(
  priors: ReplenishmentPriors,
  rhythm: CustomerRhythm,
  excludeOwn: boolean,
): (state: PurchaseState) => ProductPrior {
  return (state) => productPrior(priors, state.productId, state.categoryId, excludeOwn ? contributionOf(state, rhythm) : undefined);
}

/** The heuristic used without a trained model: how often the customer buys it since first buying it, raised when it has run out. */
function heuristicProbability(state: PurchaseState, prior: ProductPrior, moment: PredictionMoment, runOut: number | undefined): number {
  const chances = Math.max(1, moment.orderNumber - state.firstOrderNumber);
  const rate = (state.purchases - 1 + 2 * prior.reorderRate) / (chances - 1 + 2);
  return Math.min(1, rate * (0.5 + (runOut ?? 0.5)));
}

const popularCache = new WeakMap<ReplenishmentPriors, string[]>();

/** Products ordered by how many customers bought them: the discovery candidates. */
export function popularProducts(priors: ReplenishmentPriors, limit: number): string[] {
  let sorted = popularCache.get(priors);
  if (sorted === undefined) {
    sorted = Object.entries(priors.products)
      .sort((a, b) => b[1].buyers - a[1].buyers || (a[0] < b[0] ? -1 : 1))
      .map(([id]) => id);
    popularCache.set(priors, sorted);
  }
  return sorted.slice(0, limit);
}

/** Expected number of never-bought products in the customer's next order (shrunk towards everyone's). */
function expectedNewProducts(rhythm: CustomerRhythm, priors: ReplenishmentPriors): number {
  const everyone = priors.orders > 0 ? (priors.lines - priors.repeatLines) / priors.orders : 1;
  const strength = 3;
  return (rhythm.lines - rhythm.repeatLines + strength * everyone) / (rhythm.orders + strength);
}

/** All candidates for the order placed at `options.moment`, most probable first. */
export function rankCandidates(
  rhythm: CustomerRhythm,
  states: Iterable<PurchaseState>,
  options: PredictionOptions,
): Candidate[] {
  const { priors, moment, model } = options;
  const threshold = options.dueThreshold ?? 0.5;
  const priorOf = priorLookup(priors, rhythm, options.excludeOwnContribution ?? false);
  const features = new Float64Array(FEATURE_NAMES.length);
  const candidates: Candidate[] = [];
  const bought = new Set<string>();
  for (const state of states) {
    bought.add(state.productId);
    const prior = priorOf(state);
    const estimate = model
      ? writeFeatures({ state, rhythm, prior, priors, moment }, features)
      : estimateDuration(state, rhythm, priors, prior);
    const runOut = probabilityRunOut(state, estimate, moment);
    const probability = model ? reorderProbability(model, features) : heuristicProbability(state, prior, moment, runOut);
    candidates.push({
      productId: state.productId,
      probability,
      repeat: true,
      estimate,
      ...(runOut !== undefined ? { runOutProbability: runOut } : {}),
      due: runOut !== undefined && runOut >= threshold,
    });
  }
  const explore = options.explore ?? 0;
  if (explore > 0) {
    const expected = expectedNewProducts(rhythm, priors) * Number(globalThis.process?.env.TUNE_ALPHA ?? 1);
    for (const productId of popularProducts(priors, explore + bought.size)) {
      if (bought.has(productId)) continue;
      const share = productPrior(priors, productId).firstPurchaseShare;
      candidates.push({ productId, probability: 1 - Math.exp(-expected * share), repeat: false, due: false });
    }
  }
  return candidates.sort((a, b) => b.probability - a.probability || (a.productId < b.productId ? -1 : 1));
}

/** The previously bought products that are due at the moment, most run-out first. */
export function dueCandidates(candidates: readonly Candidate[]): Candidate[] {
  return candidates.filter((c) => c.due).sort((a, b) => (b.runOutProbability ?? 0) - (a.runOutProbability ?? 0));
}
