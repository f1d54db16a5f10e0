/** The product slot's values: who owns a spoken form, and which id it hands the core. */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readCatalog } from '../../../interaction-models/generator/catalog-source';
import { INTENTS } from '../../../interaction-models/source/intents';
import { assertNoCarrierEdges, assertNoCommandWords } from '../../../interaction-models/generator/command-words';
import { productSlotValues } from '../../../interaction-models/generator/product-values';
import { nameTails } from '../../../interaction-models/generator/shopper-words';
import { ModelError } from '../../../interaction-models/generator/errors';

const catalog = readCatalog(fileURLToPath(new URL('../../../skill/data/demo-catalog.json', import.meta.url)));
const productIds = new Set(catalog.map((product) => product.id));

function idsOf(locale: 'en-US' | 'de-DE', word: string): string[] {
  return productSlotValues(catalog, locale)
    .filter((value) => value.name === word || value.synonyms.includes(word))
    .map((value) => value.id);
}

describe('name tails', () => {
  it('keeps the tails that name a thing and cuts descriptions after the category noun', () => {
    expect(nameTails('Unsweetened Almond Milk', 'Milk', 'en-US')).toEqual(['almond milk', 'milk']);
    expect(nameTails('Ground Coffee Medium Roast', 'Coffee', 'en-US')).toEqual(['coffee']);
    expect(nameTails('Toilet Paper Ultra Soft', 'Toilet Paper', 'en-US')).toEqual([]);
    expect(nameTails('Whole Wheat Bread', 'Bread', 'en-US')).toEqual(['bread']);
  });

  it('in German, ends a tail only on a capitalised noun and never starts one on a preposition', () => {
    expect(nameTails('Mandeldrink ungesüßt', 'Milch', 'de-DE')).toEqual([]);
    expect(nameTails('Kartoffelchips mit Meersalz', 'Snacks', 'de-DE')).toEqual(['meersalz']);
    expect(nameTails('Windeln Größe 3', 'Windeln', 'de-DE')).toEqual([]);
  });
});

describe('product slot values', () => {
  it.each(['en-US', 'de-DE'] as const)('%s: stays far inside the platform limits', (locale) => {
    const values = productSlotValues(catalog, locale);
    const forms = values.reduce((count, value) => count + 1 + value.synonyms.length, 0);
    expect(values.length).toBeGreaterThan(800);
    // Alexa allows 50,000 custom slot values per skill; a fifth of that keeps room for a real catalog's names.
    expect(forms).toBeLessThan(10_000);
  });

  it('hears the organic variant of any word without handing over the plain product as if asked for', () => {
    expect(idsOf('en-US', 'organic bananas')).toEqual(['term:organic-p077']);
    expect(idsOf('en-US', 'organic avocados')).toEqual(['term:avocados']);
    expect(idsOf('de-DE', 'bio vollkornbrot')).toEqual(['term:bio-p039']);
  });

  it('resolves a product name, and that name in the other number, to the product', () => {
    expect(idsOf('en-US', 'hass avocados')).toEqual(['p083']);
    expect(idsOf('en-US', 'banana')).toEqual(['p077']);
    expect(idsOf('de-DE', 'vollkornbrot')).toEqual(['p039']);
  });

  it('gives a shared tail or a vocabulary word a term id, never one arbitrary product', () => {
    expect(idsOf('en-US', 'avocados')).toEqual(['term:avocados']);
    expect(idsOf('en-US', 'lawn mowers')).toEqual(['term:lawn-mower']);
    expect(idsOf('de-DE', 'rasenmäher')).toEqual(['term:rasenmäher']);
    for (const locale of ['en-US', 'de-DE'] as const) {
      const termIds = productSlotValues(catalog, locale).filter((value) => !productIds.has(value.id)).map((value) => value.id);
      expect(termIds.every((id) => id.startsWith('term:') || id.startsWith('aisle:')), locale).toBe(true);
    }
  });

  it('leaves aisle words with their aisle and unsold words with their term', () => {
    expect(idsOf('en-US', 'coffee')).toEqual(['aisle:coffee']);
    expect(idsOf('de-DE', 'hafermilch')).toEqual(['aisle:milk']);
    expect(idsOf('en-US', 'ketchup')).toEqual(['term:ketchup']);
  });

  it('refuses a product word that is a whole command of another intent', () => {
    const values = [{ id: 'term:help', name: 'help', display: 'help', synonyms: [] }];
    expect(() => assertNoCommandWords(INTENTS, values, 'en-US')).toThrow(ModelError);
    expect(() => assertNoCommandWords(INTENTS, productSlotValues(catalog, 'en-US'), 'en-US')).not.toThrow();
  });

  it('refuses a product word that would swallow a carrier ("milk please", "bitte kaffee")', () => {
    const english = [{ id: 'term:milk', name: 'milk please', display: 'milk please', synonyms: [] }];
    expect(() => assertNoCarrierEdges(english, 'en-US')).toThrow(/carrier: "milk please"/);
    const german = [{ id: 'term:kaffee', name: 'kaffee', display: 'kaffee', synonyms: ['bitte kaffee'] }];
    expect(() => assertNoCarrierEdges(german, 'de-DE')).toThrow(ModelError);
    for (const locale of ['en-US', 'de-DE'] as const) {
      expect(() => assertNoCarrierEdges(productSlotValues(catalog, locale), locale)).not.toThrow();
    }
  });
});
