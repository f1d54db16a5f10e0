/**
 * The catalog's products stored by column: each text column UTF-8 bytes with offsets, each number column a
 * Float64Array (NaN where a product has no value), an aisle's names once. Loading keeps the columns as read;
 * a product becomes an object (and its text strings) only when a search or get() returns it, so 50,000
 * products cost no decoding and no object churn at a cold start.
 */
import type { Locale } from '../turn';
import type { IndexFileReader, UintArray } from './index-file';
import { SortedPositions } from './keyed-lists';
import { StringList } from './string-list';
import type { Product } from './product';

export const TEXT_FIELDS = ['departmentId', 'currency', 'size', 'brand', 'imageUrl'] as const;
export const NUMBER_FIELDS = ['priceCents', 'popularity'] as const;
export type TextField = (typeof TEXT_FIELDS)[number];
export type NumberField = (typeof NUMBER_FIELDS)[number];
const FIELD_ORDER = ['departmentId', 'priceCents', 'currency', 'size', 'brand', 'imageUrl', 'popularity'] as const satisfies readonly (TextField | NumberField)[];
const isNumberField = (field: TextField | NumberField): field is NumberField => (NUMBER_FIELDS as readonly string[]).includes(field);

export interface AisleEntry {
  id: string;
  names: Partial<Record<Locale, string>>;
}

/** What the file's header says about the columns (small, JSON). */
export interface ProductColumnsMeta {
  productCount: number;
  aisles: AisleEntry[];
  names: Locale[];
  textFields: TextField[];
  numberFields: NumberField[];
  /** The locales whose shops have a price list of their own (Product.prices), one number column each. */
  priceLists: Locale[];
}

/**
 * Strings of one column, kept as the file's UTF-8 bytes: value i is bytes[offsets[i] … offsets[i + 1]), empty
 * means absent. A value is decoded when a product is shown, so a cold start does not decode the names of
 * 50,000 products (3 ms for the en-US names alone) to show a handful. Built and written by
 * build/product-columns-builder.ts.
 */
export class TextColumn {
  constructor(
    readonly bytes: Uint8Array,
    readonly offsets: UintArray,
  ) {}

  static read(reader: IndexFileReader, name: string, count: number): TextColumn {
    const column = new TextColumn(reader.utf8(`${name}.text`), reader.uints(`${name}.offsets`));
    if (column.offsets.length !== count + 1 || column.offsets[0] !== 0 || column.offsets[count] !== column.bytes.length) {
      throw new Error(`column ${name} does not hold ${count} values`);
    }
    return column;
  }

  at(position: number): string | undefined {
    const start = this.offsets[position]!;
    const end = this.offsets[position + 1]!;
    return end > start ? decodeUtf8(this.bytes, start, end) : undefined;
  }

  /** Value `position` against UTF-8 `key` in byte order (negative: it sorts first). */
  compareAt(position: number, key: Uint8Array): number {
    const bytes = this.bytes;
    const start = this.offsets[position]!;
    const length = this.offsets[position + 1]! - start;
    const shared = Math.min(length, key.length);
    for (let i = 0; i < shared; i += 1) {
      const difference = bytes[start + i]! - key[i]!;
      if (difference !== 0) return difference;
    }
    return length - key.length;
  }
}

/**
 * A column of few distinct values (department, currency, brand, size): each distinct value once and a code
 * per product (0 for none, i + 1 for value i). For en-US departments that is 97 KB of codes instead of
 * 270 KB of text and offsets, and a cold start reads every byte of the file. Built and written by
 * build/product-columns-builder.ts.
 */
export class CodedColumn {
  constructor(
    readonly values: StringList,
    readonly codes: UintArray,
  ) {}

  static read(reader: IndexFileReader, name: string, count: number): CodedColumn {
    const column = new CodedColumn(StringList.read(reader, `${name}.values`), reader.uints(`${name}.codes`));
    if (column.codes.length !== count) throw new Error(`column ${name} does not hold ${count} values`);
    return column;
  }

  at(position: number): string | undefined {
    const code = this.codes[position]!;
    return code > 0 ? this.values.at(code - 1) : undefined;
  }
}

/** A text field's column as stored: coded when its values repeat, else as text. */
export type FieldColumn = TextColumn | CodedColumn;

function readFieldColumn(reader: IndexFileReader, name: string, count: number): FieldColumn {
  return reader.has(`${name}.codes`) ? CodedColumn.read(reader, name, count) : TextColumn.read(reader, name, count);
}

const encoder = new TextEncoder();
// Not fatal: a damaged byte shows as U+FFFD in one product's text instead of failing the turn that shows it.
const decoder = new TextDecoder();
const SHORT_TEXT = 64;

