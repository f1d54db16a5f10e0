/**
 * Building the product columns from products and writing them into the index file. The skill only reads
 * them (ProductColumns.read), so none of this is on its path.
 */
import { LOCALES, type Locale } from '../../turn';
import type { IndexFileWriter } from '../index-file';
import type { Product } from '../product';
import {
  CodedColumn,
  NUMBER_FIELDS,
  ProductColumns,
  TEXT_FIELDS,
  TextColumn,
  type AisleEntry,
  type FieldColumn,
  type NumberField,
  type ProductColumnsMeta,
  type TextField,
} from '../product-columns';
import { sortedPositionsOf, stringListOf, writeSortedPositions, writeStringList } from './stored-lists';

/** A coded column's values must repeat on average this often or more before coding them pays. */
const MIN_REPEATS = 4;

const encoder = new TextEncoder();

export function productColumnsOf(products: readonly Product[]): ProductColumns {
  const names = new Map<Locale, TextColumn>();
  for (const locale of LOCALES) {
    if (products.some((product) => product.names[locale])) names.set(locale, textColumnOf(products.map((product) => product.names[locale])));
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
  const ids = textColumnOf(products.map((product) => product.id));
  // Byte order, the order the id column compares in.
  const positions = sortedPositionsOf(
    products.length,
    (a, b) => ids.compareAt(a, ids.bytes.subarray(ids.offsets[b]!, ids.offsets[b + 1]!)),
    (position, key: Uint8Array) => ids.compareAt(position, key),
  );
  return new ProductColumns(products.length, ids, names, aisles, productAisles, texts, numbers, priceLists, positions);
}

/** Writes the columns' sections and returns what goes into the header. */
export function writeProductColumns(columns: ProductColumns, writer: IndexFileWriter): ProductColumnsMeta {
  writeTextColumn(columns.ids, writer, 'products.ids');
  for (const [locale, column] of columns.names) writeTextColumn(column, writer, `products.names.${locale}`);
  writer.uints('products.aisles', columns.productAisles);
  for (const [field, column] of columns.texts) writeFieldColumn(column, writer, `products.${field}`);
  for (const [field, values] of columns.numbers) writer.f64(`products.${field}`, values);
  for (const [locale, values] of columns.priceLists) writer.f64(`products.prices.${locale}`, values);
  writeSortedPositions(columns.positions, writer, 'products.idOrder');
  return {
    productCount: columns.size,
    aisles: [...columns.aisles],
    names: [...columns.names.keys()],
    textFields: [...columns.texts.keys()],
    numberFields: [...columns.numbers.keys()],
    priceLists: [...columns.priceLists.keys()],
  };
}

/** A text field's column: coded when its values repeat, else as text. */
function fieldColumnOf(values: readonly (string | undefined)[]): FieldColumn {
  return codedColumnOf(values) ?? textColumnOf(values);
}

function textColumnOf(values: readonly (string | undefined)[]): TextColumn {
  const encoded = values.map((value) => encoder.encode(value ?? ''));
  const offsets = new Uint32Array(values.length + 1);
  encoded.forEach((value, i) => {
    offsets[i + 1] = offsets[i]! + value.length;
  });
  const bytes = new Uint8Array(offsets[values.length]!);
  encoded.forEach((value, i) => bytes.set(value, offsets[i]!));
  return new TextColumn(bytes, offsets);
}

/** The coded column, or undefined when the values are too varied for coding to pay. */
function codedColumnOf(values: readonly (string | undefined)[]): CodedColumn | undefined {
  const codeOf = new Map<string, number>();
  const codes = new Uint32Array(values.length);
  for (const [position, value] of values.entries()) {
    if (value === undefined || value === '') continue;
    let code = codeOf.get(value);
    if (code === undefined) {
      code = codeOf.size + 1;
      if (code * MIN_REPEATS > values.length) return undefined;
      codeOf.set(value, code);
    }
    codes[position] = code;
  }
  return new CodedColumn(stringListOf([...codeOf.keys()]), codes);
}

function writeTextColumn(column: TextColumn, writer: IndexFileWriter, name: string): void {
  writer.utf8(`${name}.text`, column.bytes).uints(`${name}.offsets`, column.offsets);
}

/** The sections readFieldColumn (product-columns.ts) tells apart by `<name>.codes`. */
function writeFieldColumn(column: FieldColumn, writer: IndexFileWriter, name: string): void {
  if (column instanceof CodedColumn) {
    writeStringList(column.values, writer, `${name}.values`);
    writer.uints(`${name}.codes`, column.codes);
  } else writeTextColumn(column, writer, name);
}
