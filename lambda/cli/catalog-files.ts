/**
 * File reading for the catalog command-line tools and the search benchmark: the core parses strings,
 * this module turns paths into them and names the file in every error.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parseAislesCsv, parseProductsCsv, parseProductsJson } from '../../skill/core/catalog/catalog-loader';
import type { Product } from '../../skill/core/catalog/product';
import type { LabelledQuery } from '../../skill/core/catalog/evaluation/search-metrics';
import type { Locale } from '../../skill/core/turn';

export class CliError extends Error {
  override name = 'CliError';
}

export function readText(path: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Products from a CSV (with optional aisles CSV) or a JSON catalog, chosen by the file's extension. */
export function readCatalog(catalogPath: string, locale: Locale, aislesPath?: string): Product[] {
  const text = readText(catalogPath, 'catalog');
  try {
    if (catalogPath.toLowerCase().endsWith('.json')) return parseProductsJson(text);
    const aisles = aislesPath ? parseAislesCsv(readText(aislesPath, 'aisles file')) : undefined;
    return parseProductsCsv(text, { locale, aisles });
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${catalogPath}: ${(error as Error).message}`);
  }
}

/** The query lines of one locale from a JSONL file. */
export function readQueries(path: string, locale: Locale): LabelledQuery[] {
  const queries: LabelledQuery[] = [];
  readText(path, 'queries file')
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      let value: LabelledQuery;
      try {
        value = JSON.parse(line) as LabelledQuery;
      } catch {
        throw new CliError(`${path}:${index + 1}: not a JSON object`);
      }
      if (typeof value?.id !== 'string' || typeof value.query !== 'string') {
        throw new CliError(`${path}:${index + 1}: a query line needs string "id" and "query"`);
      }
      if ((value.locale ?? locale) === locale) queries.push(value);
    });
  return queries;
}

/** Forces a garbage collection when the runtime allows it, so heap figures mean live data. */
export function collectGarbage(): void {
  let gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) {
    // Without --expose-gc: turn the flag on and fetch gc from a fresh context, where V8 then defines it.
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as (() => void) | undefined;
  }
  gc?.();
  gc?.();
}
