/**
 * What the reorder model sees about one previously bought product at one moment. Every value is computed
 * from the stored states and the priors only, so the skill and the evaluation see exactly the same thing.
 */
import { estimateDuration, probabilityRunOut, runOutScore, type DurationEstimate } from './duration';
import type { PredictionMoment } from './history';
import type { ProductPrior, ReplenishmentPriors } from './priors';
import type { CustomerRhythm, PurchaseState } from './state';
import { clamp, logit } from './stats';

export const FEATURE_NAMES = [
  'logPurchases',
  'orderShare',
  'shareSinceFirst',
  'logOrdersSinceLast',
  'inLastOrder',
  'recentShare',
  'runOutProbability',
  'runOutScore',
  'runOutScoreSquared',
  'productRepeatLogit',
  'productReorderLogit',
  'logBuyers',
  'customerRepeatShare',
  'logCustomerOrders',
  'logBasketSize',
  'gapRatio',
  'singlePurchase',
  'orderShareTimesRepeatShare',
  'shareSinceFirstTimesRecency',
  'customerBaseRateLogit',
  'logDistinctProducts',
  'recentShareTimesRepeatShare',
] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

const RECENT_WINDOW = 5;
/** Pseudo-lines pulling a new customer's repeat share towards everyone's. */
const CUSTOMER_STRENGTH = 10;

export interface CandidateContext {
  state: PurchaseState;
  rhythm: CustomerRhythm;
  prior: ProductPrior;
  priors: ReplenishmentPriors;
  moment: PredictionMoment;
  estimate?: DurationEstimate;
}

export function customerRepeatShare(rhythm: CustomerRhythm, priors: ReplenishmentPriors): number {
  const everyone = priors.lines > 0 ? priors.repeatLines / priors.lines : 0.5;
  return (rhythm.repeatLines + CUSTOMER_STRENGTH * everyone) / (rhythm.lines + CUSTOMER_STRENGTH);
}

/** Days since the customer's previous order, on the ratio scale of the customer's usual spacing. */
function gapRatio(rhythm: CustomerRhythm, moment: PredictionMoment): number {
  if (moment.day === undefined || rhythm.lastDay === undefined || rhythm.orderGapDays.n === 0) return 0;
  const usual = Math.exp(rhythm.orderGapDays.mean);
  return Math.log((Math.max(0, moment.day - rhythm.lastDay) + 1) / (usual + 1));
}

/** Writes the features of one candidate into `out` (length FEATURE_NAMES.length) and returns the duration estimate used. */
export function writeFeatures(context: CandidateContext, out: Float64Array): DurationEstimate {
  const { state, rhythm, prior, priors, moment } = context;
  const estimate = context.estimate ?? estimateDuration(state, rhythm, priors, prior);
  const ordersSinceLast = Math.max(1, moment.orderNumber - state.lastOrderNumber);
  const ordersSinceFirst = Math.max(1, moment.orderNumber - state.firstOrderNumber);
  const orders = Math.max(1, rhythm.orders);
  const orderShare = state.purchases / orders;
  const shareSinceFirst = Math.min(1, state.purchases / ordersSinceFirst);
  const window = Math.min(RECENT_WINDOW, orders);
  let recentPurchases = 0;
  for (const orderNumber of state.recentOrderNumbers) if (orderNumber >= moment.orderNumber - window) recentPurchases += 1;
  const recent = recentPurchases / window;
  const z = runOutScore(state, estimate, moment);
  const zClipped = z === undefined ? 0 : clamp(z, -3, 3);
  const repeatShare = customerRepeatShare(rhythm, priors);
  // Written by position in FEATURE_NAMES order; an object per row would cost the training loop its speed.
  out[0] = Math.log1p(state.purchases);
  out[1] = orderShare;
  out[2] = shareSinceFirst;
  out[3] = Math.log(ordersSinceLast);
  out[4] = ordersSinceLast === 1 ? 1 : 0;
  out[5] = recent;
  out[6] = probabilityRunOut(state, estimate, moment) ?? 0.5;
  out[7] = zClipped;
  out[8] = zClipped * zClipped;
  out[9] = logit(prior.repeatProbability);
  out[10] = logit(prior.reorderRate);
  out[11] = Math.log1p(Math.max(0, prior.buyers));
  out[12] = repeatShare;
  out[13] = Math.log(orders);
  out[14] = Math.log(Math.max(1, rhythm.lines / orders));
  out[15] = gapRatio(rhythm, moment);
  out[16] = state.purchases === 1 ? 1 : 0;
  out[17] = orderShare * repeatShare;
  out[18] = shareSinceFirst / ordersSinceLast;
  // A customer with many different products reorders each of them less often: the per-product base rate.
  const distinct = Math.max(1, rhythm.lines - rhythm.repeatLines);
  out[19] = logit(rhythm.repeatLines / Math.max(1, orders - 1) / distinct);
  out[20] = Math.log(distinct);
  out[21] = recent * repeatShare;
  return estimate;
}