/**
 * Catalog text is almost all ASCII: for a short ASCII value, building the string from its bytes skips most
 * of the decoder's per-call cost, which matters when a search materialises its hits.
 */
function decodeUtf8(bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= SHORT_TEXT) {
    let ascii = true;
    for (let at = start; at < end; at += 1) {
      if (bytes[at]! >= 0x80) {
        ascii = false;
        break;
      }
    }
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** The columns of all products; built and written by build/product-columns-builder.ts, read here. */
export class ProductColumns {
  constructor(
    readonly size: number,
    readonly ids: TextColumn,
    readonly names: ReadonlyMap<Locale, TextColumn>,
    readonly aisles: readonly AisleEntry[],
    /** Position into `aisles` per product; aisles.length (one past the last) for none. */
    readonly productAisles: UintArray,
    readonly texts: ReadonlyMap<TextField, FieldColumn>,
    readonly numbers: ReadonlyMap<NumberField, Float64Array>,
    readonly priceLists: ReadonlyMap<Locale, Float64Array>,
    /** Positions in the id column's byte order, to find a product by id. */
    readonly positions: SortedPositions<Uint8Array>,
  ) {}

  static read(reader: IndexFileReader, meta: ProductColumnsMeta): ProductColumns {
    const count = meta.productCount;
    const ids = TextColumn.read(reader, 'products.ids', count);
    const names = new Map(meta.names.map((locale) => [locale, TextColumn.read(reader, `products.names.${locale}`, count)] as const));
    const productAisles = reader.uints('products.aisles');
    if (productAisles.length !== count) throw new Error(`aisle column holds ${productAisles.length} products, not ${count}`);
    const texts = new Map(meta.textFields.map((field) => [field, readFieldColumn(reader, `products.${field}`, count)] as const));
    const numbers = new Map(
      meta.numberFields.map((field) => {
        const values = reader.f64(`products.${field}`);
        if (values.length !== count) throw new Error(`column ${field} holds ${values.length} values, not ${count}`);
        return [field, values] as const;
      }),
    );
    const priceLists = new Map(
      meta.priceLists.map((locale) => {
        const values = reader.f64(`products.prices.${locale}`);
        if (values.length !== count) throw new Error(`price list ${locale} holds ${values.length} values, not ${count}`);
        return [locale, values] as const;
      }),
    );
    const positions = SortedPositions.read(count, (position, key: Uint8Array) => ids.compareAt(position, key), reader, 'products.idOrder');
    return new ProductColumns(count, ids, names, meta.aisles, productAisles, texts, numbers, priceLists, positions);
  }

  id(position: number): string {
    return this.ids.at(position) ?? '';
  }

  positionOf(productId: string): number | undefined {
    return this.positions.find(encoder.encode(productId));
  }

  /** The locales products have names in. */
  get nameLocales(): Locale[] {
    return [...this.names.keys()];
  }

  name(locale: Locale, position: number): string | undefined {
    return this.names.get(locale)?.at(position);
  }

  /** Position into `aisles`, or -1. */
  aisleOf(position: number): number {
    const aisle = this.productAisles[position]!;
    return aisle < this.aisles.length ? aisle : -1;
  }

  text(field: TextField, position: number): string | undefined {
    return this.texts.get(field)?.at(position);
  }

  number(field: NumberField, position: number): number | undefined {
    const value = this.numbers.get(field)?.[position];
    return value === undefined || Number.isNaN(value) ? undefined : value;
  }

  /** The popularity column for ranking, when any product has a positive one. */
  popularity(): Float32Array | undefined {
    const values = this.numbers.get('popularity');
    if (!values?.some((value) => value > 0)) return undefined;
    return Float32Array.from(values, (value) => (Number.isNaN(value) ? 0 : value));
  }

  /** The product at a position as an object (the caller caches it). */
  product(position: number): Product {
    const product: Product = { id: this.id(position), names: {} };
    for (const [locale, column] of this.names) {
      const name = column.at(position);
      if (name) product.names[locale] = name;
    }
    const aisle = this.aisles[this.aisleOf(position)];
    if (aisle) {
      product.aisleId = aisle.id;
      if (Object.keys(aisle.names).length > 0) product.aisle = { ...aisle.names };
    }
    // In the order Product declares them, so a product reads the same as the one the catalog was built from.
    for (const field of FIELD_ORDER) {
      const value = isNumberField(field) ? this.number(field, position) : this.text(field, position);
      if (value !== undefined) (product as unknown as Record<string, unknown>)[field] = value;
    }
    for (const [locale, values] of this.priceLists) {
      const price = values[position]!;
      if (!Number.isNaN(price)) (product.prices ??= {})[locale] = price;
    }
    return product;
  }
}
