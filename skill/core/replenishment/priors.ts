/**
 * Knowledge pooled across customers, for the products (and categories) a customer has bought too rarely to
 * know alone. Priors are sums, so they serialise as plain JSON, merge by addition, and one customer's own
 * contribution can be taken out again (the evaluation does so to keep each customer out of its own prior).
 */
import { replayHistory, type CustomerRhythm, type PurchaseState } from './state';
import type { CustomerHistory } from './history';
import { sampleVariance, type RunningMoments } from './stats';

/** Per-customer means and within-customer spread of a log gap, summed over customers. */
export interface GapTally {
  customers: number;
  meanSum: number;
  meanSumSq: number;
  withinSS: number;
  withinDf: number;
}

export interface ProductTally {
  /** Customers who bought it, and those who bought it again. */
  buyers: number;
  repeatBuyers: number;
  /** Orders containing it. */
  purchases: number;
  /** Orders placed after a customer's first purchase of it: chances to buy it again. */
  opportunities: number;
  dayGaps: GapTally;
  orderGaps: GapTally;
}

export interface ReplenishmentPriors {
  version: 1;
  customers: number;
  orders: number;
  lines: number;
  repeatLines: number;
  /** Customers' log gaps between orders: the reference for "regular" and "irregular" shoppers. */
  rhythm: GapTally;
  all: ProductTally;
  products: Record<string, ProductTally & { categoryId?: string }>;
  categories: Record<string, ProductTally>;
}

const emptyGap = (): GapTally => ({ customers: 0, meanSum: 0, meanSumSq: 0, withinSS: 0, withinDf: 0 });
const emptyTally = (): ProductTally => ({
  buyers: 0,
  repeatBuyers: 0,
  purchases: 0,
  opportunities: 0,
  dayGaps: emptyGap(),
  orderGaps: emptyGap(),
});

export function emptyPriors(): ReplenishmentPriors {
  return { version: 1, customers: 0, orders: 0, lines: 0, repeatLines: 0, rhythm: emptyGap(), all: emptyTally(), products: {}, categories: {} };
}

function gapOf(moments: RunningMoments): GapTally {
  if (moments.n === 0) return emptyGap();
  return { customers: 1, meanSum: moments.mean, meanSumSq: moments.mean ** 2, withinSS: moments.m2, withinDf: moments.n - 1 };
}

/** What one customer's state adds to its product's tally. */
export function contributionOf(state: PurchaseState, rhythm: CustomerRhythm): ProductTally {
  return {
    buyers: 1,
    repeatBuyers: state.purchases >= 2 ? 1 : 0,
    purchases: state.purchases,
    opportunities: Math.max(0, rhythm.lastOrderNumber - state.firstOrderNumber),
    dayGaps: gapOf(state.dayGaps),
    orderGaps: gapOf(state.orderGaps),
  };
}

function addGap(into: GapTally, from: GapTally, sign: 1 | -1): void {
  into.customers += sign * from.customers;
  into.meanSum += sign * from.meanSum;
  into.meanSumSq += sign * from.meanSumSq;
  into.withinSS += sign * from.withinSS;
  into.withinDf += sign * from.withinDf;
}

function addTally(into: ProductTally, from: ProductTally, sign: 1 | -1): void {
  into.buyers += sign * from.buyers;
  into.repeatBuyers += sign * from.repeatBuyers;
  into.purchases += sign * from.purchases;
  into.opportunities += sign * from.opportunities;
  addGap(into.dayGaps, from.dayGaps, sign);
  addGap(into.orderGaps, from.orderGaps, sign);
}

function copyTally(tally: ProductTally): ProductTally {
  return { ...tally, dayGaps: { ...tally.dayGaps }, orderGaps: { ...tally.orderGaps } };
}

/** Adds one customer (its rhythm and final product states) to `priors`, in place: for building priors in a stream. */
export function addCustomer(priors: ReplenishmentPriors, rhythm: CustomerRhythm, states: Iterable<PurchaseState>): void {
  priors.customers += 1;
  priors.orders += rhythm.orders;
  priors.lines += rhythm.lines;
  priors.repeatLines += rhythm.repeatLines;
  addGap(priors.rhythm, gapOf(rhythm.orderGapDays), 1);
  for (const state of states) {
    const contribution = contributionOf(state, rhythm);
    const product = (priors.products[state.productId] ??= emptyTally());
    addTally(product, contribution, 1);
    if (state.categoryId !== undefined) {
      (product as { categoryId?: string }).categoryId = state.categoryId;
      addTally((priors.categories[state.categoryId] ??= emptyTally()), contribution, 1);
    }
    addTally(priors.all, contribution, 1);
  }
}

/** Priors from many customers' histories. */
export function buildPriors(histories: Iterable<CustomerHistory>): ReplenishmentPriors {
  const priors = emptyPriors();
  for (const history of histories) {
    const { rhythm, states } = replayHistory(history.customerId, history.orders);
    if (rhythm !== undefined) addCustomer(priors, rhythm, states.values());
  }
  return priors;
}

/** A log-normal prior for how long one unit lasts: mean and spread of customers' means, and the spread within a customer. */
export interface GapPrior {
  mean: number;
  betweenVar: number;
  withinVar: number;
  /** Customers behind it (before shrinkage): how much it can be trusted. */
  customers: number;
}

export interface ProductPrior {
  buyers: number;
  /** Share of its buyers who bought it again (shrunk towards the category and all products). */
  repeatProbability: number;
  /** Chance it is in any given later order of a buyer (shrunk likewise). */
  reorderRate: number;
  /** Its share of all first purchases: how likely a customer who never bought it picks it up. */
  firstPurchaseShare: number;
  /** In days per unit (a generic fallback where no dated purchases are known). */
  dayGap: GapPrior;
  /** In orders per unit. */
  orderGap: GapPrior;
}

