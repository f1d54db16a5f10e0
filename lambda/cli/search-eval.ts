/**
 * npm run -s search:eval -- --catalog <products.csv|.json> [--aisles <aisles.csv>] --locale <en-US|de-DE>
 *   --queries <queries.jsonl> --out <results.jsonl> [--repeat <n>] [--halves]
 *
 * Builds the catalog index, round-trips it through its prebuilt form (as the Lambda loads it), answers every
 * query of the locale and writes `{"id", "results": [product ids, best first]}` per line (empty: abstained).
 * With labelled queries it prints top-1, recall@5, MRR, category precision@1 and the costs.
 *
 * --repeat n times every query n times, each pass on a freshly loaded index (so its word caches are as cold
 * as for a first request) and keeps each query's fastest time: on a machine shared with other work this
 * filters out the scheduler, not the search's own work. Default 1: one timed pass.
 *
 * --halves also prints the quality figures of each half of the queries (split by a hash of the query id):
 * tune on one half, and keep a change only if the other half gains too.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { VoiceCatalog } from '../../skill/core/catalog/voice-catalog';
import { buildVoiceCatalog, serializeCatalog } from '../../skill/core/catalog/build/catalog-builder';
import { evaluationHalf, measureQuality, percentile, type LabelledQuery } from '../../skill/core/catalog/evaluation/search-metrics';
import { LOCALES, type Locale } from '../../skill/core/turn';
import { measureSearchCeiling } from '../../skill/core/catalog/evaluation/search-ceiling';
import { CliError, collectGarbage, readCatalog, readQueries } from './catalog-files';

const USAGE =
  'usage: npm run -s search:eval -- --catalog <products.csv|catalog.json> [--aisles <aisles.csv>] ' +
  '--locale <en-US|de-DE> --queries <queries.jsonl> --out <results.jsonl> [--repeat <n>] [--halves]';

interface Arguments {
  catalog: string;
  aisles?: string;
  locale: Locale;
  queries: string;
  out: string;
  repeat: number;
  halves: boolean;
}

function readArguments(argv: string[]): Arguments {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        catalog: { type: 'string' },
        aisles: { type: 'string' },
        locale: { type: 'string' },
        queries: { type: 'string' },
        out: { type: 'string' },
        repeat: { type: 'string' },
        halves: { type: 'boolean' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | boolean | undefined> });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const missing = ['catalog', 'locale', 'queries', 'out'].filter((name) => !values[name]);
  if (missing.length > 0) throw new CliError(`missing --${missing.join(', --')}\n${USAGE}`);
  const locale = values.locale as Locale;
  if (!LOCALES.includes(locale)) throw new CliError(`--locale must be one of ${LOCALES.join(', ')}, not "${values.locale}"`);
  const repeat = values.repeat === undefined ? 1 : Number(values.repeat);
  if (!Number.isInteger(repeat) || repeat < 1 || repeat > 20) {
    throw new CliError(`--repeat must be a whole number from 1 to 20, not "${values.repeat}"`);
  }
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  return {
    catalog: text('catalog')!,
    aisles: text('aisles'),
    locale,
    queries: text('queries')!,
    out: text('out')!,
    repeat,
    halves: values.halves === true,
  };
}

const megabytes = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

function main(): void {
  const args = readArguments(process.argv.slice(2));
  const products = readCatalog(args.catalog, args.locale, args.aisles);
  const queries = readQueries(args.queries, args.locale);

  const buildStart = performance.now();
  const built = buildVoiceCatalog(products);
  const buildMs = performance.now() - buildStart;
  const prebuilt = serializeCatalog(built);

  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  const loadStart = performance.now();
  const catalog = VoiceCatalog.fromSerialized(prebuilt);
  const loadMs = performance.now() - loadStart;
  collectGarbage();
  const heapIndex = process.memoryUsage().heapUsed - heapBefore;

  const results = new Map<string, string[]>();
  const latencies = queries.map(() => Number.POSITIVE_INFINITY);
  const lines: string[] = [];
  // An untimed pass on a throwaway copy warms the JIT, as a Lambda is after its first requests; the timed
  // pass then runs on an index whose word caches are still cold, as they are for a shopper's new words.
  const warmup = VoiceCatalog.fromSerialized(prebuilt);
  for (const query of queries) warmup.search(query.query, { locale: args.locale, limit: 10 });
  queries.forEach((query, i) => {
    const start = performance.now();
    const hits = catalog.search(query.query, { locale: args.locale, limit: 10 });
    latencies[i] = performance.now() - start;
    const ids = hits.map((hit) => hit.product.id);
    results.set(query.id, ids);
    lines.push(JSON.stringify({ id: query.id, results: ids }));
  });
  for (let pass = 1; pass < args.repeat; pass += 1) {
    const fresh = VoiceCatalog.fromSerialized(prebuilt);
    queries.forEach((query, i) => {
      const start = performance.now();
      fresh.search(query.query, { locale: args.locale, limit: 10 });
      latencies[i] = Math.min(latencies[i]!, performance.now() - start);
    });
  }
  writeFileSync(args.out, lines.length > 0 ? `${lines.join('\n')}\n` : '');

  console.log(`catalog        ${products.length} products, ${args.locale}, ${queries.length} queries → ${args.out}`);
  const labelled = queries.some((query) => query.relevant !== undefined || query.relevant_aisles !== undefined);
  if (labelled) {
    const aisleOf = (id: string) => catalog.get(id)?.aisleId;
    const quality = measureQuality(queries, results, aisleOf);
    if (quality.specificCount > 0) {
      console.log(`specific       ${quality.specificCount} queries`);
      console.log(`  top-1        ${quality.top1.toFixed(3)}`);
      console.log(`  recall@5     ${quality.recallAt5.toFixed(3)}`);
      console.log(`  MRR          ${quality.mrr.toFixed(3)}`);
      console.log(`  abstained    ${quality.specificAbstained.toFixed(3)}`);
    }
    if (quality.specificCount > 0) {
      // How much of the remaining gap any search could close: see search-ceiling.ts.
      const ceiling = measureSearchCeiling(queries, products.map((product) => product.id), (id) => catalog.get(id)?.names[args.locale], args.locale);
      console.log(
        `  ceiling      top-1 ${ceiling.oracle.toFixed(3)}, recall@5 ${ceiling.oracleRecallAt5.toFixed(3)} for an oracle that knows how the queries were cut ` +
          `(${ceiling.tailsNamingAnotherProduct} queries are another product's whole name, ` +
          `${ceiling.wholeNamesWithLongerRival} whole names have a longer rival)`,
      );
    }
    if (quality.categoryCount > 0) {
      console.log(`category       ${quality.categoryCount} queries`);
      console.log(`  precision@1  ${quality.categoryPrecisionAt1.toFixed(3)}`);
    }
    if (args.halves) {
      for (const half of ['A', 'B'] as const) {
        const part: LabelledQuery[] = queries.filter((query) => evaluationHalf(query.id) === half);
        const figures = measureQuality(part, results, aisleOf);
        const category = figures.categoryCount > 0 ? `, category p@1 ${figures.categoryPrecisionAt1.toFixed(3)} of ${figures.categoryCount}` : '';
        console.log(
          `half ${half}         top-1 ${figures.top1.toFixed(3)}, recall@5 ${figures.recallAt5.toFixed(3)}, ` +
            `MRR ${figures.mrr.toFixed(3)} of ${figures.specificCount}${category}`,
        );
      }
    }
  }
  const timing = args.repeat > 1 ? ` (fastest of ${args.repeat} passes)` : '';
  const [p50, p99, max] = [50, 99, 100].map((p) => percentile(latencies, p).toFixed(3));
  console.log(`latency        p50 ${p50} ms, p99 ${p99} ms, max ${max} ms per query${timing}`);
  console.log(`index build    ${buildMs.toFixed(0)} ms`);
  console.log(`prebuilt load  ${loadMs.toFixed(0)} ms (${megabytes(prebuilt.length)} MB serialized)`);
  console.log(`heap           index ${megabytes(heapIndex)} MB, process ${megabytes(process.memoryUsage().heapUsed)} MB`);
}

try {
  main();
} catch (error) {
  if (error instanceof CliError) {
    console.error(`search:eval: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
