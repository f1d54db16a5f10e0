/**
 * npm run bench:replenish — replenishment storage at scale on its own DynamoDB Local: 100,000 customer-product
 * predictions (10,000 customers × 10 products, due days spread over two months, about 2 % due today, 40 % of
 * customers with reminders granted on Alexa), then items per second for
 *   (a) incremental updates when an order is placed (updateForOrder + DynamoReplenishmentRepository.recordOrder),
 *   (b) the daily run over today's partition, delivering to a local fake of LWA and the Skill Messaging API,
 *   (c) the same run again (everything already claimed: what a retry or a rerun costs).
 *
 * Environment: BENCH_CUSTOMERS (default 10000), BENCH_PRODUCTS (10), BENCH_ORDERS (2000), BENCH_LINES (3).
 * Needs Java 17+ for DynamoDB Local; nothing leaves the machine.
 */
import { performance } from 'node:perf_hooks';
import type { Order } from '../../skill/core/ports';
import { emptyPriors } from '../../skill/core/replenishment/priors';
import { EMPTY_MOMENTS } from '../../skill/core/replenishment/stats';
import { isoDay, updateForOrder } from '../../skill/core/replenishment/live';
import { dayOf } from '../../skill/core/replenishment/history';
import { runDailyReplenishment } from '../../skill/jobs/daily-replenishment';
import { LwaTokenSource, SkillMessagingClient } from '../../skill/platforms/alexa/skill-messaging';
import { createStore, ensureTable } from '../../skill/store';
import { DynamoDueIndex } from '../../skill/store/due-index';
import { customerPk, SK } from '../../skill/store/keys';
import { startDynamoDbLocal } from '../../lambda/local/dynamodb-local';
import { FakeAmazonApi } from '../helpers/fake-amazon-api';
import { SilentLog, WordMatchCatalog } from '../helpers/fakes';
import { consentRecord, predictionRecord, writeRecords } from '../integration/jobs/prediction-items';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 10_000);
const PRODUCTS_EACH = Number(process.env.BENCH_PRODUCTS ?? 10);
const ORDERS = Number(process.env.BENCH_ORDERS ?? 2_000);
const LINES = Number(process.env.BENCH_LINES ?? 3);
const CATALOG_SIZE = 400;
const NOW = new Date('2026-11-23T06:00:00.000Z');
const TODAY_DAY = Math.floor(dayOf(NOW));
const TODAY = isoDay(TODAY_DAY);

