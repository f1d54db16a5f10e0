/**
 * Reads on the hot path through the plain DynamoDB client: explicit keys or one bounded key range, items
 * unmarshalled straight into plain objects. dynamoose's query + toJSON costs several times the request itself
 * (`npm run bench:turns` prints the ratio); the repositories' writes use the plain client too, and dynamoose is
 * left to the tools (table.ts).
 */
import { BatchGetItemCommand, QueryCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
/** An item as stored: keys plus whatever its kind carries (mapped and checked by each kind's reader). */
export interface PlainItem {
  pk: string;
  sk: string;
  [attribute: string]: unknown;
}

export interface ItemKey {
  pk: string;
  sk: string;
}

/** BatchGetItem allows 100 keys; ours ask for a handful, so one request, retried only for unprocessed keys. */
const MAX_BATCH_KEYS = 100;
const UNPROCESSED_RETRIES = 3;

export async function getItems(client: DynamoDBClient, tableName: string, keys: ItemKey[], options: { consistent?: boolean } = {}): Promise<PlainItem[]> {
  if (keys.length > MAX_BATCH_KEYS) throw new RangeError(`at most ${MAX_BATCH_KEYS} keys per read`);
  const found: PlainItem[] = [];
  let pending: Array<Record<string, AttributeValue>> = keys.map((key) => marshall(key));
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt > UNPROCESSED_RETRIES) throw new Error(`${pending.length} keys stayed unprocessed`);
    const result = await client.send(
      new BatchGetItemCommand({ RequestItems: { [tableName]: { Keys: pending, ...(options.consistent ? { ConsistentRead: true } : {}) } } }),
    );
    for (const item of result.Responses?.[tableName] ?? []) found.push(unmarshall(item) as PlainItem);
    pending = (result.UnprocessedKeys?.[tableName]?.Keys ?? []) as Array<Record<string, AttributeValue>>;
  }
  return found;
}

export interface RangeQuery {
  pk: string;
  /** Sort keys starting with this, or (with `between`) inside a closed range. */
  beginsWith?: string;
  between?: [string, string];
  /** Sort keys from this one on (newest-first reads of time-ordered keys). */
  from?: string;
  newestFirst?: boolean;
  /** Items per page; the caller decides whether to read another. */
  limit?: number;
  startKey?: Record<string, AttributeValue>;
}

export async function queryPage(client: DynamoDBClient, tableName: string, query: RangeQuery): Promise<{ items: PlainItem[]; lastKey?: Record<string, AttributeValue> }> {
  const values: Record<string, unknown> = { ':pk': query.pk };
  let condition = '#pk = :pk';
  if (query.beginsWith !== undefined) {
    condition += ' AND begins_with(#sk, :prefix)';
    values[':prefix'] = query.beginsWith;
  } else if (query.between) {
    condition += ' AND #sk BETWEEN :low AND :high';
    values[':low'] = query.between[0];
    values[':high'] = query.between[1];
  } else if (query.from !== undefined) {
    condition += ' AND #sk >= :from';
    values[':from'] = query.from;
  }
  const result = await client.send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: condition,
      ExpressionAttributeNames: { '#pk': 'pk', ...(condition.includes('#sk') ? { '#sk': 'sk' } : {}) },
      ExpressionAttributeValues: marshall(values),
      ...(query.newestFirst ? { ScanIndexForward: false } : {}),
      ...(query.limit ? { Limit: query.limit } : {}),
      ...(query.startKey ? { ExclusiveStartKey: query.startKey } : {}),
    }),
  );
  return { items: (result.Items ?? []).map((item) => unmarshall(item) as PlainItem), ...(result.LastEvaluatedKey ? { lastKey: result.LastEvaluatedKey } : {}) };
}
