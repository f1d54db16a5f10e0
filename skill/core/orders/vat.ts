/**
 * Which German VAT rate a product takes, from the catalog's categories: the reduced rate (7 %) for what §12 (2)
 * UStG with its Anlage 2 lists (food, animal feed, books), the standard rate (19 %) for everything else. Two rules
 * in order: the aisle's rate where the aisle names one, else the department's. Anything neither names pays the
 * standard rate: a product wrongly reduced would under-declare tax, one wrongly standard only states too much of
 * the same gross price. A product's name never decides: a shop that files oat drinks under "milk" must give them
 * an aisle of their own, as German shops do, instead of a list of exceptions by name.
 */
import type { Product } from '../catalog/product';

export type VatClass = 'reduced' | 'standard';

/**
 * Departments by their rate. Food and feed departments are reduced; the drugstore and household ones are named
 * standard only to say so (the default is standard too). A pet department is standard as a whole: its food aisle is
 * the exception, not its litter and toys.
 */
const DEPARTMENT_RATES: Readonly<Record<string, VatClass>> = {
  produce: 'reduced',
  'dairy-eggs': 'reduced',
  'meat-seafood': 'reduced',
  bakery: 'reduced',
  breakfast: 'reduced',
  pantry: 'reduced',
  snacks: 'reduced',
  frozen: 'reduced',
  deli: 'reduced',
  // Books, newspapers and magazines (Anlage 2 Nr. 49).
  books: 'reduced',
  beverages: 'standard',
  alcohol: 'standard',
  household: 'standard',
  'personal-care': 'standard',
  babies: 'standard',
  pets: 'standard',
};

/** Aisles whose rate differs from their department's. */
const AISLE_RATES: Readonly<Record<string, VatClass>> = {
  // Coffee and tea are food even on the drinks shelf (Anlage 2 Nr. 12); juice, water and soda are not.
  coffee: 'reduced',
  tea: 'reduced',
  // Oat, almond and soy drinks are not milk in the law's sense (Anlage 2 Nr. 4 names milk and milk drinks only).
  'plant-drinks': 'standard',
  // Animal feed is reduced (Anlage 2 Nr. 37); litter, toys and care products are not feed.
  'pet-food': 'reduced',
  'pet-supplies': 'standard',
  'baby-food': 'reduced',
};

export function vatClass(product: Pick<Product, 'aisleId' | 'departmentId'> | undefined): VatClass {
  return rateIn(AISLE_RATES, product?.aisleId) ?? rateIn(DEPARTMENT_RATES, product?.departmentId) ?? 'standard';
}

/** Own keys only: an aisle called "constructor" is no rate. */
function rateIn(rates: Readonly<Record<string, VatClass>>, id: string | undefined): VatClass | undefined {
  return id !== undefined && Object.hasOwn(rates, id) ? rates[id] : undefined;
}
