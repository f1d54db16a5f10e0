import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProductsJson } from '../../../../skill/core/catalog/catalog-loader';
import { buildVoiceCatalog, serializeCatalog } from '../../../../skill/core/catalog/build/catalog-builder';
import { defaultCatalogIndexPath, loadCatalogFile } from '../../../../skill/store/catalog-file';

const demoCatalog = new URL('../../../../skill/data/demo-catalog.json', import.meta.url);

describe('the committed demo index', () => {
  it('is what npm run catalog:build makes of the demo catalog today', () => {
    const rebuilt = serializeCatalog(buildVoiceCatalog(parseProductsJson(readFileSync(demoCatalog, 'utf8'))));
    const committed = new Uint8Array(readFileSync(defaultCatalogIndexPath()));
    // Byte for byte: a changed catalog, index format or tokenizer must come with a rebuilt file.
    expect(Buffer.compare(committed, rebuilt), 'skill/data/demo-index.bin is stale: run npm run catalog:build').toBe(0);
  });

  it('loads and answers', () => {
    const catalog = loadCatalogFile();
    expect(catalog.search('oat milk', { locale: 'en-US', limit: 1 })[0]?.product.names['en-US']).toMatch(/oat milk/i);
  });
});
