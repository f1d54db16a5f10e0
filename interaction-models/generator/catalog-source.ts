/** Reads the catalog the product slot is generated from, refusing a file that is not a product list. */
import { readFileSync } from 'node:fs';
import type { Product } from '../../skill/core/catalog/product';
import { ModelError } from './errors';

export function parseCatalog(text: string, origin: string): Product[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw new ModelError(`${origin} is not valid JSON`, { cause });
  }
  if (!Array.isArray(data)) throw new ModelError(`${origin} must hold a JSON array of products`);
  data.forEach((item: unknown, index) => {
    const product = item as Partial<Product> | null;
    if (typeof product !== 'object' || product === null || typeof product.id !== 'string' || typeof product.names !== 'object' || product.names === null) {
      throw new ModelError(`${origin}: item ${index} is not a product (needs a string id and a names object)`);
    }
  });
  return data as Product[];
}

export function readCatalog(path: string): Product[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (cause) {
    throw new ModelError(`Cannot read the catalog at ${path}`, { cause });
  }
  return parseCatalog(text, path);
}
