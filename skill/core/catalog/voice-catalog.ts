/**
 * The catalog port with voice search: products plus one search index per locale the names come in.
 * Built ahead of time (lambda/cli/build-index.ts) and loaded prebuilt at init, because building the index
 * for 50,000 products takes longer than a cold start should.
 */
import type { Catalog, SearchHit, SearchOptions } from '../ports';
import { LOCALES, type Locale } from '../turn';
import { VocartError } from '../errors';
import type { Product } from './product';
import { SearchIndex, type SearchIndexData } from './search-index';

export const INDEX_FORMAT = 'vocart.catalog-index';
/** 2: phonetic keys include the sound spelling. 3: words in any script are tokens; ø, æ, œ, ł… are folded. */
export const INDEX_VERSION = 3;

/** A prebuilt index that cannot be loaded (wrong format, other version, damaged data). */
export class CatalogIndexError extends VocartError {}

const OPTIONAL_FIELDS = ['departmentId', 'priceCents', 'currency', 'size', 'brand', 'imageUrl', 'popularity'] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

interface AisleEntry {
  id: string;
  names: Partial<Record<Locale, string>>;
}

/**
 * The serialised catalog. Products are stored by column (an aisle's names once, not once per product)
 * and become Product objects only when a search or get() returns them.
 */
export interface SerializedCatalog {
  format: typeof INDEX_FORMAT;
  version: number;
  ids: string[];
  names: Partial<Record<Locale, (string | null)[]>>;
  aisles: AisleEntry[];
  /** Position into `aisles` per product, -1 for none. */
  productAisles: number[];
  fields: Partial<Record<OptionalField, (string | number | null)[]>>;
  indexes: SearchIndexData[];
}

interface Columns {
  ids: string[];
  names: Partial<Record<Locale, (string | null)[]>>;
  aisles: AisleEntry[];
  productAisles: number[];
  fields: Partial<Record<OptionalField, (string | number | null)[]>>;
}

export class VoiceCatalog implements Catalog {
  private readonly positionOf = new Map<string, number>();
  private readonly materialized: (Product | undefined)[];
  private readonly popularity?: Float32Array;

  private constructor(
    private readonly columns: Columns,
    private readonly indexes: ReadonlyMap<Locale, SearchIndex>,
  ) {
    columns.ids.forEach((id, position) => this.positionOf.set(id, position));
    this.materialized = new Array<Product | undefined>(columns.ids.length);
    const popularity = columns.fields.popularity;
    if (popularity?.some((value) => typeof value === 'number' && value > 0)) {
      this.popularity = Float32Array.from(popularity, (value) => (typeof value === 'number' ? value : 0));
    }
  }

  /** Builds the indexes for every locale any product has a name in. */
  static fromProducts(products: readonly Product[]): VoiceCatalog {
    const columns = toColumns(products);
    const indexes = new Map<Locale, SearchIndex>();
    for (const locale of LOCALES) {
      const names = columns.names[locale];
      if (!names?.some((name) => name)) continue;
      const aisleNames = columns.aisles.map((aisle) => aisle.names[locale] ?? '');
      // The brand leads the searchable name (where the name does not say it already): "morning ridge coffee"
      // finds it, and a shopper who leaves the brand out loses little, as with any leading word.
      const brands = columns.fields.brand;
      const documents = names.map((name, position) => {
        const brand = brands?.[position];
        const withBrand =
          typeof brand === 'string' && name && !name.toLowerCase().includes(brand.toLowerCase()) ? `${brand} ${name}` : name;
        return { name: withBrand ?? '', aisle: columns.productAisles[position]! };
      });
      indexes.set(locale, SearchIndex.build(locale, documents, aisleNames));
    }
    return new VoiceCatalog(columns, indexes);
  }

  /** Loads what serialize() wrote (the parsed object or its JSON text). */
  static fromSerialized(serialized: SerializedCatalog | string): VoiceCatalog {
    let data: SerializedCatalog;
    try {
      data = typeof serialized === 'string' ? (JSON.parse(serialized) as SerializedCatalog) : serialized;
    } catch (error) {
      throw new CatalogIndexError('prebuilt catalog index is not JSON', { cause: error });
    }
    if (data?.format !== INDEX_FORMAT) throw new CatalogIndexError('not a vocart catalog index');
    if (data.version !== INDEX_VERSION) {
      throw new CatalogIndexError(`catalog index version ${data.version} is not ${INDEX_VERSION}: rebuild it (npm run catalog:build)`);
    }
    try {
      const indexes = new Map<Locale, SearchIndex>();
      for (const indexData of data.indexes) {
        const index = SearchIndex.fromData(indexData);
        if (index.size !== data.ids.length) throw new Error(`${indexData.locale} index covers ${index.size} products, not ${data.ids.length}`);
        indexes.set(indexData.locale, index);
      }
      const { ids, names, aisles, productAisles, fields } = data;
      return new VoiceCatalog({ ids, names, aisles, productAisles, fields }, indexes);
    } catch (error) {
      throw new CatalogIndexError('prebuilt catalog index is damaged', { cause: error });
    }
  }

