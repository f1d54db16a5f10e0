/**
 * Replenishment state on the customer partition: a RHYTHM item and one PRED#product item per product bought,
 * each carrying its due day in the dueDay GSI (gsi1pk = DUE#yyyy-mm-dd) so the daily job reads only today's
 * partition. The consent ledger (CONSENT#reminders) keeps the current state and every change with its time and
 * platform.
 */
import dynamoose from 'dynamoose';
import type { ConsentEvent, PredictionItem, ReminderConsent, ReplenishmentRepository } from '../core/ports';
import type { CustomerRhythm, PurchaseState } from '../core/replenishment/state';
import { isConditionFailure, storeError } from './errors';
import { applyConsent, NO_CONSENT } from '../core/privacy/consent';
import { customerPk, duePk, dueSk, SK } from './keys';
import { vocartModel, type VocartItem } from './table';
import type { PlainItem } from './item-reads';

export const REMINDER_PURPOSE = 'reminders';

export function predictionItem(customerId: string, item: PredictionItem) {
  return {
    pk: customerPk(customerId),
    sk: SK.prediction(item.state.productId),
    type: 'prediction',
    state: item.state,
    ...(item.dueDay ? { dueDay: item.dueDay, gsi1pk: duePk(item.dueDay), gsi1sk: dueSk(customerId, item.state.productId) } : {}),
  };
}

export class DynamoReplenishmentRepository implements ReplenishmentRepository {
  private readonly model;

  constructor(tableName: string) {
    this.model = vocartModel(tableName);
  }

  async recordOrder(customerId: string, update: { rhythm: CustomerRhythm; items: PredictionItem[] }): Promise<void> {
    const pk = customerPk(customerId);
    // The rhythm's order number makes the update idempotent: a retried order finds it already applied.
    const writes = [
      this.model.transaction.create(
        { pk, sk: SK.rhythm, type: 'rhythm', rhythm: update.rhythm, lastOrderNumber: update.rhythm.lastOrderNumber },
        { overwrite: true, condition: new dynamoose.Condition().attribute('lastOrderNumber').not().exists().or().attribute('lastOrderNumber').lt(update.rhythm.lastOrderNumber) },
      ),
      // A new purchase starts a new cycle: its snooze and nudge marks go with the old item.
      ...update.items.map((item) => this.model.transaction.create(predictionItem(customerId, item), { overwrite: true })),
    ];
    try {
      await dynamoose.transaction(writes);
    } catch (error) {
      if (error instanceof Error && error.name === 'TransactionCanceledException' && /ConditionalCheckFailed/.test(JSON.stringify((error as { CancellationReasons?: unknown }).CancellationReasons ?? error.message))) return;
      throw storeError('record order for replenishment', error);
    }
  }

  async markNudged(customerId: string, productId: string, purchase: number): Promise<void> {
    try {
      await this.model.update({ pk: customerPk(customerId), sk: SK.prediction(productId) }, { nudgedForPurchase: purchase });
    } catch (error) {
      throw storeError('mark nudged', error);
    }
  }

  async snooze(customerId: string, productIds: string[], untilDay: string): Promise<void> {
    try {
      await Promise.all(productIds.map((productId) => this.model.update({ pk: customerPk(customerId), sk: SK.prediction(productId) }, { snoozedUntil: untilDay })));
    } catch (error) {
      throw storeError('snooze', error);
    }
  }

  async recordConsent(customerId: string, event: ConsentEvent): Promise<ReminderConsent> {
    const key = { pk: customerPk(customerId), sk: SK.consent(REMINDER_PURPOSE) };
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const existing = await this.model.get(key, { consistent: true });
        const current = existing ? toConsent(existing.toJSON() as VocartItem) : NO_CONSENT;
        const next = applyConsent(current, event);
        const version = typeof existing?.version === 'number' ? existing.version : 0;
        try {
          await this.model.create(
            { ...key, type: 'consent', ...next, version: version + 1 },
            { overwrite: true, condition: version === 0 ? new dynamoose.Condition().attribute('version').not().exists() : new dynamoose.Condition().attribute('version').eq(version) },
          );
          return next;
        } catch (error) {
          if (!isConditionFailure(error)) throw error;
        }
      }
      throw new Error('the consent ledger kept changing under us');
    } catch (error) {
      throw storeError('record consent', error);
    }
  }
}

export function toConsent(item: PlainItem): ReminderConsent {
  return {
    granted: item.granted === true,
    ...(typeof item.grantedAt === 'string' ? { grantedAt: item.grantedAt } : {}),
    ...(item.platform === 'alexa' || item.platform === 'google' ? { platform: item.platform } : {}),
    ...(typeof item.alexaUserId === 'string' ? { alexaUserId: item.alexaUserId } : {}),
    ...(Array.isArray(item.onlyProducts) ? { onlyProducts: item.onlyProducts as string[] } : {}),
    excludedProducts: Array.isArray(item.excludedProducts) ? (item.excludedProducts as string[]) : [],
    history: Array.isArray(item.history) ? (item.history as ConsentEvent[]) : [],
  };
}

export function toPredictionItem(item: PlainItem): PredictionItem {
  return {
    state: item.state as PurchaseState,
    ...(typeof item.dueDay === 'string' ? { dueDay: item.dueDay } : {}),
    ...(typeof item.snoozedUntil === 'string' ? { snoozedUntil: item.snoozedUntil } : {}),
    ...(typeof item.nudgedForPurchase === 'number' ? { nudgedForPurchase: item.nudgedForPurchase } : {}),
  };
}
