import { vocabularyFor } from '../../../../skill/core/i18n/vocabulary';
import { describe, expect, it } from 'vitest';
import { parseProductRequest } from '../../../../skill/core/catalog/product-request';

describe('parseProductRequest', () => {
  it.each([
    ['two bottles of milk', { quantity: 2, unit: 'bottle', query: 'milk' }],
    ['one gallon of whole milk', { size: '1 gallon', query: 'whole milk' }],
    ['2 pounds of ground beef', { size: '2 lb', query: 'ground beef' }],
    ['sixty four ounces of milk', { size: '64 oz', query: 'milk' }],
    ['three apples', { quantity: 3, query: 'apples' }],
    ['a dozen eggs', { size: '12 count', query: 'eggs' }],
    ['two dozen eggs', { size: '24 count', query: 'eggs' }],
    ['half a gallon of milk', { size: '0.5 gallon', query: 'milk' }],
    ['a half gallon of milk', { size: '0.5 gallon', query: 'milk' }],
    ['two half gallons of milk', { quantity: 2, size: '0.5 gallon', query: 'milk' }],
    ['one and a half pounds of ground beef', { size: '1.5 lb', query: 'ground beef' }],
    ['half a dozen eggs', { size: '6 count', query: 'eggs' }],
    ['half and half', { query: 'half and half' }],
    ['two bottles of one liter water', { quantity: 2, unit: 'bottle', size: '1 liter', query: 'water' }],
    ['milk', { query: 'milk' }],
    ['six eggs', { quantity: 6, query: 'eggs' }],
    ['six cartons of eggs', { quantity: 6, unit: 'carton', query: 'eggs' }],
    ['a pack of eggs', { quantity: 1, unit: 'pack', query: 'eggs' }],
    // The number came in the quantity slot: the pack word alone still says packs.
    ['cartons of eggs', { unit: 'carton', query: 'eggs' }],
    // A pack word that starts a product name is the product's.
    ['can opener', { query: 'can opener' }],
    ['box cutter', { query: 'box cutter' }],
  ])('en-US: "%s"', (said, expected) => {
    expect(parseProductRequest(said, 'en-US')).toEqual(expected);
  });

  it.each([
    ['zwei Flaschen Milch', { quantity: 2, unit: 'bottle', query: 'milch' }],
    ['ein Liter Milch', { size: '1 Liter', query: 'milch' }],
    ['500 Gramm Mehl', { size: '500 g', query: 'mehl' }],
    ['ein Dutzend Eier', { size: '12 count', query: 'eier' }],
    ['ein halber Liter Milch', { size: '0.5 Liter', query: 'milch' }],
    ['ein halbes Kilo Hackfleisch', { size: '0.5 kg', query: 'hackfleisch' }],
    ['anderthalb Liter Cola', { size: '1.5 Liter', query: 'cola' }],
    ['sechs Eier', { quantity: 6, query: 'eier' }],
    ['sechs Packungen Eier', { quantity: 6, unit: 'pack', query: 'eier' }],
    ['sechs Stück Eier', { quantity: 6, unit: 'piece', query: 'eier' }],
    ['Packungen Eier', { unit: 'pack', query: 'eier' }],
    ['Packung', { query: 'packung' }],
  ])('de-DE: "%s"', (said, expected) => {
    expect(parseProductRequest(said, 'de-DE')).toEqual(expected);
  });

  it('leaves a number that names the product in the query ("2% milk", "1.5 milch")', () => {
    expect(parseProductRequest('1.5 milch', 'de-DE').query).toBe('1.5 milch');
  });
});

describe('the measure and pack words, read from the core vocabulary (one list per locale)', () => {
  it.each(['en-US', 'de-DE'] as const)('%s: every measure word makes a size, every pack word a count of its pack', (locale) => {
    const vocabulary = vocabularyFor(locale);
    const two = locale === 'en-US' ? 'two' : 'zwei';
    for (const [word, unit] of Object.entries(vocabulary.measureUnits)) {
      expect(parseProductRequest(`${two} ${word} ${locale === 'en-US' ? 'of milk' : 'Milch'}`, locale), word).toMatchObject({ size: `2 ${unit}` });
    }
    for (const [word, unit] of Object.entries(vocabulary.packUnits)) {
      if (unit === 'dozen') continue;
      expect(parseProductRequest(`${two} ${word} ${locale === 'en-US' ? 'of milk' : 'Milch'}`, locale), word).toMatchObject({ quantity: 2, unit });
    }
  });

  it.each(['en-US', 'de-DE'] as const)('%s: what the models offer (measures, containers) is among the words the parser reads', (locale) => {
    const vocabulary = vocabularyFor(locale);
    for (const forms of vocabulary.measures) for (const word of forms) expect(vocabulary.measureUnits, word).toHaveProperty([word]);
    for (const forms of vocabulary.containers) for (const word of forms) expect(vocabulary.packUnits, word).toHaveProperty([word]);
  });

  it('reads no request word as an object key: "constructor" is a product word, not a measure', () => {
    expect(parseProductRequest('two constructor sets', 'en-US')).toEqual({ quantity: 2, query: 'constructor sets' });
  });
});
