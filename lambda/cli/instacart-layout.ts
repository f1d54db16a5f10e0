/**
 * Order history in the Instacart layout (orders.csv with eval_set, order_products__prior.csv, optionally a
 * products.csv with aisle_id), read into per-customer histories: what the evaluation and the priors build share.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { CustomerHistory, PlacedOrder } from '../../skill/core/replenishment/offline';

/** A wrong flag or a file without the expected columns: the command prints usage and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A small line reader for these files: numeric ids, no quoted fields. Columns are found by header name. */
export function readTable(path: string, columns: readonly string[]): string[][] {
  const text = readFileSync(path, 'utf8');
  const lines = text.split(/\r?\n/);
  const header = lines[0]?.split(',') ?? [];
  const indexes = columns.map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new UsageError(`${path} has no column "${name}"`);
    return index;
  });
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i += 1) {
    const line = lines[i]!;
    if (line.length === 0) continue;
    const cells = line.split(',');
    rows.push(indexes.map((index) => cells[index] ?? ''));
  }
  return rows;
}

export function readCategories(path: string): Map<string, string> {
  const records = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const categories = new Map<string, string>();
  for (const record of records) {
    const id = record['product_id'];
    const aisle = record['aisle_id'];
    if (id && aisle) categories.set(id, aisle);
  }
  return categories;
}

export interface TargetOrder {
  orderId: string;
  userId: string;
  orderNumber: number;
  daysSincePrior: number | undefined;
}

export interface Dataset {
  histories: CustomerHistory[];
  targets: TargetOrder[];
}

export function loadDataset(dir: string, categories: Map<string, string>): Dataset {
  const orders = readTable(join(dir, 'orders.csv'), ['order_id', 'user_id', 'eval_set', 'order_number', 'days_since_prior_order']);
  const lines = new Map<string, string[]>();
  for (const [orderId, productId] of readTable(join(dir, 'order_products__prior.csv'), ['order_id', 'product_id'])) {
    const list = lines.get(orderId!);
    if (list) list.push(productId!);
    else lines.set(orderId!, [productId!]);
  }
  const priorByUser = new Map<string, { orderId: string; orderNumber: number; daysSincePrior: number | undefined }[]>();
  const targets: TargetOrder[] = [];
  for (const [orderId, userId, evalSet, orderNumber, days] of orders) {
    const entry = {
      orderId: orderId!,
      orderNumber: Number(orderNumber),
      daysSincePrior: days === '' || days === undefined ? undefined : Number(days),
    };
    if (evalSet === 'prior') {
      const list = priorByUser.get(userId!);
      if (list) list.push(entry);
      else priorByUser.set(userId!, [entry]);
    } else if (evalSet === 'train') {
      targets.push({ ...entry, userId: userId! });
    }
  }
  const histories: CustomerHistory[] = [];
  for (const [userId, list] of priorByUser) {
    list.sort((a, b) => a.orderNumber - b.orderNumber);
    const anyDays = list.some((o) => o.daysSincePrior !== undefined);
    let day: number | undefined = anyDays ? 0 : undefined;
    const placed: PlacedOrder[] = list.map((o, i) => {
      if (i > 0) day = day !== undefined && o.daysSincePrior !== undefined ? day + o.daysSincePrior : undefined;
      const orderLines = (lines.get(o.orderId) ?? []).map((productId) => {
        const categoryId = categories.get(productId);
        return categoryId !== undefined ? { productId, categoryId } : { productId };
      });
      return { moment: day !== undefined ? { orderNumber: o.orderNumber, day } : { orderNumber: o.orderNumber }, lines: orderLines };
    });
    histories.push({ customerId: userId, orders: placed });
  }
  return { histories, targets };
}
