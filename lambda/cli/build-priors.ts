/**
 * Builds the replenishment priors the running skill pools for sparse histories, from the shop's own order history
 * in the Instacart layout:
 *
 *   npm run -s replenish:priors -- --data <dir> [--products <products.csv>] --out <priors.json>
 *
 * Only `prior` orders are read. Product ids must be the ids of the catalog the skill serves; `--products` (with an
 * aisle_id column) adds category-level priors. Point REPLENISHMENT_PRIORS at the output.
 */
import { writeFileSync } from 'node:fs';
import { buildPriors } from '../../skill/core/replenishment/offline';
import { loadDataset, readCategories, UsageError } from './instacart-layout';

function readArguments(argv: readonly string[]): { data: string; out: string; products?: string } {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    if (flag === '--') continue;
    const value = argv[i + 1];
    if (!flag.startsWith('--') || value === undefined || value.startsWith('--')) throw new UsageError(`"${flag}" needs a value`);
    values.set(flag.slice(2), value);
    i += 1;
  }
  const data = values.get('data');
  const out = values.get('out');
  if (!data || !out) throw new UsageError('--data <dir> and --out <priors.json> are required');
  const products = values.get('products');
  return { data, out, ...(products ? { products } : {}) };
}

try {
  const args = readArguments(process.argv.slice(2));
  const categories = args.products ? readCategories(args.products) : new Map<string, string>();
  const { histories } = loadDataset(args.data, categories);
  const priors = buildPriors(histories);
  writeFileSync(args.out, JSON.stringify(priors));
  console.log(
    `priors from ${priors.customers} customers, ${priors.orders} orders: ${Object.keys(priors.products).length} products, ${Object.keys(priors.categories).length} categories → ${args.out}`,
  );
} catch (error) {
  if (error instanceof UsageError) {
    console.error(`replenish:priors: ${error.message}`);
    console.error('usage: npm run -s replenish:priors -- --data <dir> [--products <products.csv>] --out <priors.json>');
    process.exit(2);
  }
  console.error(`replenish:priors failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
