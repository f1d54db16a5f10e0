/**
 * Which German VAT rate a product takes, from the catalog's aisle and department: the reduced rate (7 %) for food,
 * the standard rate (19 %) for everything else (§12 UStG with its Anlage 2). The aisle decides where it is known,
 * the department otherwise, and anything the table does not name pays the standard rate: a product wrongly
 * reduced would under-declare tax, one wrongly standard only states too much of the same gross price.
 */
import type { Product } from '../catalog/product';

export type VatClass = 'reduced' | 'standard';

/** Departments that sell food (and animal feed, Anlage 2 Nr. 37), so 7 % unless their aisle says otherwise. */
const REDUCED_DEPARTMENTS: ReadonlySet<string> = new Set([
  'produce',
  'dairy-eggs',
  'meat-seafood',
  'bakery',
  'breakfast',
  'pantry',
  'snacks',
  'frozen',
  'pets',
]);

/**
 * Aisles whose rate differs from their department's. Drinks are standard-rated except coffee and tea (Anlage 2
 * Nr. 12); bottled water, juice and soda are not food in the law's sense.
 */
const AISLE_RATES: Readonly<Record<string, VatClass>> = {
  coffee: 'reduced',
  tea: 'reduced',
  soda: 'standard',
  juice: 'standard',
  water: 'standard',
};

export function vatClass(product: Pick<Product, 'aisleId' | 'departmentId'> | undefined): VatClass {
  const byAisle = product?.aisleId === undefined ? undefined : AISLE_RATES[product.aisleId];
  if (byAisle) return byAisle;
  return product?.departmentId !== undefined && REDUCED_DEPARTMENTS.has(product.departmentId) ? 'reduced' : 'standard';
}
