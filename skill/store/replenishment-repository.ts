/**
 * Replenishment state on the customer partition: a RHYTHM item (which also carries the prediction basis, see
 * prediction-basis.ts) and one PRED#product item per product bought, each carrying its due day in the dueDay GSI
 * (gsi1pk = DUE#yyyy-mm-dd) so the daily job reads only today's partition. The consent ledger (CONSENT#reminders)
 * keeps the current state and every change with its time and platform.
 */
import { BatchWriteItemCommand, GetItemCommand, PutItemCommand, TransactWriteItemsCommand, UpdateItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { ConsentEvent, PredictionItem, ReminderConsent, ReplenishmentRepository, ReplenishmentUpdate } from '../core/ports';
import type { PurchaseState } from '../core/replenishment/state';
import { isConditionFailure, isTransactionConditionFailure, storeError } from './errors';
import { applyConsent, NO_CONSENT } from '../core/privacy/consent';
import { customerPk, duePk, dueSk, SK } from './keys';
import type { PlainItem } from './item-reads';
import { basisUpdate, distinctItems } from './prediction-basis';

export const REMINDER_PURPOSE = 'reminders';

/** TransactWriteItems takes at most 100 actions. */
export const MAX_TRANSACTION_ACTIONS = 100;

export function predictionItem(customerId: string, item: PredictionItem) {
  return {
    pk: customerPk(customerId),
    sk: SK.prediction(item.state.productId),
    type: 'prediction',
    state: item.state,
    ...(item.dueDay ? { dueDay: item.dueDay, gsi1pk: duePk(item.dueDay), gsi1sk: dueSk(customerId, item.state.productId) } : {}),
  };
}

/**
 * The raw Puts of an order's prediction items. A new purchase starts a new cycle: the snooze and nudge marks the
 * daily job and the turns set go with the old item (a Put replaces it whole).
 */
export function predictionPuts(tableName: string, customerId: string, items: readonly PredictionItem[]) {
  return distinctItems(items).map((item) => ({ Put: { TableName: tableName, Item: marshall(predictionItem(customerId, item), { removeUndefinedValues: true }) } }));
}

export class DynamoReplenishmentRepository implements ReplenishmentRepository {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
  ) {}

  async recordOrder(customerId: string, update: ReplenishmentUpdate): Promise<void> {
    // The rhythm's order number makes the update idempotent: a retried order finds it already applied.
    const puts = predictionPuts(this.tableName, customerId, update.items);
    const first = puts.slice(0, MAX_TRANSACTION_ACTIONS - 1);
    try {
      await this.client.send(new TransactWriteItemsCommand({ TransactItems: [{ Update: basisUpdate(this.tableName, customerId, update, { onlyIfNewer: true }) }, ...first] }));
    } catch (error) {
      if (isTransactionConditionFailure(error)) return;
      throw storeError('record order for replenishment', error);
    }
    // Only an order of more products than one transaction takes gets here: the rhythm already says it is applied.
    try {
      await writeRest(this.client, this.tableName, puts.slice(first.length).map((action) => action.Put.Item));
    } catch (error) {
      throw storeError('record order for replenishment', error);
    }
  }

  async markNudged(customerId: string, productId: string, purchase: number): Promise<void> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: marshall({ pk: customerPk(customerId), sk: SK.prediction(productId) }),
          UpdateExpression: 'SET #nudged = :purchase',
          ExpressionAttributeNames: { '#nudged': 'nudgedForPurchase' },
          ExpressionAttributeValues: marshall({ ':purchase': purchase }),
        }),
      );
    } catch (error) {
      throw storeError('mark nudged', error);
    }
  }

  async snooze(customerId: string, productIds: string[], untilDay: string): Promise<void> {
    try {
      await Promise.all(
        productIds.map((productId) =>
          this.client.send(
            new UpdateItemCommand({
              TableName: this.tableName,
              Key: marshall({ pk: customerPk(customerId), sk: SK.prediction(productId) }),
              UpdateExpression: 'SET #snoozed = :until',
              ExpressionAttributeNames: { '#snoozed': 'snoozedUntil' },
              ExpressionAttributeValues: marshall({ ':until': untilDay }),
            }),
          ),
        ),
      );
    } catch (error) {
      throw storeError('snooze', error);
    }
  }

  async recordConsent(customerId: string, event: ConsentEvent): Promise<ReminderConsent> {
    const key = { pk: customerPk(customerId), sk: SK.consent(REMINDER_PURPOSE) };
    try {
      for (let attempt = 0; attempt < 3; attempt++) {
        const result = await this.client.send(new GetItemCommand({ TableName: this.tableName, Key: marshall(key), ConsistentRead: true }));
        const existing = result.Item ? (unmarshall(result.Item) as PlainItem) : undefined;
        const current = existing ? toConsent(existing) : NO_CONSENT;
        const next = applyConsent(current, event);
        const version = typeof existing?.version === 'number' ? existing.version : 0;
        try {
          // Versioned: two devices changing consent at once cannot lose one of the changes.
          await this.client.send(
            new PutItemCommand({
              TableName: this.tableName,
              Item: marshall({ ...key, type: 'consent', ...next, version: version + 1 }, { removeUndefinedValues: true }),
              ConditionExpression: version === 0 ? 'attribute_not_exists(#version)' : '#version = :version',
              ExpressionAttributeNames: { '#version': 'version' },
              ...(version === 0 ? {} : { ExpressionAttributeValues: marshall({ ':version': version }) }),
            }),
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

/** BatchWriteItem, 25 puts at a time, unprocessed items retried a few times. */
async function writeRest(client: DynamoDBClient, tableName: string, items: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 4) throw new Error(`${pending.length} prediction items could not be written`);
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending as never } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
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
