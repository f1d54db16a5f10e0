/**
 * Evaluates the replenishment predictor on data in the Instacart layout.
 *
 *   npm run -s replenish:eval -- --data <dir> --out <predictions.jsonl> [--products <products.csv>]
 *
 * For every `train` order it predicts from the prior orders and that order's own days_since_prior_order,
 * writes one JSON line per order, and only then, if order_products__train.csv exists, reads it to score
 * the predictions against the frequency baselines. `--products` (product_id,…,aisle_id columns) adds
 * aisle-level priors.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDataset, readCategories, readTable, UsageError, type Dataset, type TargetOrder } from './instacart-layout';
import {
  addCustomer,
  basketF1,
  chooseBasket,
  collectTrainingSet,
  emptyPriors,
  ndcgAt,
  NONE,
  rankCandidates,
  recallAt,
  replayHistory,
  trainReorderModel,
  type CustomerHistory,
  type CustomerStates,
  type PlacedOrder,
} from '../../skill/core/replenishment/offline';

interface Arguments {
  data: string;
  out: string;
  products?: string;
}


function readArguments(argv: readonly string[]): Arguments {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === '--') continue;
    if (!flag.startsWith('--')) throw new UsageError(`unexpected argument "${flag}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    values.set(flag.slice(2), value);
    i += 1;
  }
  const data = values.get('data');
  const out = values.get('out');
  if (data === undefined || out === undefined) throw new UsageError('--data <dir> and --out <predictions.jsonl> are required');
  const products = values.get('products');
  return { data, out, ...(products !== undefined ? { products } : {}) };
}


interface Prediction {
  order_id: string;
  basket: string[];
  ranked: string[];
}

/** Stable split of users into two halves: half A was used for tuning, half B is held out. */
function half(userId: string): 'A' | 'B' {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i += 1) hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  return (hash >>> 0) % 2 === 0 ? 'A' : 'B';
}

const RANKED_LENGTH = 50;
const EXPLORE = 60;

interface PredictionRun {
  predictions: Prediction[];
  modelRows: number;
  /** Seconds spent per phase. */
  phases: Record<'states' | 'training' | 'ranking', number>;
}

function predict(dataset: Dataset): PredictionRun {
  const started = performance.now();
  const states = new Map<string, CustomerStates>();
  const priors = emptyPriors();
  for (const history of dataset.histories) {
    const customer = replayHistory(history.customerId, history.orders);
    states.set(history.customerId, customer);
    if (customer.rhythm) addCustomer(priors, customer.rhythm, customer.states.values());
  }
  const statesBuilt = performance.now();
  const training = collectTrainingSet(dataset.histories, priors, { targetsPerCustomer: Number(process.env.TUNE_TARGETS ?? 12), finalStates: states });
  const model = trainReorderModel(training, { l2: Number(process.env.TUNE_L2 ?? 1) });
  const trained = performance.now();
  const predictions: Prediction[] = [];
  for (const target of dataset.targets) {
    const customer = states.get(target.userId);
    if (customer?.rhythm === undefined) {
      predictions.push({ order_id: target.orderId, basket: [NONE], ranked: [] });
      continue;
    }
    const rhythm = customer.rhythm;
    const day = rhythm.lastDay !== undefined && target.daysSincePrior !== undefined ? rhythm.lastDay + target.daysSincePrior : undefined;
    const moment = day !== undefined ? { orderNumber: target.orderNumber, day } : { orderNumber: target.orderNumber };
    const candidates = rankCandidates(rhythm, customer.states.values(), {
      priors,
      model,
      moment,
      excludeOwnContribution: true,
      explore: EXPLORE,
    });
    const choice = chooseBasket(candidates.filter((c) => c.repeat), { noneWithProducts: process.env.TUNE_MIXED !== '0' });
    const basket = choice.none ? [...choice.productIds, NONE] : choice.productIds;
    predictions.push({
      order_id: target.orderId,
      basket: basket.length > 0 ? basket : [NONE],
      ranked: candidates.slice(0, RANKED_LENGTH).map((c) => c.productId),
    });
  }
  const seconds = (from: number, to: number): number => (to - from) / 1000;
  return {
    predictions,
    modelRows: training.rows,
    phases: { states: seconds(started, statesBuilt), training: seconds(statesBuilt, trained), ranking: seconds(trained, performance.now()) },
  };
}

/** Instacart baseline: every product in at least 30 % of the user's prior orders. */
function frequentBasket(history: CustomerHistory): string[] {
  const counts = new Map<string, number>();
  for (const order of history.orders) for (const id of new Set(order.lines.map((l) => l.productId))) counts.set(id, (counts.get(id) ?? 0) + 1);
  const basket = [...counts].filter(([, n]) => n >= 0.3 * history.orders.length).map(([id]) => id);
  return basket.length > 0 ? basket : [NONE];
}

/** Ta-Feng baseline: the user's most frequent products, then the most frequent products overall. */
function topFrequencyRanking(history: CustomerHistory, popular: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const order of history.orders) for (const id of new Set(order.lines.map((l) => l.productId))) counts.set(id, (counts.get(id) ?? 0) + 1);
  const personal = [...counts].sort((a, b) => b[1] - a[1]).map(([id]) => id);
  const seen = new Set(personal);
  return [...personal, ...popular.filter((id) => !seen.has(id))].slice(0, RANKED_LENGTH);
}

