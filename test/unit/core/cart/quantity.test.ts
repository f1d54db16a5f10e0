import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_QUANTITY } from '../../../../skill/core/cart/cart';
import { decideQuantity, type QuantityChoice } from '../../../../skill/core/cart/quantity';
import type { Product } from '../../../../skill/core/catalog/product';
import { parseProductRequest } from '../../../../skill/core/catalog/product-request';
import { buildVoiceCatalog } from '../../../../skill/core/catalog/build/catalog-builder';
import type { Locale } from '../../../../skill/core/turn';

const demo: Product[] = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../skill/data/demo-catalog.json', import.meta.url)), 'utf8'));
const catalog = buildVoiceCatalog(demo);

/** What the add-to-cart handler does: parse the words, search the close matches, decide. */
function decide(said: string, locale: Locale = 'en-US', slotQuantity?: number) {
  const request = parseProductRequest(said, locale);
  const candidates = catalog.search(request.query, { locale, limit: 5 }).map((hit) => hit.product);
  return decideQuantity(request, candidates, slotQuantity);
}

function line(decision: ReturnType<typeof decideQuantity>): { id: string; packs: number; unitsAsked?: number; unitsPerPack?: number } {
  if (!decision || 'error' in decision) throw new Error(`expected a cart line, got ${JSON.stringify(decision)}`);
  const { product, ...rest } = decision as QuantityChoice;
  return { id: product.id, ...rest };
}

// The demo catalog's eggs: p036 Large Brown and p037 Free Range in 12-count packs, p038 Large White in 18.
describe('decideQuantity on the demo eggs', () => {
  it('"six eggs" is one 12-pack, not six of them', () => {
    expect(line(decide('six eggs'))).toEqual({ id: 'p036', packs: 1, unitsAsked: 6, unitsPerPack: 12 });
  });

  it('"eighteen eggs" is the 18-count pack among the close matches', () => {
    expect(line(decide('eighteen eggs'))).toEqual({ id: 'p038', packs: 1, unitsAsked: 18, unitsPerPack: 18 });
  });

  it('"twenty four eggs" is two 12-packs, exactly', () => {
    expect(line(decide('twenty four eggs'))).toEqual({ id: 'p036', packs: 2, unitsAsked: 24, unitsPerPack: 12 });
  });

  it('"thirty eggs" is the fewest packs of one product that cover thirty: two 18-packs beat three 12-packs', () => {
    expect(line(decide('thirty eggs'))).toEqual({ id: 'p038', packs: 2, unitsAsked: 30, unitsPerPack: 18 });
  });

  it('"six cartons of eggs" and "six packs of eggs" count packs', () => {
    expect(line(decide('six cartons of eggs'))).toEqual({ id: 'p036', packs: 6, unitsPerPack: 12 });
    expect(line(decide('six packs of eggs'))).toEqual({ id: 'p036', packs: 6, unitsPerPack: 12 });
  });

  it('a pack word with the number in the quantity slot still counts packs ("add {six} cartons of {eggs}")', () => {
    expect(line(decide('cartons of eggs', 'en-US', 6))).toEqual({ id: 'p036', packs: 6, unitsPerPack: 12 });
  });

  it('a bare slot number for eggs counts eggs', () => {
    expect(line(decide('eggs', 'en-US', 6))).toEqual({ id: 'p036', packs: 1, unitsAsked: 6, unitsPerPack: 12 });
  });

  it('a dozen is twelve eggs and two dozen twenty-four, also with the number in the slot', () => {
    expect(line(decide('a dozen eggs'))).toEqual({ id: 'p036', packs: 1, unitsAsked: 12, unitsPerPack: 12 });
    expect(line(decide('two dozen eggs'))).toEqual({ id: 'p036', packs: 2, unitsAsked: 24, unitsPerPack: 12 });
    expect(line(decide('dozen eggs', 'en-US', 2))).toEqual({ id: 'p036', packs: 2, unitsAsked: 24, unitsPerPack: 12 });
  });

  it('keeps the product named when only it was found: "eighteen free range eggs" stays free range', () => {
    expect(line(decide('eighteen free range eggs'))).toEqual({ id: 'p037', packs: 2, unitsAsked: 18, unitsPerPack: 12 });
  });

  it('German: "sechs Eier" counts eggs, "sechs Packungen Eier" counts packs, "sechs Stück Eier" counts eggs', () => {
    expect(line(decide('sechs Eier', 'de-DE'))).toEqual({ id: 'p036', packs: 1, unitsAsked: 6, unitsPerPack: 12 });
    expect(line(decide('achtzehn Eier', 'de-DE'))).toEqual({ id: 'p038', packs: 1, unitsAsked: 18, unitsPerPack: 18 });
    expect(line(decide('sechs Packungen Eier', 'de-DE'))).toEqual({ id: 'p036', packs: 6, unitsPerPack: 12 });
    expect(line(decide('Packungen Eier', 'de-DE', 6))).toEqual({ id: 'p036', packs: 6, unitsPerPack: 12 });
    expect(line(decide('sechs Stück Eier', 'de-DE'))).toEqual({ id: 'p036', packs: 1, unitsAsked: 6, unitsPerPack: 12 });
  });

  it('too many eggs for one cart line is said, not silently capped', () => {
    // The 18-packs cover the most eggs per cart line.
    expect(decide(`${18 * MAX_LINE_QUANTITY + 1} eggs`)).toEqual({ error: 'too-many' });
    expect(line(decide(`${18 * MAX_LINE_QUANTITY} eggs`))).toEqual({ id: 'p038', packs: MAX_LINE_QUANTITY, unitsAsked: 18 * MAX_LINE_QUANTITY, unitsPerPack: 18 });
  });
});

