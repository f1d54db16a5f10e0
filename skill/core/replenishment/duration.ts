/**
 * How long a customer's supply of a product lasts and when it runs out, with uncertainty: a log-normal
 * duration per unit whose mean is the customer's own gaps shrunk towards the product prior, and whose
 * spread reflects both the customer's regularity and how little is known.
 */
import type { PredictionMoment } from './history';
import { productPrior, rhythmVariance, typicalRhythmVariance, type GapPrior, type ReplenishmentPriors } from './priors';
import { MIN_GAP_DAYS, type CustomerRhythm, type PurchaseState } from './state';
import { clamp, normalCdf, type RunningMoments } from './stats';

export type DurationUnit = 'day' | 'order';

export interface DurationEstimate {
  /** Days when purchases are dated, else orders (Ta-Feng knows only the order sequence). */
  unit: DurationUnit;
  /** Mean of ln(duration of one unit). */
  logMeanPerUnit: number;
  /** Predictive standard deviation of ln(duration). */
  logSd: number;
  /** Median duration of one unit, and of what was bought last time (units × per unit). */
  medianPerUnit: number;
  medianForLastPurchase: number;
  /** When the last purchase runs out (median), in the unit: a day, or an order number. */
  runsOutAt: number;
  /** The customer's own gaps behind the estimate (0: the prior alone). */
  observations: number;
}

/** Pseudo-observations the prior's within-customer spread is worth against the customer's own spread. */
const WITHIN_STRENGTH = 3;

function posterior(own: RunningMoments, prior: GapPrior, withinPrior: number): { mean: number; sd: number } {
  const n = own.n;
  const within = (WITHIN_STRENGTH * withinPrior + own.m2) / (WITHIN_STRENGTH + Math.max(0, n - 1));
  const precision = 1 / prior.betweenVar + n / within;
  const meanVar = 1 / precision;
  const mean = meanVar * (prior.mean / prior.betweenVar + (n * own.mean) / within);
  return { mean, sd: Math.sqrt(within + meanVar) };
}

/**
 * A regular shopper's purchases of anything are more predictable: the prior's within-customer spread is
 * scaled by how the customer's spacing of orders compares with a typical customer's (bounded both ways).
 */
function regularityFactor(rhythm: CustomerRhythm | undefined, priors: ReplenishmentPriors): number {
  if (rhythm === undefined) return 1;
  const own = rhythmVariance(rhythm);
  const typical = typicalRhythmVariance(priors);
  if (own === undefined || typical === undefined || typical <= 0) return 1;
  return clamp(own / typical, 0.5, 2);
}

export function estimateDuration(
  state: PurchaseState,
  rhythm: CustomerRhythm | undefined,
  priors: ReplenishmentPriors,
  prior = productPrior(priors, state.productId, state.categoryId),
): DurationEstimate {
  const dated = state.lastDay !== undefined;
  const unit: DurationUnit = dated ? 'day' : 'order';
  const gapPrior = dated ? prior.dayGap : prior.orderGap;
  const own = dated ? state.dayGaps : state.orderGaps;
  const factor = dated ? regularityFactor(rhythm, priors) : 1;
  const { mean, sd } = posterior(own, gapPrior, gapPrior.withinVar * factor);
  const medianPerUnit = Math.exp(mean);
  const medianForLastPurchase = medianPerUnit * state.lastUnits;
  const start = dated ? state.lastDay! : state.lastOrderNumber;
  return {
    unit,
    logMeanPerUnit: mean,
    logSd: sd,
    medianPerUnit,
    medianForLastPurchase,
    runsOutAt: start + medianForLastPurchase,
    observations: own.n,
  };
}

/** Time since the last purchase at `moment`, in the estimate's unit; undefined when the moment lacks that clock. */
export function elapsedSinceLastPurchase(state: PurchaseState, estimate: DurationEstimate, moment: PredictionMoment): number | undefined {
  if (estimate.unit === 'day') return moment.day !== undefined ? moment.day - state.lastDay! : undefined;
  return moment.orderNumber - state.lastOrderNumber;
}

/** Standardised position of `moment` in the run-out distribution: 0 is the median, +1 one sd later. */
export function runOutScore(state: PurchaseState, estimate: DurationEstimate, moment: PredictionMoment): number | undefined {
  const elapsed = elapsedSinceLastPurchase(state, estimate, moment);
  if (elapsed === undefined) return undefined;
  const perUnit = Math.max(elapsed, MIN_GAP_DAYS) / state.lastUnits;
  return (Math.log(perUnit) - estimate.logMeanPerUnit) / estimate.logSd;
}

/** Probability that the last purchase has run out by `moment` (undefined when the moment has no usable clock). */
export function probabilityRunOut(state: PurchaseState, estimate: DurationEstimate, moment: PredictionMoment): number | undefined {
  const z = runOutScore(state, estimate, moment);
  return z === undefined ? undefined : normalCdf(z);
}

/**
 * The whole day the product falls due (median run-out): the sort key of the due-day GSI. Undefined when
 * purchases are not dated.
 */
export function dueDay(estimate: DurationEstimate): number | undefined {
  return estimate.unit === 'day' ? Math.floor(estimate.runsOutAt) : undefined;
}
