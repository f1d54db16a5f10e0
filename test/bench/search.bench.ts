/**
 * npm run bench:search — vocart's voice search against MiniSearch and Fuse.js on the evaluation data in
 * ../shared/data (Instacart en-US with aisles, Open Food Facts de-DE), same catalog, same queries, one table.
 * Skips politely when the data folder is absent (e.g. on a user's machine).
 *
 * Environment: BENCH_FUSE_QUERIES caps the queries Fuse.js answers per locale (default 150, an even spread
 * over the query file; "all" for every query). Fuse scans every product for every query, about 1.5 s a
 * query on the 49,688-product catalog here: all 1,632 en-US queries take most of an hour. The table's
 * "queries" column says how many each engine answered.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import MiniSearch from 'minisearch';
import Fuse from 'fuse.js';
import { VoiceCatalog } from '../../skill/core/catalog/voice-catalog';
import { buildVoiceCatalog, serializeCatalog } from '../../skill/core/catalog/build/catalog-builder';
import { measureQuality, percentile, type LabelledQuery, type SearchQuality } from '../../skill/core/catalog/evaluation/search-metrics';
import type { Product } from '../../skill/core/catalog/product';
import type { Locale } from '../../skill/core/turn';
import { readCatalog, readQueries } from '../../lambda/cli/catalog-files';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = resolve(root, '..', 'shared', 'data');

const DEFAULT_FUSE_QUERIES = 150;

interface Engine {
  name: string;
  /** Product ids best first for a query (empty: no answer). */
  search(query: string): string[];
}

interface Row {
  locale: Locale;
  engine: string;
  quality: SearchQuality;
  p50: number;
  p99: number;
  buildMs: number;
  queries: number;
}

interface Document {
  id: string;
  name: string;
  aisle: string;
}

function documentsOf(products: readonly Product[], locale: Locale): Document[] {
  return products.map((product) => ({
    id: product.id,
    name: product.names[locale] ?? '',
    aisle: product.aisle?.[locale] ?? '',
  }));
}

/** Accents and case folded the same way for both competitors, so they are not punished for "é". */
function fold(term: string): string {
  return term.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function buildVocart(products: readonly Product[], locale: Locale): Engine {
  const catalog = VoiceCatalog.fromSerialized(serializeCatalog(buildVoiceCatalog(products)));
  return { name: 'vocart', search: (query) => catalog.search(query, { locale, limit: 10 }).map((hit) => hit.product.id) };
}

function buildMiniSearch(products: readonly Product[], locale: Locale): Engine {
  const index = new MiniSearch<Document>({
    fields: ['name', 'aisle'],
    storeFields: [],
    processTerm: (term) => fold(term),
    searchOptions: { fuzzy: 0.2, prefix: true, boost: { name: 2 }, combineWith: 'OR' },
  });
  index.addAll(documentsOf(products, locale));
  return { name: 'MiniSearch', search: (query) => index.search(query).slice(0, 10).map((hit) => String(hit.id)) };
}

function buildFuse(products: readonly Product[], locale: Locale): Engine {
  const fuse = new Fuse(documentsOf(products, locale), {
    keys: [
      { name: 'name', weight: 0.8 },
      { name: 'aisle', weight: 0.2 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
    ignoreDiacritics: true,
    includeScore: false,
  });
  return { name: 'Fuse.js', search: (query) => fuse.search(query, { limit: 10 }).map((hit) => hit.item.id) };
}

function run(engine: Engine, queries: readonly LabelledQuery[], aisleOf: (id: string) => string | undefined) {
  const results = new Map<string, string[]>();
  for (const query of queries.slice(0, 50)) engine.search(query.query); // warm the JIT
  const latencies: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    results.set(query.id, engine.search(query.query));
    latencies.push(performance.now() - started);
  }
  return { quality: measureQuality(queries, results, aisleOf), p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

function benchLocale(locale: Locale, catalogFile: string, aislesFile: string | undefined, rows: Row[]): void {
  const products = readCatalog(join(data, 'catalog', catalogFile), locale, aislesFile && join(data, 'catalog', aislesFile));
  const queries = readQueries(join(data, 'search', 'queries-dev.jsonl'), locale);
  const aisleById = new Map(products.map((product) => [product.id, product.aisleId]));
  const aisleOf = (id: string) => aisleById.get(id);
  const fuseSetting = process.env.BENCH_FUSE_QUERIES ?? String(DEFAULT_FUSE_QUERIES);
  const fuseLimit = fuseSetting === 'all' ? queries.length : Number(fuseSetting);
  if (!Number.isInteger(fuseLimit) || fuseLimit < 1) {
    throw new Error(`BENCH_FUSE_QUERIES must be a positive whole number or "all", not "${fuseSetting}"`);
  }
  // An even spread when Fuse is capped, so specific and category queries both stay in.
  const step = fuseLimit < queries.length ? queries.length / fuseLimit : 1;
  const fuseSample = step === 1 ? queries : queries.filter((_, i) => Math.floor(i / step) !== Math.floor((i - 1) / step));
  for (const build of [buildVocart, buildMiniSearch, buildFuse]) {
    const started = performance.now();
    const engine = build(products, locale);
    const buildMs = performance.now() - started;
    const sample = engine.name === 'Fuse.js' ? fuseSample : queries;
    rows.push({ locale, engine: engine.name, ...run(engine, sample, aisleOf), buildMs, queries: sample.length });
    // vocart on Fuse's sample too, so the capped comparison is like for like.
    if (engine.name === 'vocart' && fuseSample.length < queries.length) {
      const fresh = build(products, locale);
      rows.push({ locale, engine: 'vocart (Fuse sample)', ...run(fresh, fuseSample, aisleOf), buildMs, queries: fuseSample.length });
    }
    console.error(`  ${locale} ${engine.name} done`);
  }
}

function printTable(rows: readonly Row[]): void {
  const header = ['locale', 'engine', 'queries', 'top-1', 'recall@5', 'MRR', 'cat P@1', 'p50 ms', 'p99 ms', 'build ms'];
  const figure = (value: number, digits = 3) => value.toFixed(digits);
  const lines = rows.map((row) => [
    row.locale,
    row.engine,
    String(row.queries),
    figure(row.quality.top1),
    figure(row.quality.recallAt5),
    figure(row.quality.mrr),
    row.quality.categoryCount > 0 ? figure(row.quality.categoryPrecisionAt1) : '—',
    figure(row.p50, 2),
    figure(row.p99, 2),
    figure(row.buildMs, 0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ');
  console.log(format(header));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const line of lines) console.log(format(line));
}

function main(): void {
  if (!existsSync(join(data, 'search', 'queries-dev.jsonl'))) {
    console.log(`bench:search skipped: no evaluation data at ${data}`);
    return;
  }
  const rows: Row[] = [];
  benchLocale('en-US', 'en-US-products.csv', 'en-US-aisles.csv', rows);
  benchLocale('de-DE', 'de-DE-products.csv', undefined, rows);
  printTable(rows);
}

main();
