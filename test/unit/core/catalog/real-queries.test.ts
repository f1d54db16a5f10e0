/**
 * The search against the evaluation data in ../shared/data (Instacart en-US, Open Food Facts de-DE): a guard
 * that the figures do not slip. Skips where the data folder is absent, e.g. on a user's machine.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCatalog, readQueries } from '../../../../lambda/cli/catalog-files';
import { VoiceCatalog } from '../../../../skill/core/catalog/voice-catalog';
import { buildVoiceCatalog, serializeCatalog } from '../../../../skill/core/catalog/build/catalog-builder';
import { measureQuality } from '../../../../skill/core/catalog/evaluation/search-metrics';
import type { Locale } from '../../../../skill/core/turn';

const data = resolve(process.cwd(), '..', 'shared', 'data');
const present = existsSync(join(data, 'search', 'queries-dev.jsonl'));

function evaluate(locale: Locale, catalogFile: string, aislesFile?: string) {
  const products = readCatalog(join(data, 'catalog', catalogFile), locale, aislesFile && join(data, 'catalog', aislesFile));
  const catalog = VoiceCatalog.fromSerialized(serializeCatalog(buildVoiceCatalog(products)));
  const queries = readQueries(join(data, 'search', 'queries-dev.jsonl'), locale);
  const results = new Map(queries.map((query) => [query.id, catalog.search(query.query, { locale, limit: 10 }).map((hit) => hit.product.id)]));
  return measureQuality(queries, results, (id) => catalog.get(id)?.aisleId);
}

describe.skipIf(!present)('search quality on the evaluation queries', () => {
  it('en-US: finds the product said, and answers categories from the right aisle', () => {
    const quality = evaluate('en-US', 'en-US-products.csv', 'en-US-aisles.csv');
    expect(quality.top1).toBeGreaterThanOrEqual(0.89);
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.97);
    expect(quality.categoryPrecisionAt1).toBeGreaterThanOrEqual(0.9);
    expect(quality.specificAbstained).toBeLessThan(0.01);
  }, 60_000);

  it('de-DE: finds the product said', () => {
    const quality = evaluate('de-DE', 'de-DE-products.csv');
    expect(quality.top1).toBeGreaterThanOrEqual(0.96);
    expect(quality.recallAt5).toBeGreaterThanOrEqual(0.985);
  }, 60_000);
});
