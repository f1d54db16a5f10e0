import { describe, expect, it } from 'vitest';
import demoCatalog from '../../../../skill/data/demo-catalog.json';
import { vatClass } from '../../../../skill/core/orders/vat';

describe('vatClass (German VAT from the catalog aisle and department)', () => {
  it.each([
    [{ departmentId: 'dairy-eggs', aisleId: 'milk' }, 'reduced'],
    [{ departmentId: 'produce', aisleId: 'fruit' }, 'reduced'],
    [{ departmentId: 'pets', aisleId: 'pet-food' }, 'reduced'],
    [{ departmentId: 'beverages', aisleId: 'coffee' }, 'reduced'],
    [{ departmentId: 'beverages', aisleId: 'tea' }, 'reduced'],
    [{ departmentId: 'beverages', aisleId: 'soda' }, 'standard'],
    [{ departmentId: 'beverages', aisleId: 'water' }, 'standard'],
    [{ departmentId: 'alcohol', aisleId: 'beer' }, 'standard'],
    [{ departmentId: 'personal-care', aisleId: 'shampoo' }, 'standard'],
    [{ departmentId: 'household', aisleId: 'batteries' }, 'standard'],
    [{ departmentId: 'babies', aisleId: 'diapers' }, 'standard'],
    [{}, 'standard'],
    [{ departmentId: 'something-new' }, 'standard'],
  ] as const)('%o → %s', (product, expected) => {
    expect(vatClass(product)).toBe(expected);
  });

  // Misfits a German invoice would get wrong: plant drinks are not milk (Anlage 2 Nr. 4 names milk, not oat or soy
  // drinks), cat litter and other pet supplies are not feed, cleaning and drugstore goods are no food; books are.
  it.each([
    ['Oat Milk Barista Edition', 'standard'],
    ['Unsweetened Almond Milk', 'standard'],
    ['Cat Litter Clumping', 'standard'],
    ['All Purpose Cleaner', 'standard'],
    ['Dish Soap Lemon', 'standard'],
    ['Whitening Toothpaste', 'standard'],
    ['Baby Wipes Unscented', 'standard'],
    ['Dry Cat Food Indoor', 'reduced'],
    ['Dog Treats', 'reduced'],
    ['Whole Milk', 'reduced'],
    ['Lactose Free Milk', 'reduced'],
    ['Whole Wheat Bread', 'reduced'],
    ['Large Brown Eggs', 'reduced'],
    ['Whole Bean Espresso', 'reduced'],
    ['Plant Based Butter', 'reduced'],
  ] as const)('demo product %s takes the %s rate', (name, expected) => {
    const product = (demoCatalog as { names: { 'en-US': string }; departmentId?: string; aisleId?: string }[]).find((p) => p.names['en-US'] === name);
    expect(product, name).toBeDefined();
    expect(vatClass(product)).toBe(expected);
  });

  it.each([
    [{ departmentId: 'books', aisleId: 'cookbooks' }, 'reduced'],
    [{ departmentId: 'pets', aisleId: 'pet-supplies' }, 'standard'],
    [{ departmentId: 'pets' }, 'standard'],
    [{ departmentId: 'dairy-eggs', aisleId: 'plant-drinks' }, 'standard'],
    [{ departmentId: 'household', aisleId: 'cleaning' }, 'standard'],
    [{ departmentId: 'babies', aisleId: 'baby-food' }, 'reduced'],
  ] as const)('by rule: %o → %s', (product, expected) => {
    expect(vatClass(product)).toBe(expected);
  });

  it('classifies every demo product, beverages by aisle', () => {
    const classes = new Map<string, Set<string>>();
    for (const product of demoCatalog as { departmentId?: string; aisleId?: string }[]) {
      const key = `${product.departmentId}/${product.aisleId}`;
      classes.set(key, (classes.get(key) ?? new Set()).add(vatClass(product)));
    }
    expect(classes.get('beverages/coffee')).toEqual(new Set(['reduced']));
    expect(classes.get('beverages/juice')).toEqual(new Set(['standard']));
    expect(classes.get('alcohol/wine')).toEqual(new Set(['standard']));
  });
});