describe('decideQuantity on products not sold by count', () => {
  it('"two milk" is two packs of the best match, as before', () => {
    expect(line(decide('two milk'))).toEqual({ id: 'p012', packs: 2 });
  });

  it('"six bananas" sold by the 2 lb bunch is six bunches', () => {
    expect(line(decide('six bananas'))).toEqual({ id: 'p077', packs: 6 });
  });

  it('a measure picks the size said, or the whole packs that make it up', () => {
    expect(line(decide('one gallon of whole milk'))).toEqual({ id: 'p012', packs: 1 });
    expect(line(decide('a gallon of skim milk'))).toEqual({ id: 'p015', packs: 2 });
    expect(line(decide('two pounds of bananas'))).toEqual({ id: 'p077', packs: 1 });
  });

  it('nothing said is one pack', () => {
    expect(line(decide('eggs'))).toEqual({ id: 'p036', packs: 1, unitsPerPack: 12 });
    expect(line(decide('milk'))).toEqual({ id: 'p012', packs: 1 });
  });
});

const pack = (id: string, size: string | undefined, aisleId = 'a'): Product => ({ id, names: { 'en-US': id }, aisleId, priceCents: 100, ...(size ? { size } : {}) });

describe('decideQuantity edge cases', () => {
  const twelve = pack('twelve', '12 count');
  const eighteen = pack('eighteen', '18 ct');
  const sixEach = pack('six-each', '6 each');

  it('rejects a slot or spoken number that is no whole number of at least one', () => {
    for (const slot of [0, -2, 1.5, 0.01, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(decideQuantity({ query: 'x' }, [twelve], slot)).toEqual({ error: 'bad-quantity' });
    }
    expect(decideQuantity({ query: 'x', quantity: 0.01 }, [twelve])).toEqual({ error: 'bad-quantity' });
    expect(decideQuantity({ query: 'x', quantity: 0, unit: 'pack' }, [pack('each', undefined)])).toEqual({ error: 'bad-quantity' });
  });

  it('the slot wins over a number in the words', () => {
    expect(decideQuantity({ query: 'x', quantity: 5 }, [pack('piece', undefined)], 2)).toMatchObject({ packs: 2 });
  });

  it('too many packs is "too-many", one under is fine', () => {
    const each = pack('each', undefined);
    expect(decideQuantity({ query: 'x', quantity: MAX_LINE_QUANTITY + 1 }, [each])).toEqual({ error: 'too-many' });
    expect(decideQuantity({ query: 'x', quantity: MAX_LINE_QUANTITY }, [each])).toMatchObject({ packs: MAX_LINE_QUANTITY });
  });

  it('no candidate, no decision', () => {
    expect(decideQuantity({ query: 'x', quantity: 3 }, [])).toBeUndefined();
  });

  it('reads "ct" and "each" sizes as counts, and a single "1 each" as sold by the piece', () => {
    expect(decideQuantity({ query: 'x', quantity: 18 }, [twelve, eighteen])).toMatchObject({ product: eighteen, packs: 1 });
    expect(decideQuantity({ query: 'x', quantity: 4 }, [sixEach])).toMatchObject({ product: sixEach, packs: 1, unitsAsked: 4, unitsPerPack: 6 });
    const melon = pack('melon', '1 each');
    expect(decideQuantity({ query: 'x', quantity: 3 }, [melon])).toEqual({ product: melon, packs: 3 });
  });

  it('on a tie the better-ranked match wins', () => {
    const otherTwelve = pack('other-twelve', '12 count');
    expect(decideQuantity({ query: 'x', quantity: 6 }, [otherTwelve, twelve])).toMatchObject({ product: otherTwelve });
    expect(decideQuantity({ query: 'x', quantity: 6 }, [twelve, otherTwelve])).toMatchObject({ product: twelve });
  });

  it('prefers no surplus over fewer packs: 24 is two 12-packs, not one 48', () => {
    const big = pack('forty-eight', '48 count');
    expect(decideQuantity({ query: 'x', quantity: 24 }, [big, twelve])).toMatchObject({ product: twelve, packs: 2 });
  });

  it('does not leave the best match\'s aisle for a pack that fits better', () => {
    const bagels = pack('bagels', '6 count', 'bread');
    expect(decideQuantity({ query: 'x', quantity: 6 }, [twelve, bagels])).toMatchObject({ product: twelve, packs: 1 });
  });

  it('a bare count for a best match sold by measure counts packs, even when a count product follows', () => {
    const noodles = pack('noodles', '12 oz');
    expect(decideQuantity({ query: 'x', quantity: 6 }, [noodles, twelve])).toEqual({ product: noodles, packs: 6 });
  });

  it('a pack word counts packs; "piece" counts pieces', () => {
    expect(decideQuantity({ query: 'x', quantity: 2, unit: 'box' }, [twelve])).toEqual({ product: twelve, packs: 2, unitsPerPack: 12 });
    expect(decideQuantity({ query: 'x', quantity: 2, unit: 'piece' }, [twelve])).toEqual({ product: twelve, packs: 1, unitsAsked: 2, unitsPerPack: 12 });
  });
});