interface Scores {
  orders: number;
  f1: number;
  recall10: number;
  ndcg10: number;
}

function score(
  rows: { userId: string; basket: string[]; ranked: string[]; reordered: string[]; all: Set<string> }[],
): Scores {
  let f1 = 0;
  let recall = 0;
  let ndcg = 0;
  for (const row of rows) {
    f1 += basketF1(row.basket, row.reordered.length > 0 ? row.reordered : [NONE]);
    recall += recallAt(row.ranked, row.all, 10);
    ndcg += ndcgAt(row.ranked, row.all, 10);
  }
  const n = Math.max(1, rows.length);
  return { orders: rows.length, f1: f1 / n, recall10: recall / n, ndcg10: ndcg / n };
}

const format = (s: Scores): string =>
  `orders ${String(s.orders).padStart(5)}  F1 ${s.f1.toFixed(4)}  recall@10 ${s.recall10.toFixed(4)}  nDCG@10 ${s.ndcg10.toFixed(4)}`;

function evaluate(dir: string, dataset: Dataset, predictions: readonly Prediction[]): void {
  const truth = new Map<string, { reordered: string[]; all: Set<string> }>();
  for (const [orderId, productId, reordered] of readTable(join(dir, 'order_products__train.csv'), ['order_id', 'product_id', 'reordered'])) {
    const entry = truth.get(orderId!) ?? { reordered: [], all: new Set<string>() };
    entry.all.add(productId!);
    if (reordered === '1') entry.reordered.push(productId!);
    truth.set(orderId!, entry);
  }
  const historyOf = new Map(dataset.histories.map((h) => [h.customerId, h]));
  const userOf = new Map(dataset.targets.map((t) => [t.orderId, t.userId]));
  const popularity = new Map<string, number>();
  for (const history of dataset.histories)
    for (const order of history.orders) for (const line of order.lines) popularity.set(line.productId, (popularity.get(line.productId) ?? 0) + 1);
  const popular = [...popularity].sort((a, b) => b[1] - a[1]).slice(0, RANKED_LENGTH).map(([id]) => id);

  const model: Parameters<typeof score>[0] = [];
  const baseline: Parameters<typeof score>[0] = [];
  for (const prediction of predictions) {
    const answer = truth.get(prediction.order_id) ?? { reordered: [], all: new Set<string>() };
    const userId = userOf.get(prediction.order_id)!;
    const history = historyOf.get(userId) ?? { customerId: userId, orders: [] };
    model.push({ userId, basket: prediction.basket, ranked: prediction.ranked, ...answer });
    baseline.push({ userId, basket: frequentBasket(history), ranked: topFrequencyRanking(history, popular), ...answer });
  }
  const report = (label: string, rows: typeof model): void => {
    console.log(`${label.padEnd(28)} all     ${format(score(rows))}`);
    for (const h of ['A', 'B'] as const) {
      console.log(`${''.padEnd(28)} half ${h}  ${format(score(rows.filter((r) => half(r.userId) === h)))}`);
    }
  };
  report('model', model);
  report('baseline (frequency)', baseline);
  console.log('baseline: basket = products in >= 30% of the user\'s orders; ranking = personal then global top-frequency');
  console.log('half A was used for tuning, half B is held out (users split by a hash of user_id)');
}

function main(): void {
  const started = performance.now();
  const args = readArguments(process.argv.slice(2));
  const categories = args.products ? readCategories(args.products) : new Map<string, string>();
  const dataset = loadDataset(args.data, categories);
  const loaded = performance.now();
  const { predictions, modelRows, phases } = predict(dataset);
  writeFileSync(args.out, predictions.map((p) => JSON.stringify(p)).join('\n') + (predictions.length > 0 ? '\n' : ''));
  const predicted = performance.now();
  console.log(
    `${dataset.histories.length} users, ${dataset.targets.length} train orders predicted; model trained on ${modelRows} examples from prior orders`,
  );
  console.log(`wrote ${args.out}`);
  if (existsSync(join(args.data, 'order_products__train.csv'))) evaluate(args.data, dataset, predictions);
  const finished = performance.now();
  console.log(
    `time: load ${((loaded - started) / 1000).toFixed(2)} s, predict ${((predicted - loaded) / 1000).toFixed(2)} s ` +
      `(states+priors ${phases.states.toFixed(2)}, training ${phases.training.toFixed(2)}, ranking+baskets ${phases.ranking.toFixed(2)}), ` +
      `total ${((finished - started) / 1000).toFixed(2)} s`,
  );
}

try {
  main();
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`replenish:eval: ${error.message}`);
    console.error('usage: npm run -s replenish:eval -- --data <dir> --out <predictions.jsonl> [--products <products.csv>]');
    process.exit(2);
  }
  const message = error instanceof Error ? error.message : String(error);
  console.error(`replenish:eval failed: ${message}`);
  process.exit(1);
}
