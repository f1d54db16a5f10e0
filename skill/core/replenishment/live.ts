/**
 * The predictor in the running skill: turn a placed order into the incremental update the store writes, and
 * decide at the moment the shopper speaks which products are due, skipping snoozed and excluded ones.
 */
import { consentCovers } from '../privacy/consent';
import type { Catalog, Order, PredictionItem, ReminderConsent, ReplenishmentSnapshot } from '../ports';
import { dueDay, estimateDuration } from './duration';
import { dayOf } from './history';
import { dueCandidates, rankCandidates, type Candidate } from './predict';
import type { ReplenishmentPriors } from './priors';
import { applyOrder, type CustomerRhythm, type PurchaseState } from './state';

const DAY_MS = 86_400_000;

export function isoDay(day: number): string {
  return new Date(Math.floor(day) * DAY_MS).toISOString().slice(0, 10);
}

/** The due day of a product's current supply, as the ISO day the GSI is partitioned by. */
export function dueDayOf(state: PurchaseState, rhythm: CustomerRhythm | undefined, priors: ReplenishmentPriors): string | undefined {
  const day = dueDay(estimateDuration(state, rhythm, priors));
  return day === undefined ? undefined : isoDay(day);
}

/**
 * The update for one placed order: only the order's products are touched, so the cost follows the order's lines.
 * Returns undefined when the order is already reflected (a retry).
 */
export function updateForOrder(
  snapshot: ReplenishmentSnapshot | undefined,
  customerId: string,
  order: Order,
  catalog: Catalog,
  priors: ReplenishmentPriors,
): { rhythm: CustomerRhythm; items: PredictionItem[] } | undefined {
  const rhythm = snapshot?.rhythm;
  const placedDay = dayOf(new Date(order.placedAt));
  // An order older than the last one seen is a late retry; same-day orders are real (a forgotten item).
  if (rhythm?.lastDay !== undefined && rhythm.lastDay > placedDay) return undefined;
  const current = new Map((snapshot?.items ?? []).filter((item) => order.lines.some((line) => line.productId === item.state.productId)).map((item) => [item.state.productId, item.state]));
  const update = applyOrder(rhythm, current, customerId, {
    moment: { orderNumber: (rhythm?.lastOrderNumber ?? 0) + 1, day: placedDay },
    lines: order.lines.map((line) => {
      const categoryId = catalog.get(line.productId)?.aisleId;
      return { productId: line.productId, quantity: line.quantity, ...(categoryId ? { categoryId } : {}) };
    }),
  });
  return {
    rhythm: update.rhythm,
    items: update.states.map((state) => {
      const due = dueDayOf(state, update.rhythm, priors);
      return { state, ...(due ? { dueDay: due } : {}) };
    }),
  };
}

export interface DueProduct {
  productId: string;
  runOutProbability: number;
  /** Units the shopper bought last time: what "yes" puts in the cart. */
  lastUnits: number;
  /** The purchase (order number) the current supply comes from. */
  purchase: number;
  /** How many orders contained the product. */
  purchases: number;
  nudgedThisCycle: boolean;
}

/** Products due now, most run-out first; snoozed and excluded products are left out. */
export function dueProducts(snapshot: ReplenishmentSnapshot | undefined, now: Date, priors: ReplenishmentPriors, consent?: ReminderConsent): DueProduct[] {
  const rhythm = snapshot?.rhythm;
  if (!rhythm || !snapshot || snapshot.items.length === 0) return [];
  const today = isoDay(dayOf(now));
  const byProduct = new Map(snapshot.items.map((item) => [item.state.productId, item]));
  const candidates: Candidate[] = rankCandidates(rhythm, snapshot.items.map((item) => item.state), {
    priors,
    moment: { orderNumber: rhythm.lastOrderNumber + 1, day: dayOf(now) },
  });
  return dueCandidates(candidates).flatMap((candidate) => {
    const item = byProduct.get(candidate.productId);
    if (!item || (consent && !consentCovers(consent, candidate.productId))) return [];
    if (item.snoozedUntil && item.snoozedUntil > today) return [];
    return [
      {
        productId: candidate.productId,
        runOutProbability: candidate.runOutProbability ?? 0,
        lastUnits: Math.max(1, Math.round(item.state.lastUnits)),
        purchase: item.state.lastOrderNumber,
        purchases: item.state.purchases,
        nudgedThisCycle: item.nudgedForPurchase === item.state.lastOrderNumber,
      },
    ];
  });
}
