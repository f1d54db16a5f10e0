/**
 * The SUMMARY item: how often this shopper bought each product (order lines of orders not cancelled) and how many
 * orders they placed. Personal ranking and "my usual" read it with the profile and cart instead of the history.
 * Counts are top-level attributes (`pc:<productId>`), so an order adds to them with one ADD that also creates the
 * item: a nested map cannot be created and added to in one update expression.
 */
import { marshall } from '@aws-sdk/util-dynamodb';
import type { Order, OrderLine } from '../core/ports';
import { customerPk, SK } from './keys';
import type { PlainItem } from './item-reads';

export const PRODUCT_COUNT_PREFIX = 'pc:';

export interface PurchaseSummary {
  purchaseCounts: Record<string, number>;
  orderCount: number;
}

export function toSummary(item: PlainItem | undefined): PurchaseSummary {
  const purchaseCounts: Record<string, number> = {};
  for (const [name, value] of Object.entries(item ?? {})) {
    // A count brought to zero by cancellations stays as an attribute; it means "not bought".
    if (name.startsWith(PRODUCT_COUNT_PREFIX) && typeof value === 'number' && value > 0) purchaseCounts[name.slice(PRODUCT_COUNT_PREFIX.length)] = value;
  }
  return { purchaseCounts, orderCount: typeof item?.orderCount === 'number' ? item.orderCount : 0 };
}

/**
 * The raw Update of a transaction (or a single UpdateItem) that adds an order's lines to the summary (`sign` 1) or
 * takes a cancelled order's away (-1). Placing also counts the order; a cancelled order stays counted as placed.
 */
export function summaryUpdate(tableName: string, customerId: string, lines: OrderLine[], sign: 1 | -1) {
  const perProduct = new Map<string, number>();
  for (const line of lines) perProduct.set(line.productId, (perProduct.get(line.productId) ?? 0) + sign);
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const adds: string[] = [];
  [...perProduct].forEach(([productId, delta], index) => {
    names[`#p${index}`] = `${PRODUCT_COUNT_PREFIX}${productId}`;
    values[`:p${index}`] = delta;
    adds.push(`#p${index} :p${index}`);
  });
  if (sign === 1) {
    names['#orders'] = 'orderCount';
    values[':one'] = 1;
    adds.push('#orders :one');
  }
  names['#type'] = 'type';
  values[':type'] = 'summary';
  return {
    TableName: tableName,
    Key: marshall({ pk: customerPk(customerId), sk: SK.summary }),
    UpdateExpression: `SET #type = :type ADD ${adds.join(', ')}`,
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: marshall(values),
  };
}

/** The whole summary recomputed from orders (rebuild, seed): what the increments add up to. */
export function summaryFromOrders(customerId: string, orders: Order[]): PlainItem {
  const item: PlainItem = { pk: customerPk(customerId), sk: SK.summary, type: 'summary', orderCount: orders.length };
  for (const order of orders) {
    if (order.status === 'cancelled') continue;
    for (const line of order.lines) {
      const name = `${PRODUCT_COUNT_PREFIX}${line.productId}`;
      item[name] = ((item[name] as number | undefined) ?? 0) + 1;
    }
  }
  return item;
}
