/**
 * The catalog's products stored by column: each text column UTF-8 bytes with offsets, each number column a
 * Float64Array (NaN where a product has no value), an aisle's names once. Loading keeps the columns as read;
 * a product becomes an object (and its text strings) only when a search or get() returns it, so 50,000
 * products cost no decoding and no object churn at a cold start.
 */
import { LOCALES, type Locale } from '../turn';
import type { IndexFileReader, IndexFileWriter, UintArray } from './index-file';
import { SortedPositions } from './keyed-lists';
import { StringList } from './string-list';
import type { Product } from './product';

export const TEXT_FIELDS = ['departmentId', 'currency', 'size', 'brand', 'imageUrl'] as const;
export const NUMBER_FIELDS = ['priceCents', 'popularity'] as const;
type TextField = (typeof TEXT_FIELDS)[number];
type NumberField = (typeof NUMBER_FIELDS)[number];
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
 * 50,000 products (3 ms for the en-US names alone) to show a handful.
 */
class TextColumn {
  private constructor(
    private readonly bytes: Uint8Array,
    private readonly offsets: UintArray,
  ) {}

  static of(values: readonly (string | undefined)[]): TextColumn {
    const encoded = values.map((value) => encoder.encode(value ?? ''));
    const offsets = new Uint32Array(values.length + 1);
    encoded.forEach((value, i) => {
      offsets[i + 1] = offsets[i]! + value.length;
    });
    const bytes = new Uint8Array(offsets[values.length]!);
    encoded.forEach((value, i) => bytes.set(value, offsets[i]!));
    return new TextColumn(bytes, offsets);
  }

  static read(reader: IndexFileReader, name: string, count: number): TextColumn {
    const column = new TextColumn(reader.utf8(`${name}.text`), reader.uints(`${name}.offsets`));
    if (column.offsets.length !== count + 1 || column.offsets[0] !== 0 || column.offsets[count] !== column.bytes.length) {
      throw new Error(`column ${name} does not hold ${count} values`);
    }
    return column;
  }

  write(writer: IndexFileWriter, name: string): void {
    writer.utf8(`${name}.text`, this.bytes).uints(`${name}.offsets`, this.offsets);
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

  /** Two values in byte order. */
  compare(a: number, b: number): number {
    const start = this.offsets[b]!;
    return this.compareAt(a, this.bytes.subarray(start, this.offsets[b + 1]!));
  }
}

/**
 * A column of few distinct values (department, currency, brand, size): each distinct value once and a code
 * per product (0 for none, i + 1 for value i). For en-US departments that is 97 KB of codes instead of
 * 270 KB of text and offsets, and a cold start reads every byte of the file.
 */
class CodedColumn {
  private constructor(
    private readonly values: StringList,
    private readonly codes: UintArray,
  ) {}

  /** Values repeat on average this often or more before coding them pays. */
  static readonly MIN_REPEATS = 4;

  /** The coded column, or undefined when the values are too varied for coding to pay. */
  static of(values: readonly (string | undefined)[]): CodedColumn | undefined {
    const codeOf = new Map<string, number>();
    const codes = new Uint32Array(values.length);
    for (const [position, value] of values.entries()) {
      if (value === undefined || value === '') continue;
      let code = codeOf.get(value);
      if (code === undefined) {
        code = codeOf.size + 1;
        if (code * CodedColumn.MIN_REPEATS > values.length) return undefined;
        codeOf.set(value, code);
      }
      codes[position] = code;
    }
    return new CodedColumn(StringList.of([...codeOf.keys()]), codes);
  }

  static read(reader: IndexFileReader, name: string, count: number): CodedColumn {
    const column = new CodedColumn(StringList.read(reader, `${name}.values`), reader.uints(`${name}.codes`));
    if (column.codes.length !== count) throw new Error(`column ${name} does not hold ${count} values`);
    return column;
  }

