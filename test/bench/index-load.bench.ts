/**
 * npm run bench:index-load [-- --index <file> | --catalog <products.csv> [--aisles <aisles.csv>] --locale <l>] [--runs 9]
 *
 * What the prebuilt catalog index costs a cold start: in each of `runs` fresh `node` processes, read the file,
 * load it (VoiceCatalog.fromSerialized) and answer a first search, as a Lambda's init and first turn do.
 * Prints the fastest and the median run (the fastest is the code's own cost on a shared machine). With
 * --catalog the index is built first (into a temporary file), so the 49,688-product catalog in ../shared/data
 * can be measured without keeping its index around.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { VoiceCatalog } from '../../skill/core/catalog/voice-catalog';
import { buildVoiceCatalog, serializeCatalog } from '../../skill/core/catalog/build/catalog-builder';
import { defaultCatalogIndexPath } from '../../skill/store/catalog-file';
import type { Locale } from '../../skill/core/turn';
import { readCatalog } from '../../lambda/cli/catalog-files';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = join(root, 'node_modules', '.cache', 'vocart-index-load-bench');

const CHILD = `
import { performance } from 'node:perf_hooks';
import { loadCatalogFile } from './skill/store/catalog-file';
const [path, query] = process.argv.slice(2);
const started = performance.now();
const catalog = loadCatalogFile(path);
const loaded = performance.now();
const hits = catalog.search(query, { locale: catalog.locales[0], limit: 5 });
const searched = performance.now();
process.stdout.write(JSON.stringify({ loadMs: loaded - started, firstSearchMs: searched - loaded, hits: hits.length }));
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { index: { type: 'string' }, catalog: { type: 'string' }, aisles: { type: 'string' }, locale: { type: 'string' }, runs: { type: 'string' }, query: { type: 'string' } },
    strict: true,
  });
  const runs = Number(values.runs ?? 9);
  mkdirSync(outDir, { recursive: true });
  let indexPath = resolve(values.index ?? defaultCatalogIndexPath());
  if (values.catalog) {
    const products = readCatalog(values.catalog, (values.locale ?? 'en-US') as Locale, values.aisles);
    indexPath = join(outDir, 'index.bin');
    writeFileSync(indexPath, serializeCatalog(buildVoiceCatalog(products)));
  }
  const child = join(outDir, 'child.mjs');
  await build({
    stdin: { contents: CHILD, resolveDir: root, loader: 'ts', sourcefile: 'index-load-child.ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    outfile: child,
    minify: true,
    logLevel: 'warning',
  });
  const query = values.query ?? 'organic whole milk';
  const results: Array<{ loadMs: number; firstSearchMs: number }> = [];
  for (let run = 0; run < runs; run += 1) {
    const result = spawnSync(process.execPath, [child, indexPath, query], { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`child failed: ${result.stderr}`);
    results.push(JSON.parse(result.stdout) as { loadMs: number; firstSearchMs: number });
  }
  const sorted = (pick: (r: { loadMs: number; firstSearchMs: number }) => number) => results.map(pick).sort((a, b) => a - b);
  const load = sorted((r) => r.loadMs);
  const ready = sorted((r) => r.loadMs + r.firstSearchMs);
  const figures = {
    index: indexPath,
    megabytes: Math.round((statSync(indexPath).size / 1024 / 1024) * 10) / 10,
    runs,
    loadMsFastest: Math.round(load[0]! * 10) / 10,
    loadMsMedian: Math.round(load[runs >> 1]! * 10) / 10,
    loadAndFirstSearchMsFastest: Math.round(ready[0]! * 10) / 10,
    loadAndFirstSearchMsMedian: Math.round(ready[runs >> 1]! * 10) / 10,
  };
  console.log(`index ${indexPath} (${figures.megabytes} MB), ${runs} fresh processes`);
  console.log(`  read + load            fastest ${figures.loadMsFastest} ms, median ${figures.loadMsMedian} ms`);
  console.log(`  … and a first search   fastest ${figures.loadAndFirstSearchMsFastest} ms, median ${figures.loadAndFirstSearchMsMedian} ms`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
