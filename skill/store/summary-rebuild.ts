/**
 * Rebuilds purchase SUMMARY items, and the prediction basis on the RHYTHM item (prediction-basis.ts), from the ORDER
 * and LINE items, for data written before they existed or after a repair. Writing the recomputed item over the old one is safe to repeat; an order placed while a rebuild
 * runs may be missed or counted by it, so run it again (or in a quiet hour) when exactness matters.
 *
 * Only partitions with a PROFILE get a summary: every shopper who ordered has one (ordering needs the address and
 * payment method on it), and a linked account erased on request has none but keeps its orders for accounting. Its
 * purchase counts must not come back from those orders. The basis is the live path's updates replayed over every
 * order, cancelled ones included (a cancellation never took a purchase out of the predictions); the PRED# items,
 * with their snooze and nudge marks, are left as they are.
 */
import { BatchWriteItemCommand, QueryCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Catalog, Order } from '../core/ports';
import { replayOrders } from '../core/replenishment/order-placed';
import { emptyPriors } from '../core/replenishment/priors';
import { customerPk, SK } from './keys';
import { PRODUCT_COUNT_PREFIX } from './summary';
import type { PlainItem } from './item-reads';
import { basisItem } from './prediction-basis';

interface TalliedLine {
  productId: string;
  quantity: number;
}

interface Tally {
  /** Order key (`<placedAt>#<orderId>`) → its lines. */
  lines: Map<string, TalliedLine[]>;
  orders: Set<string>;
  cancelled: Set<string>;
  hasProfile: boolean;
}

const PROJECTION = {
  ProjectionExpression: '#pk, #sk, #status, #productId, #quantity',
  ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk', '#status': 'status', '#productId': 'productId', '#quantity': 'quantity' },
};

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
    tally.lines.set(orderKey, [...(tally.lines.get(orderKey) ?? []), { productId: item.productId, quantity: typeof item.quantity === 'number' ? item.quantity : 1 }]);
  }
}

export function summaryOfTally(pk: string, tally: Tally): PlainItem {
  const item: PlainItem = { pk, sk: SK.summary, type: 'summary', orderCount: tally.orders.size };
  for (const [orderKey, products] of tally.lines) {
    // Lines whose header is gone or cancelled are not purchases.
    if (!tally.orders.has(orderKey) || tally.cancelled.has(orderKey)) continue;
    for (const { productId } of products) item[`${PRODUCT_COUNT_PREFIX}${productId}`] = ((item[`${PRODUCT_COUNT_PREFIX}${productId}`] as number | undefined) ?? 0) + 1;
  }
  return item;
}

/**
 * The RHYTHM item with its prediction basis, replayed from the orders' lines; undefined for a shopper without orders.
 * `catalog` gives the products' categories, as the live update takes them from the catalog.
 */
export function basisOfTally(pk: string, tally: Tally, catalog: Pick<Catalog, 'get'>): PlainItem | undefined {
  const customerId = pk.slice(customerPk('').length);
  const orders: Order[] = [...tally.orders]
    .filter((orderKey) => (tally.lines.get(orderKey) ?? []).length > 0)
    .map((orderKey) => ({
      orderId: orderKey.slice(orderKey.indexOf('#') + 1),
      customerId,
      placedAt: orderKey.slice(0, orderKey.indexOf('#')),
      status: 'placed',
      lines: tally.lines.get(orderKey)!.map((line) => ({ ...line, unitPriceCents: 0 })),
      subtotalCents: 0,
      taxCents: 0,
      deliveryFeeCents: 0,
      totalCents: 0,
      currency: 'USD',
      deliveryBy: '',
      cancellableUntil: '',
    }));
  const replayed = replayOrders(customerId, orders, catalog, emptyPriors());
  return replayed.rhythm ? basisItem(customerId, replayed.rhythm, replayed.items.map((item) => item.state)) : undefined;
}

const NO_CATALOG: Pick<Catalog, 'get'> = { get: () => undefined };

/**
 * Reads the order items of one customer (a Query) or of the whole table (a Scan), and writes one summary and one
 * prediction basis each.
 */
export async function rebuildSummaries(
  client: DynamoDBClient,
  tableName: string,
  options: { customerId?: string; catalog?: Pick<Catalog, 'get'> } = {},
): Promise<{ customers: number; itemsRead: number; bases: number }> {
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
  const kept = [...tallies].filter(([, tally]) => tally.hasProfile);
  const summaries = kept.map(([pk, tally]) => summaryOfTally(pk, tally));
  const bases = kept.flatMap(([pk, tally]) => basisOfTally(pk, tally, options.catalog ?? NO_CATALOG) ?? []);
  await writeAll(client, tableName, [...summaries, ...bases]);
  return { customers: summaries.length, itemsRead, bases: bases.length };
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
