/**
 * Writes prediction and consent items in bulk, laid out exactly as the store writes them (predictionItem, the
 * consent ledger's fields), for the daily-run tests and the benchmark. BatchWriteItem, 25 items a request.
 */
import { BatchWriteItemCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { EMPTY_MOMENTS } from '../../../skill/core/replenishment/stats';
import type { PurchaseState } from '../../../skill/core/replenishment/state';
import { customerPk, SK } from '../../../skill/store/keys';
import { predictionItem, REMINDER_PURPOSE } from '../../../skill/store/replenishment-repository';

export interface PredictionSpec {
  customerId: string;
  productId: string;
  dueDay: string;
  purchases?: number;
  lastOrderNumber?: number;
  snoozedUntil?: string;
  remindedForPurchase?: number;
}

export interface ConsentSpec {
  customerId: string;
  granted: boolean;
  alexaUserId?: string;
  excludedProducts?: string[];
  locale?: 'en-US' | 'de-DE';
}

export function toAttribute(value: unknown): AttributeValue {
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number') return { N: String(value) };
  if (typeof value === 'boolean') return { BOOL: value };
  if (Array.isArray(value)) return { L: value.map(toAttribute) };
  if (value && typeof value === 'object') return { M: toItem(value as Record<string, unknown>) };
  return { NULL: true };
}

export function toItem(value: Record<string, unknown>): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined).map(([key, entry]) => [key, toAttribute(entry)]));
}

export function purchaseState(productId: string, purchases: number, lastOrderNumber: number): PurchaseState {
  return {
    productId,
    purchases,
    totalUnits: purchases,
    firstOrderNumber: Math.max(1, lastOrderNumber - purchases + 1),
    lastOrderNumber,
    lastUnits: 1,
    dayGaps: { ...EMPTY_MOMENTS },
    orderGaps: { ...EMPTY_MOMENTS },
    recentOrderNumbers: [lastOrderNumber],
  };
}

export function predictionRecord(spec: PredictionSpec): Record<string, unknown> {
  const purchases = spec.purchases ?? 3;
  return {
    ...predictionItem(spec.customerId, { state: purchaseState(spec.productId, purchases, spec.lastOrderNumber ?? purchases), dueDay: spec.dueDay }),
    ...(spec.snoozedUntil ? { snoozedUntil: spec.snoozedUntil } : {}),
    ...(spec.remindedForPurchase !== undefined ? { remindedForPurchase: spec.remindedForPurchase } : {}),
  };
}

export function consentRecord(spec: ConsentSpec): Record<string, unknown>[] {
  const consent = {
    pk: customerPk(spec.customerId),
    sk: SK.consent(REMINDER_PURPOSE),
    type: 'consent',
    granted: spec.granted,
    ...(spec.granted ? { grantedAt: '2026-11-01T10:00:00.000Z', platform: 'alexa' } : {}),
    ...(spec.alexaUserId ? { alexaUserId: spec.alexaUserId } : {}),
    excludedProducts: spec.excludedProducts ?? [],
    history: [],
    version: 1,
  };
  const profile = spec.locale ? [{ pk: customerPk(spec.customerId), sk: SK.profile, type: 'profile', locale: spec.locale }] : [];
  return [consent, ...profile];
}

/** Writes the records 25 at a time, `parallel` requests in flight, retrying what DynamoDB leaves unprocessed. */
export async function writeRecords(client: DynamoDBClient, tableName: string, records: Record<string, unknown>[], parallel = 8): Promise<void> {
  const batches: WriteRequest[][] = [];
  for (let start = 0; start < records.length; start += 25) {
    batches.push(records.slice(start, start + 25).map((record) => ({ PutRequest: { Item: toItem(record) } })));
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      let pending = batches[next++]!;
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw new Error('BatchWriteItem kept leaving items unprocessed');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const output = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
        pending = output.UnprocessedItems?.[tableName] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
