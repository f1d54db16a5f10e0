/**
 * Rebuilds purchase SUMMARY items from the ORDER and LINE items, for data written before summaries existed or
 * after a repair. Writing the recomputed item over the old one is safe to repeat; an order placed while a rebuild
 * runs may be missed or counted by it, so run it again (or in a quiet hour) when exactness matters.
 *
 * Only partitions with a PROFILE get a summary: every shopper who ordered has one (ordering needs the address and
 * payment method on it), and a linked account erased on request has none but keeps its orders for accounting. Its
 * purchase counts must not come back from those orders.
 */
import { BatchWriteItemCommand, QueryCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { customerPk, SK } from './keys';
import { PRODUCT_COUNT_PREFIX } from './summary';
import type { PlainItem } from './item-reads';

interface Tally {
  /** Order key (`<placedAt>#<orderId>`) → the product of each of its lines. */
  lines: Map<string, string[]>;
  orders: Set<string>;
  cancelled: Set<string>;
  hasProfile: boolean;
}

const PROJECTION = { ProjectionExpression: '#pk, #sk, #status, #productId', ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#status': 'status', '#productId': 'productId' } };

function tallyOf(tallies: Map<string, Tally>, pk: string): Tally {
  let tally = tallies.get(pk);
  if (!tally) tallies.set(pk, (tally = { lines: new Map(), orders: new Set(), cancelled: new Set(), hasProfile: false }));
  return tally;
}

function add(tallies: Map<string, Tally>, item: PlainItem): void {
  if (item.sk === SK.profile) tallyOf(tallies, item.pk).hasProfile = true;
  else if (item.sk.startsWith(SK.orderPrefix)) {
    const tally = tallyOf(tallies, item.pk);
    const orderKey = item.sk.slice(SK.orderPrefix.length);
    tally.orders.add(orderKey);
    if (item.status === 'cancelled') tally.cancelled.add(orderKey);
  } else if (item.sk.startsWith(SK.orderLinePrefix) && typeof item.productId === 'string') {
    const tally = tallyOf(tallies, item.pk);
    const orderKey = item.sk.slice(SK.orderLinePrefix.length, item.sk.lastIndexOf('#'));
    tally.lines.set(orderKey, [...(tally.lines.get(orderKey) ?? []), item.productId]);
  }
}

export function summaryOfTally(pk: string, tally: Tally): PlainItem {
  const item: PlainItem = { pk, sk: SK.summary, type: 'summary', orderCount: tally.orders.size };
  for (const [orderKey, products] of tally.lines) {
    // Lines whose header is gone or cancelled are not purchases.
    if (!tally.orders.has(orderKey) || tally.cancelled.has(orderKey)) continue;
    for (const productId of products) item[`${PRODUCT_COUNT_PREFIX}${productId}`] = ((item[`${PRODUCT_COUNT_PREFIX}${productId}`] as number | undefined) ?? 0) + 1;
  }
  return item;
}

/** Reads the order items of one customer (a Query) or of the whole table (a Scan), and writes one summary each. */
export async function rebuildSummaries(client: DynamoDBClient, tableName: string, options: { customerId?: string } = {}): Promise<{ customers: number; itemsRead: number }> {
  const tallies = new Map<string, Tally>();
  let itemsRead = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = options.customerId
      ? await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeValues: marshall({ ':pk': customerPk(options.customerId) }),
            ...PROJECTION,
            ...(startKey ? { ExclusiveStartKey: startKey } : {}),
          }),
        )
      : await client.send(new ScanCommand({ TableName: tableName, ...PROJECTION, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }));
    for (const raw of page.Items ?? []) {
      itemsRead += 1;
      add(tallies, unmarshall(raw) as PlainItem);
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const summaries = [...tallies].filter(([, tally]) => tally.hasProfile).map(([pk, tally]) => summaryOfTally(pk, tally));
  await writeAll(client, tableName, summaries);
  return { customers: summaries.length, itemsRead };
}

/** BatchWriteItem, 25 puts at a time, unprocessed items retried with a short backoff. */
export async function writeAll(client: DynamoDBClient, tableName: string, items: PlainItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += 25) {
    let pending = items.slice(start, start + 25).map((item) => ({ PutRequest: { Item: marshall(item, { removeUndefinedValues: true }) } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw new Error(`${pending.length} items could not be written`);
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
      const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }));
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
}
