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
