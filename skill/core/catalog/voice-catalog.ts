/**
 * The catalog port with voice search: products plus one search index per locale the names come in.
 * Built ahead of time (lambda/cli/build-index.ts with build/catalog-builder.ts) and loaded prebuilt at init,
 * because building the index for 50,000 products takes longer than a cold start should. The building and
 * writing code lives apart in build/, so the skill's bundle carries only the reading and searching.
 */
import type { Catalog, SearchHit, SearchOptions } from '../ports';
import type { Locale } from '../turn';
import { VocartError } from '../errors';
import type { Product } from './product';
import { IndexFileReader } from './index-file';
import { ProductColumns, type ProductColumnsMeta } from './product-columns';
import { SearchIndex } from './search-index';
import { parseProductRequest } from './product-request';

export const INDEX_FORMAT = 'vocart.catalog-index';
/**
 * 2: phonetic keys include the sound spelling. 3: words in any script are tokens; ø, æ, œ, ł… are folded.
 * 4: a binary file (index-file.ts) holding postings and word lookups ready to use, loaded without rebuilding.
 * 5: ids and positions 16 bits wide where they fit; words and lookup keys as one text with offsets instead of
 *    line-separated; product text as UTF-8 decoded per product shown; "no aisle" is one past the last aisle.
 * 6: a price list per locale's shop (Product.prices) beside the product's own price.
 */
export const INDEX_VERSION = 6;

/** A prebuilt index that cannot be loaded (wrong format, other version, damaged data). */
export class CatalogIndexError extends VocartError {
  override name = 'CatalogIndexError';
}

/** The index file's header. */
export interface IndexMeta {
  format: typeof INDEX_FORMAT;
  version: number;
  products: ProductColumnsMeta;
  locales: Locale[];
}

export class VoiceCatalog implements Catalog {
  private readonly materialized: (Product | undefined)[];
  private readonly popularity?: Float32Array;

  constructor(
    readonly columns: ProductColumns,
    /** One per locale, in the order the file stores them. */
    readonly indexes: ReadonlyMap<Locale, SearchIndex>,
  ) {
    this.materialized = new Array<Product | undefined>(columns.size);
    this.popularity = columns.popularity();
  }

  /** Loads what serializeCatalog (build/catalog-builder.ts) wrote. */
  static fromSerialized(bytes: Uint8Array): VoiceCatalog {
    if (!IndexFileReader.isIndexFile(bytes)) {
      // Versions up to 3 were JSON text.
      const legacy = bytes.length > 0 && bytes[0] === 0x7b; /* { */
      throw new CatalogIndexError(legacy ? `catalog index is an older (JSON) version, not ${INDEX_VERSION}: rebuild it (npm run catalog:build)` : 'not a vocart catalog index');
    }
    let reader: IndexFileReader;
    try {
      reader = new IndexFileReader(bytes);
    } catch (error) {
      throw new CatalogIndexError('prebuilt catalog index is damaged', { cause: error });
    }
    const meta = reader.meta as Partial<IndexMeta> | null;
    if (meta?.format !== INDEX_FORMAT) throw new CatalogIndexError('not a vocart catalog index');
    if (meta.version !== INDEX_VERSION) {
      throw new CatalogIndexError(`catalog index version ${meta.version} is not ${INDEX_VERSION}: rebuild it (npm run catalog:build)`);
    }
    try {
      const columns = ProductColumns.read(reader, meta.products!);
      const indexes = new Map<Locale, SearchIndex>();
      for (const locale of meta.locales!) indexes.set(locale, SearchIndex.read(reader, `index.${locale}`, locale, columns.size));
      return new VoiceCatalog(columns, indexes);
    } catch (error) {
      throw new CatalogIndexError('prebuilt catalog index is damaged', { cause: error });
    }
  }

  get size(): number {
    return this.columns.size;
  }

  get locales(): Locale[] {
    return [...this.indexes.keys()];
  }

  get(productId: string): Product | undefined {
    const position = this.columns.positionOf(productId);
    return position === undefined ? undefined : this.productAt(position);
  }

  /** All products (materialises every one: for building interaction models, not per request). */
  products(): Product[] {
    return Array.from({ length: this.columns.size }, (_, position) => this.productAt(position));
  }

  search(query: string, options: SearchOptions): SearchHit[] {
    const index = this.indexes.get(options.locale) ?? this.indexes.values().next().value;
    if (!index) return [];
    let personal: Map<number, number> | undefined;
    if (options.personal && options.personal.size > 0) {
      personal = new Map();
      for (const [productId, weight] of options.personal) {
        const position = this.columns.positionOf(productId);
        if (position !== undefined) personal.set(position, weight);
      }
    }
    const spellingAgreement = this.spellingAgreementWith(query, index.locale);
    let hits = index.search(query, options.limit ?? 10, { personal, popularity: this.popularity, spellingAgreement });
    if (hits.length === 0) {
      // "half a gallon of milk" names no product whole: the product is what is left after the amount. Only
      // tried when the whole request found nothing, so a name with an amount in it ("12 pack cola") stays itself.
      const product = parseProductRequest(query, index.locale).query;
      if (product && product !== query.trim().toLowerCase()) {
        hits = index.search(product, options.limit ?? 10, { personal, popularity: this.popularity, spellingAgreement });
      }
    }
    return hits.map((hit) => ({ product: this.productAt(hit.position), score: hit.score }));
  }

  /**
   * Counts, per product, the request's words its name spells exactly as said (case aside). Called only to
   * order products whose folded names are the same words, so it is computed lazily, once per product.
   */
  private spellingAgreementWith(query: string, locale: Locale): (position: number) => number {
    const said = new Set(writtenWords(query, locale));
    const columns = this.columns;
    const known = new Map<number, number>();
    return (position) => {
      let agreement = known.get(position);
      if (agreement === undefined) {
        agreement = 0;
        for (const word of new Set(writtenWords(columns.name(locale, position) ?? '', locale))) if (said.has(word)) agreement += 1;
        known.set(position, agreement);
      }
      return agreement;
    };
  }

  private productAt(position: number): Product {
    let product = this.materialized[position];
    if (!product) {
      product = this.columns.product(position);
      this.materialized[position] = product;
    }
    return product;
  }
}

/**
 * The words of a text as written: lower case, accents and ß kept, split at anything not a letter or digit.
 * "&" is the word "and": a spoken request cannot tell the two apart, so neither spelling may win a tie.
 */
function writtenWords(text: string, locale: Locale): string[] {
  return text
    .toLowerCase()
    .normalize('NFC')
    .replace(/&/g, locale === 'de-DE' ? ' und ' : ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
}