/** Used when nothing at all is known: a monthly, once-every-few-orders product with wide uncertainty. */
const FALLBACK_DAY_GAP: GapPrior = { mean: Math.log(30), betweenVar: 1, withinVar: 0.5, customers: 0 };
const FALLBACK_ORDER_GAP: GapPrior = { mean: Math.log(3), betweenVar: 1, withinVar: 0.5, customers: 0 };
/** Pseudo-counts: how much evidence a level needs before it outweighs the level above it. */
const PROBABILITY_STRENGTH = 10;
const GAP_STRENGTH = 4;
const MIN_VARIANCE = 0.02;

function shrinkGap(tally: GapTally, parent: GapPrior): GapPrior {
  const c = tally.customers;
  if (c <= 0) return parent;
  const ownMean = tally.meanSum / c;
  const weight = c / (c + GAP_STRENGTH);
  const ownBetween = c >= 2 ? Math.max(0, (tally.meanSumSq - c * ownMean * ownMean) / (c - 1)) : parent.betweenVar;
  return {
    mean: weight * ownMean + (1 - weight) * parent.mean,
    betweenVar: Math.max(MIN_VARIANCE, weight * ownBetween + (1 - weight) * parent.betweenVar),
    withinVar: Math.max(MIN_VARIANCE, (tally.withinSS + GAP_STRENGTH * parent.withinVar) / (tally.withinDf + GAP_STRENGTH)),
    customers: c,
  };
}

function shrinkRate(hits: number, trials: number, parent: number): number {
  return (hits + PROBABILITY_STRENGTH * parent) / (trials + PROBABILITY_STRENGTH);
}

interface LevelPrior {
  repeatProbability: number;
  reorderRate: number;
  dayGap: GapPrior;
  orderGap: GapPrior;
}

function levelOf(tally: ProductTally, parent: LevelPrior): LevelPrior {
  return {
    repeatProbability: shrinkRate(tally.repeatBuyers, tally.buyers, parent.repeatProbability),
    reorderRate: shrinkRate(tally.purchases - tally.buyers, tally.opportunities, parent.reorderRate),
    dayGap: shrinkGap(tally.dayGaps, parent.dayGap),
    orderGap: shrinkGap(tally.orderGaps, parent.orderGap),
  };
}

const ROOT: LevelPrior = { repeatProbability: 0.3, reorderRate: 0.1, dayGap: FALLBACK_DAY_GAP, orderGap: FALLBACK_ORDER_GAP };

/** Cache of the all-products and category levels: they are asked for once per candidate. */
const levelCache = new WeakMap<ReplenishmentPriors, { all: LevelPrior; categories: Map<string, LevelPrior> }>();

function cachedLevels(priors: ReplenishmentPriors): { all: LevelPrior; categories: Map<string, LevelPrior> } {
  let cached = levelCache.get(priors);
  if (cached === undefined) {
    cached = { all: levelOf(priors.all, ROOT), categories: new Map() };
    levelCache.set(priors, cached);
  }
  return cached;
}

function without(tally: ProductTally | undefined, exclude: ProductTally): ProductTally {
  const copy = copyTally(tally ?? emptyTally());
  addTally(copy, exclude, -1);
  return copy;
}

/**
 * The prior for one product: its own tally shrunk towards its category's, shrunk towards all products'.
 * `exclude` takes a customer's own contribution out of all three levels (leave-one-customer-out), so a
 * customer's own history never poses as other customers' evidence.
 */
export function productPrior(
  priors: ReplenishmentPriors,
  productId: string,
  categoryId?: string,
  exclude?: ProductTally,
): ProductPrior {
  const levels = cachedLevels(priors);
  const stored = priors.products[productId];
  const category = categoryId ?? stored?.categoryId;
  const categoryTally = category !== undefined ? priors.categories[category] : undefined;
  let parent: LevelPrior;
  let tally: ProductTally;
  if (exclude !== undefined && stored !== undefined) {
    const all = levelOf(without(priors.all, exclude), ROOT);
    parent = categoryTally !== undefined ? levelOf(without(categoryTally, exclude), all) : all;
    tally = without(stored, exclude);
  } else {
    parent = levels.all;
    if (category !== undefined && categoryTally !== undefined) {
      let level = levels.categories.get(category);
      if (level === undefined) {
        level = levelOf(categoryTally, levels.all);
        levels.categories.set(category, level);
      }
      parent = level;
    }
    tally = stored ?? emptyTally();
  }
  const own = levelOf(tally, parent);
  const firstPurchases = Math.max(1, priors.lines - priors.repeatLines);
  return {
    buyers: tally.buyers,
    repeatProbability: own.repeatProbability,
    reorderRate: own.reorderRate,
    firstPurchaseShare: Math.max(0, tally.buyers) / firstPurchases,
    dayGap: own.dayGap,
    orderGap: own.orderGap,
  };
}

/** Typical within-customer variance of log gaps between orders, the yardstick of a shopper's regularity. */
export function typicalRhythmVariance(priors: ReplenishmentPriors): number | undefined {
  return priors.rhythm.withinDf >= 2 ? priors.rhythm.withinSS / priors.rhythm.withinDf : undefined;
}

/** The customer's own variance of log gaps between orders, when there are enough orders to tell. */
export function rhythmVariance(rhythm: CustomerRhythm): number | undefined {
  return rhythm.orderGapDays.n >= 3 ? sampleVariance(rhythm.orderGapDays) : undefined;
}
