/**
 * The catalog's products stored by column: each text column one string with offsets, each number column a
 * Float64Array (NaN where a product has no value), an aisle's names once. Loading keeps the columns as read;
 * a product becomes an object only when a search or get() returns it, so 50,000 products cost no object
 * churn at a cold start.
 */
import { LOCALES, type Locale } from '../turn';
import type { IndexFileReader, IndexFileWriter } from './index-file';
import { StringPositions } from './keyed-lists';
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
}

const NO_AISLE = 0xffffffff;

/** Strings of one column: value i is text[offsets[i] … offsets[i + 1]); empty means absent. */
class TextColumn {
  private constructor(
    private readonly text: string,
    private readonly offsets: Uint32Array,
  ) {}

  static of(values: readonly (string | undefined)[]): TextColumn {
    const offsets = new Uint32Array(values.length + 1);
    values.forEach((value, i) => {
      offsets[i + 1] = offsets[i]! + (value?.length ?? 0);
    });
    return new TextColumn(values.map((value) => value ?? '').join(''), offsets);
  }

  static read(reader: IndexFileReader, name: string, count: number): TextColumn {
    const column = new TextColumn(reader.text(`${name}.text`), reader.u32(`${name}.offsets`));
    if (column.offsets.length !== count + 1 || column.offsets[count] !== column.text.length) throw new Error(`column ${name} does not hold ${count} values`);
    return column;
  }

  write(writer: IndexFileWriter, name: string): void {
    writer.text(`${name}.text`, this.text).u32(`${name}.offsets`, this.offsets);
  }

  at(position: number): string | undefined {
    const start = this.offsets[position]!;
    const end = this.offsets[position + 1]!;
    return end > start ? this.text.slice(start, end) : undefined;
  }
}

export class ProductColumns {
  private readonly positions: StringPositions;

  private constructor(
    readonly size: number,
    private readonly ids: TextColumn,
    private readonly names: ReadonlyMap<Locale, TextColumn>,
    readonly aisles: readonly AisleEntry[],
    /** Position into `aisles` per product, NO_AISLE for none. */
    private readonly productAisles: Uint32Array,
    private readonly texts: ReadonlyMap<TextField, TextColumn>,
    private readonly numbers: ReadonlyMap<NumberField, Float64Array>,
    positions?: StringPositions,
  ) {
    this.positions = positions ?? StringPositions.of(size, (position) => this.id(position));
  }

  static fromProducts(products: readonly Product[]): ProductColumns {
    const names = new Map<Locale, TextColumn>();
    for (const locale of LOCALES) {
      if (products.some((product) => product.names[locale])) names.set(locale, TextColumn.of(products.map((product) => product.names[locale])));
    }
    const aisles: AisleEntry[] = [];
    const aislePosition = new Map<string, number>();
    const productAisles = Uint32Array.from(products, (product) => {
      if (!product.aisleId) return NO_AISLE;
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
    const texts = new Map<TextField, TextColumn>();
    for (const field of TEXT_FIELDS) {
      if (products.some((product) => product[field] !== undefined)) texts.set(field, TextColumn.of(products.map((product) => product[field])));
    }
    const numbers = new Map<NumberField, Float64Array>();
    for (const field of NUMBER_FIELDS) {
      if (products.some((product) => product[field] !== undefined)) numbers.set(field, Float64Array.from(products, (product) => product[field] ?? Number.NaN));
    }
    const ids = TextColumn.of(products.map((product) => product.id));
    return new ProductColumns(products.length, ids, names, aisles, productAisles, texts, numbers);
  }

  static read(reader: IndexFileReader, meta: ProductColumnsMeta): ProductColumns {
    const count = meta.productCount;
    const ids = TextColumn.read(reader, 'products.ids', count);
    const names = new Map(meta.names.map((locale) => [locale, TextColumn.read(reader, `products.names.${locale}`, count)] as const));
    const productAisles = reader.u32('products.aisles');
    if (productAisles.length !== count) throw new Error(`aisle column holds ${productAisles.length} products, not ${count}`);
    const texts = new Map(meta.textFields.map((field) => [field, TextColumn.read(reader, `products.${field}`, count)] as const));
    const numbers = new Map(
      meta.numberFields.map((field) => {
        const values = reader.f64(`products.${field}`);
        if (values.length !== count) throw new Error(`column ${field} holds ${values.length} values, not ${count}`);
        return [field, values] as const;
      }),
    );
    const positions = StringPositions.read(count, (position) => ids.at(position) ?? '', reader, 'products.idOrder');
    return new ProductColumns(count, ids, names, meta.aisles, productAisles, texts, numbers, positions);
  }

  /** Writes the columns' sections and returns what goes into the header. */
  write(writer: IndexFileWriter): ProductColumnsMeta {
    this.ids.write(writer, 'products.ids');
    for (const [locale, column] of this.names) column.write(writer, `products.names.${locale}`);
    writer.u32('products.aisles', this.productAisles);
    for (const [field, column] of this.texts) column.write(writer, `products.${field}`);
    for (const [field, values] of this.numbers) writer.f64(`products.${field}`, values);
    this.positions.write(writer, 'products.idOrder');
    return {
      productCount: this.size,
      aisles: [...this.aisles],
      names: [...this.names.keys()],
      textFields: [...this.texts.keys()],
      numberFields: [...this.numbers.keys()],
    };
  }

  id(position: number): string {
    return this.ids.at(position) ?? '';
  }

  positionOf(productId: string): number | undefined {
    return this.positions.find(productId);
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
    return aisle === NO_AISLE ? -1 : aisle;
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
    return product;
  }
}
