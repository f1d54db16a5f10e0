/**
 * Reads a catalog from text: the Instacart-style CSV layout
 * `product_id,product_name,aisle_id,department_id[,price,size,brand,image_url]` with an optional
 * `aisle_id,aisle` file, or a JSON array of Product objects. File reading is the caller's job (lambda/cli,
 * the hosts); these functions take strings so the core stays free of the file system.
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { VocartError } from '../errors';
import { LOCALES, type Locale } from '../turn';
import type { Product } from './product';

/** The catalog text cannot be read as a catalog; `line` is 1-based where known. */
export class CatalogFormatError extends VocartError {
  override name = 'CatalogFormatError';
  constructor(
    message: string,
    readonly line?: number,
    options?: { cause?: unknown },
  ) {
    super(line === undefined ? message : `line ${line}: ${message}`, options);
  }
}

function parseCsvRows(text: string, what: string): string[][] {
  try {
    return parse(text, { bom: true, skip_empty_lines: true, relax_column_count: false }) as string[][];
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new CatalogFormatError(`${what} is not valid CSV: ${(error as Error).message}`, line, { cause: error });
  }
}

function headerIndex(header: readonly string[], what: string, required: readonly string[]): Map<string, number> {
  const columns = new Map(header.map((name, index) => [name.trim().toLowerCase(), index]));
  const missing = required.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    throw new CatalogFormatError(`${what} lacks the column(s) ${missing.join(', ')} (header: ${header.join(',')})`, 1);
  }
  return columns;
}

/** `aisle_id,aisle` → aisle id → aisle name. */
export function parseAislesCsv(text: string): Map<string, string> {
  const rows = parseCsvRows(text, 'aisles CSV');
  const [header, ...body] = rows;
  if (!header) throw new CatalogFormatError('aisles CSV is empty');
  const columns = headerIndex(header, 'aisles CSV', ['aisle_id', 'aisle']);
  const aisles = new Map<string, string>();
  body.forEach((row, i) => {
    const id = row[columns.get('aisle_id')!]?.trim();
    const name = row[columns.get('aisle')!]?.trim();
    if (!id || !name) throw new CatalogFormatError('an aisle needs an id and a name', i + 2);
    aisles.set(id, name);
  });
  return aisles;
}

export interface CsvCatalogOptions {
  /** The language of the names in the file. */
  locale: Locale;
  /** Aisle names by aisle id (from parseAislesCsv). */
  aisles?: ReadonlyMap<string, string>;
  /** Currency of the price column; default USD for en-US, EUR for de-DE. */
  currency?: string;
}

/** Products of a CSV catalog. Prices are decimal amounts ("3.49") and become cents. */
export function parseProductsCsv(text: string, options: CsvCatalogOptions): Product[] {
  const rows = parseCsvRows(text, 'products CSV');
  const [header, ...body] = rows;
  if (!header) throw new CatalogFormatError('products CSV is empty');
  const columns = headerIndex(header, 'products CSV', ['product_id', 'product_name']);
  const cell = (row: readonly string[], name: string): string | undefined => {
    const index = columns.get(name);
    const value = index === undefined ? undefined : row[index]?.trim();
    return value ? value : undefined;
  };
  const currency = options.currency ?? (options.locale === 'de-DE' ? 'EUR' : 'USD');
  const seen = new Set<string>();
  return body.map((row, i) => {
    const line = i + 2;
    const id = cell(row, 'product_id');
    // Some exporters escape quotes with a backslash on top of CSV's doubling: 9\"x13\" is 9"x13".
    const name = cell(row, 'product_name')?.replace(/\\"/g, '"');
    if (!id) throw new CatalogFormatError('product_id is empty', line);
    if (!name) throw new CatalogFormatError(`product ${id} has no name`, line);
    if (seen.has(id)) throw new CatalogFormatError(`product_id ${id} appears twice`, line);
    seen.add(id);
    const product: Product = { id, names: { [options.locale]: name } };
    const aisleId = cell(row, 'aisle_id');
    if (aisleId) {
      product.aisleId = aisleId;
      const aisleName = options.aisles?.get(aisleId);
      if (aisleName) product.aisle = { [options.locale]: aisleName };
    }
    const departmentId = cell(row, 'department_id');
    if (departmentId) product.departmentId = departmentId;
    const price = cell(row, 'price');
    if (price) {
      if (!/^\d+([.,]\d{1,2})?$/.test(price)) throw new CatalogFormatError(`price "${price}" of product ${id} is not an amount`, line);
      product.priceCents = Math.round(Number(price.replace(',', '.')) * 100);
      product.currency = currency;
    }
    const size = cell(row, 'size');
    if (size) product.size = size;
    const brand = cell(row, 'brand');
    if (brand) product.brand = brand;
    const imageUrl = cell(row, 'image_url');
    if (imageUrl) product.imageUrl = imageUrl;
    return product;
  });
}

const localized = z.partialRecord(z.enum(LOCALES), z.string().min(1));

const productSchema = z
  .object({
    id: z.string().min(1),
    names: localized.refine((names) => Object.keys(names).length > 0, 'a product needs a name in at least one locale'),
    aisleId: z.string().min(1).optional(),
    aisle: localized.optional(),
    departmentId: z.string().min(1).optional(),
    priceCents: z.number().int().nonnegative().optional(),
    currency: z.string().length(3).optional(),
    prices: z.partialRecord(z.enum(LOCALES), z.number().int().nonnegative()).optional(),
    size: z.string().min(1).optional(),
    brand: z.string().min(1).optional(),
    imageUrl: z.string().min(1).optional(),
    popularity: z.number().nonnegative().optional(),
  })
  .strict();

/** Products of a JSON catalog (an array of Product objects), validated field by field. */
export function parseProductsJson(text: string): Product[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CatalogFormatError(`catalog JSON does not parse: ${(error as Error).message}`, undefined, { cause: error });
  }
  const parsed = z.array(productSchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
    throw new CatalogFormatError(`catalog JSON is not an array of products${where}: ${issue?.message ?? 'invalid'}`, undefined, {
      cause: parsed.error,
    });
  }
  const seen = new Set<string>();
  for (const product of parsed.data) {
    if (seen.has(product.id)) throw new CatalogFormatError(`product id ${product.id} appears twice`);
    seen.add(product.id);
  }
  return parsed.data as Product[];
}
