/**
 * The Catalog port from a prebuilt index file (`npm run catalog:build`), read once per process. The Lambda gets
 * the file next to its bundle (CATALOG_INDEX); locally the committed demo index is the default.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CatalogIndexError, VoiceCatalog } from '../core/catalog/voice-catalog';

export function defaultCatalogIndexPath(): string {
  return fileURLToPath(new URL('../data/demo-index.bin', import.meta.url));
}

export function loadCatalogFile(path: string = defaultCatalogIndexPath()): VoiceCatalog {
  let bytes: Uint8Array;
  try {
    // Bytes, not text: the index is binary and its typed arrays are views on these bytes (index-file.ts).
    bytes = readFileSync(path);
  } catch (error) {
    throw new CatalogIndexError(`Cannot read the catalog index at ${path}; run \`npm run catalog:build\` or set CATALOG_INDEX.`, { cause: error });
  }
  return VoiceCatalog.fromSerialized(bytes);
}
