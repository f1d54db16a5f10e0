/**
 * Builds the reorder model's examples from past orders only: for each customer, replay the history and at
 * each order k ask, for every product bought before k, "is it in order k?". Nothing after k is used except
 * the customer's own contribution to the priors, which is taken out (leave-one-customer-out).
 */
import { FEATURE_NAMES, writeFeatures } from '../features';
import type { CustomerHistory } from '../history';
import type { TrainingSet } from '../model';
import { priorLookup } from '../predict';
import type { ProductPrior, ReplenishmentPriors } from '../priors';
import { applyOrder, replayHistory, type CustomerRhythm, type CustomerStates, type PurchaseState } from '../state';

export interface TrainingSetOptions {
  /** Only the last k orders of each customer become targets (the recent ones resemble the next order most). */
  targetsPerCustomer?: number;
  /**
   * Cap on examples. Above it, examples are sampled uniformly (deterministically), which keeps the model's
   * probabilities calibrated, unlike cutting off customers or negatives.
   */
  maxRows?: number;
  /** The customers' states after their whole histories, when the caller has them already (saves a replay). */
  finalStates?: ReadonlyMap<string, CustomerStates>;
}

const WIDTH = FEATURE_NAMES.length;

function firstTargetOf(history: CustomerHistory, targets: number): number {
  return Math.max(1, history.orders.length - targets);
}

/** How many examples the histories yield: products bought before each target order, summed. */
function countExamples(histories: readonly CustomerHistory[], targets: number): number {
  let total = 0;
  for (const history of histories) {
    const seen = new Set<string>();
    const firstTarget = firstTargetOf(history, targets);
    history.orders.forEach((order, k) => {
      if (k >= firstTarget) total += seen.size;
      for (const line of order.lines) seen.add(line.productId);
    });
  }
  return total;
}

/** A fixed pseudo-random number in [0, 1) for the n-th example: the same sample on every run. */
function sampleValue(n: number): number {
  let x = Math.imul(n ^ 0x9e3779b9, 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return ((x ^ (x >>> 16)) >>> 0) / 4294967296;
}

export function collectTrainingSet(
  histories: readonly CustomerHistory[],
  priors: ReplenishmentPriors,
  options: TrainingSetOptions = {},
): TrainingSet {
  const targets = options.targetsPerCustomer ?? Number.POSITIVE_INFINITY;
  const maxRows = options.maxRows ?? 250_000;
  const total = countExamples(histories, targets);
  const keepRate = total > maxRows ? maxRows / total : 1;
  const capacity = Math.min(total, Math.ceil(maxRows * 1.05) + 16);
  const features = new Float32Array(WIDTH * capacity);
  const labels = new Uint8Array(capacity);
  let rows = 0;
  let ordinal = 0;
  const row = new Float64Array(WIDTH);
  for (const history of histories) {
    const final = options.finalStates?.get(history.customerId) ?? replayHistory(history.customerId, history.orders);
    if (final.rhythm === undefined) continue;
    // The customer's whole contribution is removed, looked up by product from the final states.
    const ownPrior = priorLookup(priors, final.rhythm, true);
    const priorCache = new Map<string, ProductPrior>();
    const firstTarget = firstTargetOf(history, targets);
    let rhythm: CustomerRhythm | undefined;
    const states = new Map<string, PurchaseState>();
    for (let k = 0; k < history.orders.length; k += 1) {
      const order = history.orders[k]!;
      if (k >= firstTarget && rhythm !== undefined) {
        const inOrder = new Set(order.lines.map((line) => line.productId));
        for (const state of states.values()) {
          ordinal += 1;
          if ((keepRate < 1 && sampleValue(ordinal) >= keepRate) || rows >= capacity) continue;
          let prior = priorCache.get(state.productId);
          if (prior === undefined) {
            prior = ownPrior(final.states.get(state.productId)!);
            priorCache.set(state.productId, prior);
          }
          writeFeatures({ state, rhythm, prior, priors, moment: order.moment }, row);
          features.set(row, rows * WIDTH);
          labels[rows] = inOrder.has(state.productId) ? 1 : 0;
          rows += 1;
        }
      }
      const update = applyOrder(rhythm, states, history.customerId, order);
      rhythm = update.rhythm;
      for (const state of update.states) states.set(state.productId, state);
    }
  }
  return { features: features.subarray(0, rows * WIDTH), labels: labels.subarray(0, rows), rows };
}
