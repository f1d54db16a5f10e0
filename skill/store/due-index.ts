/**
 * The daily run's view of the table: today's partition of the due-day index, read page by page (a Query, never a
 * Scan), the claim that makes a reminder go out at most once per product and purchase, and the few consent and
 * profile fields the run needs, fetched in batches.
 *
 * Plain DynamoDB commands rather than dynamoose: the claim's condition reads a nested attribute (state.lastOrderNumber)
 * and the reads project only the attributes the run uses, so no name or address is ever loaded.
 */
import {
  BatchGetItemCommand,
  QueryCommand,
  UpdateItemCommand,
  type AttributeValue,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { DependencyError } from '../core/errors';
import type { ReminderConsent } from '../core/ports';
import type { Locale } from '../core/turn';
import { isConditionFailure } from './errors';
import { REMINDER_PURPOSE } from './replenishment-repository';
import { customerPk, duePk, SK } from './keys';
import { DUE_INDEX } from './table-layout';

/** One prediction item of the due partition, reduced to what the run decides on. */
export interface DueItem {
  customerId: string;
  productId: string;
  /** The order number of the product's last purchase: a reminder is per product and purchase. */
  purchase: number;
  /** How many orders contained the product. */
  purchases: number;
  dueDay: string;
  snoozedUntil?: string;
  remindedForPurchase?: number;
}

/** What the run needs to know about a customer: may we remind, where on Alexa, in which language. */
export interface ReminderAudience extends Pick<ReminderConsent, 'granted' | 'alexaUserId' | 'excludedProducts' | 'onlyProducts'> {
  locale?: Locale;
}

export interface DuePage {
  items: DueItem[];
  /** Items of the partition that could not be read as predictions (counted, never guessed at). */
  unreadable: number;
}

/** DynamoDB's page size is 1 MB at most; a smaller Limit keeps memory flat and lets tests see several pages. */
export const DEFAULT_DUE_PAGE_SIZE = 500;
const BATCH_GET_MAX = 100;
const BATCH_GET_ATTEMPTS = 6;

const str = (value: AttributeValue | undefined) => value?.S;
const num = (value: AttributeValue | undefined) => (value?.N === undefined ? undefined : Number(value.N));

function strings(value: AttributeValue | undefined): string[] {
  if (value?.SS) return value.SS;
  return (value?.L ?? []).flatMap((entry) => (entry.S === undefined ? [] : [entry.S]));
}

function afterPrefix(value: string | undefined, prefix: string): string | undefined {
  return value?.startsWith(prefix) && value.length > prefix.length ? value.slice(prefix.length) : undefined;
}

const CUSTOMER_PREFIX = customerPk('');

export function toDueItem(raw: Record<string, AttributeValue>): DueItem | undefined {
  const customerId = afterPrefix(str(raw.pk), CUSTOMER_PREFIX);
  const productId = afterPrefix(str(raw.sk), SK.predictionPrefix);
  const state = raw.state?.M;
  const purchase = num(state?.lastOrderNumber);
  const purchases = num(state?.purchases);
  const dueDay = str(raw.dueDay);
  if (!customerId || !productId || purchase === undefined || !Number.isFinite(purchase) || !dueDay) return undefined;
  const snoozedUntil = str(raw.snoozedUntil);
  const remindedForPurchase = num(raw.remindedForPurchase);
  return {
    customerId,
    productId,
    purchase,
    purchases: purchases ?? 0,
    dueDay,
    ...(snoozedUntil ? { snoozedUntil } : {}),
    ...(remindedForPurchase !== undefined ? { remindedForPurchase } : {}),
  };
}

function toLocale(value: string | undefined): Locale | undefined {
  return value === 'en-US' || value === 'de-DE' ? value : undefined;
}

export interface DueIndexOptions {
  pageSize?: number;
}

export class DynamoDueIndex {
  private readonly pageSize: number;

  constructor(
    private readonly client: DynamoDBClient,
    private readonly tableName: string,
    options: DueIndexOptions = {},
  ) {
    this.pageSize = options.pageSize ?? DEFAULT_DUE_PAGE_SIZE;
  }

  /** Today's partition, in sort-key order (customer, then product), one page at a time. */
  async *pages(day: string): AsyncGenerator<DuePage> {
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      let output;
      try {
        output = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: DUE_INDEX,
            KeyConditionExpression: 'gsi1pk = :due',
            ExpressionAttributeValues: { ':due': { S: duePk(day) } },
            ProjectionExpression: 'pk, sk, dueDay, snoozedUntil, remindedForPurchase, #state.lastOrderNumber, #state.purchases',
            ExpressionAttributeNames: { '#state': 'state' },
            Limit: this.pageSize,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        );
      } catch (error) {
        throw new DependencyError('dynamodb', 'query of the due-day index failed', { cause: error });
      }
      const raw = output.Items ?? [];
      const items = raw.flatMap((item) => {
        const due = toDueItem(item);
        return due ? [due] : [];
      });
      yield { items, unreadable: raw.length - items.length };
      startKey = output.LastEvaluatedKey;
    } while (startKey);
  }

  /**
   * Marks the item reminded for its current purchase, if nobody did yet. The condition re-checks on the table (the
   * index is eventually consistent) that the product is still due today, still at the same purchase and not
   * snoozed. Returns false when another run, a rerun or a newer order got there first.
   */
  async claim(item: DueItem, day: string, runId: string, at: Date): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { pk: { S: customerPk(item.customerId) }, sk: { S: SK.prediction(item.productId) } },
          UpdateExpression: 'SET remindedForPurchase = :purchase, remindedAt = :at, remindedBy = :run',
          ConditionExpression:
            'dueDay = :day AND #state.lastOrderNumber = :purchase ' +
            'AND (attribute_not_exists(remindedForPurchase) OR remindedForPurchase <> :purchase) ' +
            'AND (attribute_not_exists(snoozedUntil) OR snoozedUntil <= :day)',
          ExpressionAttributeNames: { '#state': 'state' },
          ExpressionAttributeValues: {
            ':purchase': { N: String(item.purchase) },
            ':day': { S: day },
            ':at': { S: at.toISOString() },
            ':run': { S: runId },
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw new DependencyError('dynamodb', 'claiming a reminder failed', { cause: error });
    }
  }

  /** Gives a claim back (delivery failed for a reason worth retrying), but only this run's own claim. */
  async release(item: DueItem, runId: string): Promise<boolean> {
    try {
      await this.client.send(
        new UpdateItemCommand({
          TableName: this.tableName,
          Key: { pk: { S: customerPk(item.customerId) }, sk: { S: SK.prediction(item.productId) } },
          UpdateExpression: 'REMOVE remindedForPurchase, remindedAt, remindedBy',
          ConditionExpression: 'remindedBy = :run AND remindedForPurchase = :purchase',
          ExpressionAttributeValues: { ':run': { S: runId }, ':purchase': { N: String(item.purchase) } },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw new DependencyError('dynamodb', 'releasing a reminder claim failed', { cause: error });
    }
  }

  /** Consent and locale of the given customers, 100 at a time; a customer without a consent item is absent. */
  async audiences(customerIds: string[]): Promise<Map<string, ReminderAudience>> {
    const consents = new Map<string, ReminderAudience>();
    const locales = new Map<string, Locale>();
    const unique = [...new Set(customerIds)];
    for (let start = 0; start < unique.length; start += BATCH_GET_MAX / 2) {
      // Two items per customer (consent and profile) in one request of at most 100 keys.
      const keys = unique
        .slice(start, start + BATCH_GET_MAX / 2)
        .flatMap((id) => [
          { pk: { S: customerPk(id) }, sk: { S: SK.consent(REMINDER_PURPOSE) } },
          { pk: { S: customerPk(id) }, sk: { S: SK.profile } },
        ]);
      for (const raw of await this.batchGet(keys)) {
        const customerId = afterPrefix(str(raw.pk), CUSTOMER_PREFIX);
        if (!customerId) continue;
        if (str(raw.sk) === SK.profile) {
          const locale = toLocale(str(raw.locale));
          if (locale) locales.set(customerId, locale);
          continue;
        }
        const alexaUserId = str(raw.alexaUserId);
        consents.set(customerId, {
          granted: raw.granted?.BOOL === true,
          ...(alexaUserId ? { alexaUserId } : {}),
          excludedProducts: strings(raw.excludedProducts),
          ...(raw.onlyProducts ? { onlyProducts: strings(raw.onlyProducts) } : {}),
        });
      }
    }
    for (const [customerId, audience] of consents) {
      const locale = locales.get(customerId);
      if (locale) audience.locale = locale;
    }
    return consents;
  }

  private async batchGet(keys: Array<Record<string, AttributeValue>>): Promise<Array<Record<string, AttributeValue>>> {
    const found: Array<Record<string, AttributeValue>> = [];
    let pending: Array<Record<string, AttributeValue>> = keys;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= BATCH_GET_ATTEMPTS) throw new DependencyError('dynamodb', 'consent reads stayed unprocessed (throttled)');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      let output;
      try {
        output = await this.client.send(
          new BatchGetItemCommand({
            RequestItems: {
              [this.tableName]: {
                Keys: pending,
                // Only what the run decides on: no history, no names, no addresses.
                ProjectionExpression: 'pk, sk, granted, alexaUserId, excludedProducts, onlyProducts, #locale',
                ExpressionAttributeNames: { '#locale': 'locale' },
              },
            },
          }),
        );
      } catch (error) {
        throw new DependencyError('dynamodb', 'reading consents failed', { cause: error });
      }
      found.push(...(output.Responses?.[this.tableName] ?? []));
      pending = output.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
    }
    return found;
  }
}
