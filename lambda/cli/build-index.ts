/**
 * npm run catalog:build [-- --catalog <catalog.json|products.csv> [--aisles <aisles.csv>] [--locale <en-US|de-DE>]
 *   [--out <index.bin>]]
 *
 * Prebuilds the catalog search index the Lambda loads at init. Without arguments it indexes the demo catalog
 * skill/data/demo-catalog.json into skill/data/demo-index.bin (binary: see skill/core/catalog/index-file.ts). A CSV catalog needs --locale (the language of
 * its names); a JSON catalog carries its locales in each product.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { buildVoiceCatalog, serializeCatalog } from '../../skill/core/catalog/build/catalog-builder';
import { LOCALES, type Locale } from '../../skill/core/turn';
import { CliError, readCatalog } from './catalog-files';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const USAGE =
  'usage: npm run catalog:build -- [--catalog <catalog.json|products.csv>] [--aisles <aisles.csv>] ' +
  '[--locale <en-US|de-DE>] [--out <index.bin>]';

function main(): void {
  let values: Record<string, string | undefined>;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        catalog: { type: 'string' },
        aisles: { type: 'string' },
        locale: { type: 'string' },
        out: { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }) as { values: Record<string, string | undefined> });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n${USAGE}`);
  }
  const catalogPath = values.catalog ?? join(root, 'skill', 'data', 'demo-catalog.json');
  const outPath = values.out ?? join(root, 'skill', 'data', 'demo-index.bin');
  const isCsv = !catalogPath.toLowerCase().endsWith('.json');
  if (isCsv && !values.locale) throw new CliError(`a CSV catalog needs --locale (the language of its names)\n${USAGE}`);
  const locale = (values.locale ?? 'en-US') as Locale;
  if (!LOCALES.includes(locale)) throw new CliError(`--locale must be one of ${LOCALES.join(', ')}, not "${values.locale}"`);
  if (values.aisles && !isCsv) throw new CliError('--aisles goes with a CSV catalog; a JSON catalog names its aisles itself');

  const products = readCatalog(catalogPath, locale, values.aisles);
  if (products.length === 0) throw new CliError(`${catalogPath} holds no products`);
  const started = performance.now();
  const catalog = buildVoiceCatalog(products);
  const serialized = serializeCatalog(catalog);
  try {
    writeFileSync(outPath, serialized);
  } catch (error) {
    throw new CliError(`cannot write ${outPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  const kilobytes = (serialized.byteLength / 1024).toFixed(0);
  console.log(`${products.length} products, locales ${catalog.locales.join(', ')} → ${outPath} (${kilobytes} KB, ${seconds} s)`);
}

try {
  main();
} catch (error) {
  if (error instanceof CliError) {
    console.error(`catalog:build: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