  serialize(): string {
    const serialized: SerializedCatalog = {
      format: INDEX_FORMAT,
      version: INDEX_VERSION,
      ...this.columns,
      indexes: [...this.indexes.values()].map((index) => index.toData()),
    };
    return JSON.stringify(serialized);
  }

  get size(): number {
    return this.columns.ids.length;
  }

  get locales(): Locale[] {
    return [...this.indexes.keys()];
  }

  get(productId: string): Product | undefined {
    const position = this.positionOf.get(productId);
    return position === undefined ? undefined : this.productAt(position);
  }

  /** All products (materialises every one: for building interaction models, not per request). */
  products(): Product[] {
    return this.columns.ids.map((_, position) => this.productAt(position));
  }

  search(query: string, options: SearchOptions): SearchHit[] {
    const index = this.indexes.get(options.locale) ?? this.indexes.values().next().value;
    if (!index) return [];
    let personal: Map<number, number> | undefined;
    if (options.personal && options.personal.size > 0) {
      personal = new Map();
      for (const [productId, weight] of options.personal) {
        const position = this.positionOf.get(productId);
        if (position !== undefined) personal.set(position, weight);
      }
    }
    const spellingAgreement = this.spellingAgreementWith(query, index.locale);
    const hits = index.search(query, options.limit ?? 10, { personal, popularity: this.popularity, spellingAgreement });
    return hits.map((hit) => ({ product: this.productAt(hit.position), score: hit.score }));
  }

  /**
   * Counts, per product, the request's words its name spells exactly as said (case aside). Called only to
   * order products whose folded names are the same words, so it is computed lazily, once per product.
   */
  private spellingAgreementWith(query: string, locale: Locale): (position: number) => number {
    const said = new Set(writtenWords(query, locale));
    const names = this.columns.names[locale];
    const known = new Map<number, number>();
    return (position) => {
      let agreement = known.get(position);
      if (agreement === undefined) {
        agreement = 0;
        for (const word of new Set(writtenWords(names?.[position] ?? '', locale))) if (said.has(word)) agreement += 1;
        known.set(position, agreement);
      }
      return agreement;
    };
  }

  private productAt(position: number): Product {
    const cached = this.materialized[position];
    if (cached) return cached;
    const { ids, names, aisles, productAisles, fields } = this.columns;
    const product: Product = { id: ids[position]!, names: {} };
    for (const locale of LOCALES) {
      const name = names[locale]?.[position];
      if (name) product.names[locale] = name;
    }
    const aisle = aisles[productAisles[position]!];
    if (aisle) {
      product.aisleId = aisle.id;
      if (Object.keys(aisle.names).length > 0) product.aisle = { ...aisle.names };
    }
    for (const field of OPTIONAL_FIELDS) {
      const value = fields[field]?.[position];
      if (value !== null && value !== undefined) (product as unknown as Record<string, unknown>)[field] = value;
    }
    this.materialized[position] = product;
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

function toColumns(products: readonly Product[]): Columns {
  const names: Partial<Record<Locale, (string | null)[]>> = {};
  for (const locale of LOCALES) {
    if (products.some((product) => product.names[locale])) {
      names[locale] = products.map((product) => product.names[locale] ?? null);
    }
  }
  const aisles: AisleEntry[] = [];
  const aislePosition = new Map<string, number>();
  const productAisles = products.map((product) => {
    if (!product.aisleId) return -1;
    let position = aislePosition.get(product.aisleId);
    if (position === undefined) {
      position = aisles.length;
      aislePosition.set(product.aisleId, position);
      aisles.push({ id: product.aisleId, names: {} });
    }
    const entry = aisles[position]!;
    for (const locale of LOCALES) {
      const name = product.aisle?.[locale];
      if (name && !entry.names[locale]) entry.names[locale] = name;
    }
    return position;
  });
  const fields: Columns['fields'] = {};
  for (const field of OPTIONAL_FIELDS) {
    if (products.some((product) => product[field] !== undefined)) {
      fields[field] = products.map((product) => product[field] ?? null);
    }
  }
  return { ids: products.map((product) => product.id), names, aisles, productAisles, fields };
}