/** A small deterministic generator, so every run benchmarks the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Row {
  step: string;
  items: number;
  seconds: number;
  note: string;
}

function table(rows: Row[]): string {
  const header = ['step', 'items', 'seconds', 'items/s', 'note'];
  const lines = rows.map((row) => [row.step, String(row.items), row.seconds.toFixed(2), Math.round(row.items / row.seconds).toLocaleString('en-US'), row.note]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 || column === 4 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ');
  return [format(header), widths.map((width) => '-'.repeat(width)).join('  '), ...lines.map(format)].join('\n');
}

async function main(): Promise<void> {
  const dynamo = await startDynamoDbLocal();
  const amazon = await new FakeAmazonApi().start();
  const rows: Row[] = [];
  try {
    const store = createStore({ endpoint: dynamo.endpoint, region: 'us-east-1', timeoutMs: 10_000, tableName: 'vocart-bench' }, { now: () => NOW });
    await ensureTable(store.client, store.tableName);
    const next = random(42);
    const customerIds = Array.from({ length: CUSTOMERS }, (_, index) => `bench${String(index).padStart(6, '0')}`);

    // Seed: predictions with due days from a week ago to seven weeks ahead (about 2 % fall on today), rhythms, consents.
    const records: Record<string, unknown>[] = [];
    let dueToday = 0;
    for (const customerId of customerIds) {
      const products = new Set<number>();
      while (products.size < PRODUCTS_EACH) products.add(Math.floor(next() * CATALOG_SIZE));
      const orders = 6 + Math.floor(next() * 6);
      for (const product of products) {
        const offset = Math.floor(next() * 56) - 7;
        if (offset === 0) dueToday++;
        const purchases = 1 + Math.floor(next() * 5);
        records.push(predictionRecord({ customerId, productId: `p${product}`, dueDay: isoDay(TODAY_DAY + offset), purchases, lastOrderNumber: orders - Math.floor(next() * 2) }));
      }
      records.push({
        pk: customerPk(customerId),
        sk: SK.rhythm,
        type: 'rhythm',
        lastOrderNumber: orders,
        rhythm: { customerId, orders, lastOrderNumber: orders, lastDay: TODAY_DAY - 10, orderGapDays: { ...EMPTY_MOMENTS }, lines: orders * 4, repeatLines: orders * 2 },
      });
      if (next() < 0.4) records.push(...consentRecord({ customerId, granted: true, alexaUserId: `amzn1.ask.account.${customerId}`, locale: next() < 0.3 ? 'de-DE' : 'en-US' }));
    }
    const seedStart = performance.now();
    await writeRecords(store.client, store.tableName, records, 8);
    rows.push({ step: 'seed (BatchWriteItem)', items: records.length, seconds: (performance.now() - seedStart) / 1000, note: `${CUSTOMERS * PRODUCTS_EACH} predictions, ${dueToday} due today` });

    // (b) The daily run over today's partition, delivering to the fake Amazon API (before (a) moves any due days).
    const log = new SilentLog();
    const tokens = new LwaTokenSource({ tokenUrl: amazon.tokenUrl, clientId: amazon.clientId, clientSecret: amazon.clientSecret });
    const deps = {
      due: new DynamoDueIndex(store.client, store.tableName),
      sender: new SkillMessagingClient({ apiEndpoint: amazon.baseUrl, tokens }),
      log,
      clock: { now: () => NOW },
    };
    const first = await runDailyReplenishment(deps, NOW);
    rows.push({
      step: '(b) daily run',
      items: first.read,
      seconds: first.durationMs / 1000,
      note: `${first.due} qualified, ${first.sent} sent in ${first.messages} messages (${Math.round(first.messages / (first.durationMs / 1000))} msg/s)`,
    });
    const again = await runDailyReplenishment(deps, NOW);
    rows.push({ step: '(c) rerun, all claimed', items: again.read, seconds: again.durationMs / 1000, note: `${again.sent} sent, ${again.skipped['already-reminded']} already reminded` });

    // (a) Incremental updates: the turn has the customer loaded already, so the load is outside the timing.
    const catalog = new WordMatchCatalog(Array.from({ length: CATALOG_SIZE }, (_, index) => ({ id: `p${index}`, names: { 'en-US': `Product ${index}` }, aisleId: `a${index % 20}` })));
    const priors = emptyPriors();
    const orders: Array<{ customerId: string; order: Order; snapshot: { replenishment: Awaited<ReturnType<typeof store.customers.replenishment>> } }> = [];
    const chosen = new Set<string>();
    while (chosen.size < Math.min(ORDERS, CUSTOMERS)) chosen.add(customerIds[Math.floor(next() * CUSTOMERS)]!);
    for (const customerId of chosen) {
      const snapshot = { replenishment: await store.customers.replenishment(customerId) };
      const owned = snapshot.replenishment?.items.map((item) => item.state.productId) ?? [];
      const lines = Array.from({ length: LINES }, (_, index) => ({
        productId: index < LINES - 1 && owned[index] ? owned[index]! : `p${Math.floor(next() * CATALOG_SIZE)}`,
        quantity: 1 + Math.floor(next() * 2),
        unitPriceCents: 399,
      }));
      const unique = [...new Map(lines.map((line) => [line.productId, line])).values()];
      orders.push({
        customerId,
        snapshot,
        order: {
          orderId: `o-${customerId}`,
          customerId,
          placedAt: NOW.toISOString(),
          status: 'placed',
          lines: unique,
          subtotalCents: 0,
          taxCents: 0,
          deliveryFeeCents: 0,
          totalCents: 0,
          currency: 'USD',
          deliveryBy: NOW.toISOString(),
          cancellableUntil: NOW.toISOString(),
        },
      });
    }
    let written = 0;
    const updateStart = performance.now();
    let cursor = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (cursor < orders.length) {
          const { customerId, order, snapshot } = orders[cursor++]!;
          const update = updateForOrder(snapshot.replenishment, customerId, order, catalog, priors);
          if (!update) continue;
          await store.replenishment.recordOrder(customerId, update);
          written += update.items.length;
        }
      }),
    );
    const updateSeconds = (performance.now() - updateStart) / 1000;
    rows.push({ step: '(a) order → predictions', items: written, seconds: updateSeconds, note: `${orders.length} orders of ≤${LINES} lines, 8 in flight, ${Math.round(orders.length / updateSeconds)} orders/s` });

    console.log(`\nvocart replenishment benchmark — DynamoDB Local, ${CUSTOMERS} customers × ${PRODUCTS_EACH} products, today = ${TODAY}\n`);
    console.log(table([...rows].sort((x, y) => x.step.localeCompare(y.step))));
    console.log(`\nskipped in (b): ${JSON.stringify(Object.fromEntries(Object.entries(first.skipped).filter(([, count]) => count > 0)))}`);
    console.log('DynamoDB Local runs in one JVM on this machine: absolute figures are far below DynamoDB\'s; compare runs, not services.');
  } finally {
    await amazon.stop();
    await dynamo.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