  write(writer: IndexFileWriter, name: string): void {
    this.values.write(writer, `${name}.values`);
    writer.uints(`${name}.codes`, this.codes);
  }

  at(position: number): string | undefined {
    const code = this.codes[position]!;
    return code > 0 ? this.values.at(code - 1) : undefined;
  }
}

/** A text field's column as stored: coded when its values repeat, else as text. */
type FieldColumn = TextColumn | CodedColumn;

const fieldColumnOf = (values: readonly (string | undefined)[]): FieldColumn => CodedColumn.of(values) ?? TextColumn.of(values);

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

export class ProductColumns {
  private readonly positions: SortedPositions<Uint8Array>;

  private constructor(
    readonly size: number,
    private readonly ids: TextColumn,
    private readonly names: ReadonlyMap<Locale, TextColumn>,
    readonly aisles: readonly AisleEntry[],
    /** Position into `aisles` per product; aisles.length (one past the last) for none. */
    private readonly productAisles: UintArray,
    private readonly texts: ReadonlyMap<TextField, FieldColumn>,
    private readonly numbers: ReadonlyMap<NumberField, Float64Array>,
    private readonly priceLists: ReadonlyMap<Locale, Float64Array>,
    positions?: SortedPositions<Uint8Array>,
  ) {
    // Byte order, the order the id column compares in.
    this.positions = positions ?? SortedPositions.of(size, (a, b) => ids.compare(a, b), (position, key: Uint8Array) => ids.compareAt(position, key));
  }

  static fromProducts(products: readonly Product[]): ProductColumns {
    const names = new Map<Locale, TextColumn>();
    for (const locale of LOCALES) {
      if (products.some((product) => product.names[locale])) names.set(locale, TextColumn.of(products.map((product) => product.names[locale])));
    }
    const aisles: AisleEntry[] = [];
    const aislePosition = new Map<string, number>();
    const aislePositions = products.map((product) => {
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
    // "No aisle" is one past the last aisle, known only now.
    const productAisles = Uint32Array.from(aislePositions, (aisle) => (aisle < 0 ? aisles.length : aisle));
    const texts = new Map<TextField, FieldColumn>();
    for (const field of TEXT_FIELDS) {
      if (products.some((product) => product[field] !== undefined)) texts.set(field, fieldColumnOf(products.map((product) => product[field])));
    }
    const numbers = new Map<NumberField, Float64Array>();
    for (const field of NUMBER_FIELDS) {
      if (products.some((product) => product[field] !== undefined)) numbers.set(field, Float64Array.from(products, (product) => product[field] ?? Number.NaN));
    }
    const priceLists = new Map<Locale, Float64Array>();
    for (const locale of LOCALES) {
      if (products.some((product) => product.prices?.[locale] !== undefined)) {
        priceLists.set(locale, Float64Array.from(products, (product) => product.prices?.[locale] ?? Number.NaN));
      }
    }
    const ids = TextColumn.of(products.map((product) => product.id));
    return new ProductColumns(products.length, ids, names, aisles, productAisles, texts, numbers, priceLists);
  }

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

  /** Writes the columns' sections and returns what goes into the header. */
  write(writer: IndexFileWriter): ProductColumnsMeta {
    this.ids.write(writer, 'products.ids');
    for (const [locale, column] of this.names) column.write(writer, `products.names.${locale}`);
    writer.uints('products.aisles', this.productAisles);
    for (const [field, column] of this.texts) column.write(writer, `products.${field}`);
    for (const [field, values] of this.numbers) writer.f64(`products.${field}`, values);
    for (const [locale, values] of this.priceLists) writer.f64(`products.prices.${locale}`, values);
    this.positions.write(writer, 'products.idOrder');
    return {
      productCount: this.size,
      aisles: [...this.aisles],
      names: [...this.names.keys()],
      textFields: [...this.texts.keys()],
      numberFields: [...this.numbers.keys()],
      priceLists: [...this.priceLists.keys()],
    };
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
