/**
 * Building a voice catalog from products and writing its index file (lambda/cli/build-index.ts, the search
 * evaluation, tests and benches). The skill loads the written file with VoiceCatalog.fromSerialized.
 */
import { LOCALES, type Locale } from '../../turn';
import { IndexFileWriter } from '../index-file';
import type { Product } from '../product';
import type { SearchIndex } from '../search-index';
import { INDEX_FORMAT, INDEX_VERSION, VoiceCatalog, type IndexMeta } from '../voice-catalog';
import { productColumnsOf, writeProductColumns } from './product-columns-builder';
import { buildSearchIndex, writeSearchIndex } from './search-index-builder';

/** Builds the indexes for every locale any product has a name in. */
export function buildVoiceCatalog(products: readonly Product[]): VoiceCatalog {
  const columns = productColumnsOf(products);
  const indexes = new Map<Locale, SearchIndex>();
  for (const locale of LOCALES) {
    if (!columns.nameLocales.includes(locale)) continue;
    const aisleNames = columns.aisles.map((aisle) => aisle.names[locale] ?? '');
    // The brand leads the searchable name (where the name does not say it already): "morning ridge coffee"
    // finds it, and a shopper who leaves the brand out loses little, as with any leading word.
    const documents = products.map((product, position) => {
      const name = columns.name(locale, position);
      const brand = product.brand;
      const withBrand = brand !== undefined && name && !name.toLowerCase().includes(brand.toLowerCase()) ? `${brand} ${name}` : name;
      return { name: withBrand ?? '', aisle: columns.aisleOf(position) };
    });
    indexes.set(locale, buildSearchIndex(locale, documents, aisleNames));
  }
  return new VoiceCatalog(columns, indexes);
}

/** The prebuilt index file (index-file.ts layout) that VoiceCatalog.fromSerialized loads. */
export function serializeCatalog(catalog: VoiceCatalog): Uint8Array {
  const writer = new IndexFileWriter();
  const products = writeProductColumns(catalog.columns, writer);
  for (const [locale, index] of catalog.indexes) writeSearchIndex(index, writer, `index.${locale}`);
  const meta: IndexMeta = { format: INDEX_FORMAT, version: INDEX_VERSION, products, locales: [...catalog.indexes.keys()] };
  return writer.toBytes(meta);
}
