import { describe, expect, it } from 'vitest';
import { CatalogIndexError, INDEX_VERSION, VoiceCatalog } from '../../../../skill/core/catalog/voice-catalog';
import { buildVoiceCatalog, serializeCatalog } from '../../../../skill/core/catalog/build/catalog-builder';
import type { Product } from '../../../../skill/core/catalog/product';
import type { Locale } from '../../../../skill/core/turn';

const coffee = { 'en-US': 'coffee', 'de-DE': 'Kaffee' };
const dairy = { 'en-US': 'milk', 'de-DE': 'Milch' };
const cereal = { 'en-US': 'cereal', 'de-DE': 'Müsli und Flocken' };
const cheese = { 'en-US': 'specialty cheeses', 'de-DE': 'Käse' };
const tea = { 'en-US': 'tea', 'de-DE': 'Tee' };

function product(id: string, en: string, de: string | undefined, aisleId: string, aisle: Record<Locale, string>, popularity = 10): Product {
  return { id, names: de ? { 'en-US': en, 'de-DE': de } : { 'en-US': en }, aisleId, aisle, popularity };
}

/** A small shop written by hand: near neighbours on purpose, so a match has to be the right one. */
const PRODUCTS: Product[] = [
  product('c1', 'Ground Coffee Medium Roast', 'Röstkaffee gemahlen mittlere Röstung', 'coffee', coffee, 90),
  product('c2', 'Ground Coffee Dark Roast', 'Röstkaffee gemahlen dunkle Röstung', 'coffee', coffee, 40),
  product('c3', 'Whole Bean Espresso', 'Espresso ganze Bohne', 'coffee', coffee, 30),
  product('m1', '2% Reduced Fat Milk', 'Fettarme Milch 1,5%', 'milk', dairy, 80),
  product('m2', 'Whole Milk', 'Vollmilch 3,5%', 'milk', dairy, 70),
  product('m3', 'Chocolate Milk', 'Schokomilch', 'milk', dairy, 20),
  product('m4', 'Oat Milk Barista Edition', 'Haferdrink Barista', 'milk', dairy, 15),
  product('k1', 'Corn Flakes', 'Cornflakes', 'cereal', cereal, 50),
  product('k2', 'Frosted Flakes', 'Zuckerflakes', 'cereal', cereal, 30),
  product('k3', 'Crunchy Spelt Muesli', 'Knusper Dinkel Müsli', 'cereal', cereal, 25),
  product('k4', 'Buckwheat Porridge', 'Buchweizen Porridge', 'cereal', cereal, 5),
  product('k5', 'Oat Porridge', 'Hafer Porridge', 'cereal', cereal, 60),
  product('s1', 'Grated Parmesan Cheese', 'Parmesan gerieben', 'cheese', cheese, 35),
  product('s2', 'Sharp Cheddar Cheese', 'Würziger Cheddar', 'cheese', cheese, 45),
  product('s3', 'Swiss Cheese Slices', 'Schweizer Käse Scheiben', 'cheese', cheese, 12),
  product('t1', 'Peach Iced Tea', 'Pfirsich Eistee', 'tea', tea, 40),
  product('t2', 'Peach Iced Tea, Peach', 'Pfirsich Eistee, Pfirsich', 'tea', tea, 10),
];

const catalog = buildVoiceCatalog(PRODUCTS);
const ids = (query: string, locale: Locale = 'en-US', personal?: Map<string, number>) =>
  catalog.search(query, { locale, limit: 5, personal }).map((hit) => hit.product.id);
const first = (query: string, locale: Locale = 'en-US') => ids(query, locale)[0];

describe('voice search: specific requests', () => {
  it('finds a product said exactly', () => {
    expect(first('ground coffee dark roast')).toBe('c2');
    expect(first('sharp cheddar cheese')).toBe('s2');
  });

  it('finds a product whose words were misheard', () => {
    expect(first('parmezan cheese')).toBe('s1');
    expect(first('kheddar cheese sharp')).toBe('s2');
    expect(first('chokolate milk')).toBe('m3');
  });

  it('finds a product when the recogniser split or joined a word', () => {
    expect(first('cornflakes')).toBe('k1');
    expect(first('buck wheat porridge')).toBe('k4');
  });

  it('meets a spoken number with the digits of the name', () => {
    expect(first('two percent reduced fat milk')).toBe('m1');
    expect(first('two percent milk')).toBe('m1');
  });

  it('does not let a leading word the shopper left out cost the match', () => {
    expect(first('barista edition')).toBe('m4');
    expect(first('reduced fat milk')).toBe('m1');
  });

  it('needs a word said twice to be in the name twice', () => {
    expect(first('peach iced tea peach')).toBe('t2');
    expect(first('peach iced tea')).toBe('t1');
  });

  it('scores a confident match near 1 and orders hits best first', () => {
    const hits = catalog.search('whole milk', { locale: 'en-US', limit: 5 });
    expect(hits[0]!.product.id).toBe('m2');
    expect(hits[0]!.score).toBeGreaterThan(0.9);
    for (let i = 1; i < hits.length; i += 1) expect(hits[i]!.score).toBeLessThanOrEqual(1);
  });
});

describe('voice search: generic requests and abstaining', () => {
  it('answers a category word with products of that aisle, the popular one first', () => {
    const hits = catalog.search('coffee', { locale: 'en-US', limit: 5 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => hit.product.aisleId === 'coffee')).toBe(true);
    expect(hits[0]!.product.id).toBe('c1');
  });

  it('answers nothing for what the shop does not sell', () => {
    expect(ids('lawn mower')).toEqual([]);
    expect(ids('rasenmäher', 'de-DE')).toEqual([]);
  });

  it('looks past the words a shopper says around a product', () => {
    expect(first('i need some whole milk please')).toBe('m2');
    expect(first('bitte die schokomilch', 'de-DE')).toBe('m3');
  });

  it('answers nothing for a request made only of such words', () => {
    expect(ids('the')).toEqual([]);
    expect(ids('please')).toEqual([]);
  });

  it('answers nothing for an empty or symbol-only request', () => {
    expect(ids('')).toEqual([]);
    expect(ids('?!')).toEqual([]);
    expect(catalog.search('milk', { locale: 'en-US', limit: 0 })).toEqual([]);
  });
});

describe('voice search: personal ranking', () => {
  it("puts the shopper's usual product first when it answers the request about as well", () => {
    expect(ids('ground coffee')[0]).toBe('c1');
    expect(ids('ground coffee', 'en-US', new Map([['c2', 6]]))[0]).toBe('c2');
  });

  it('does not let a usual product win a request it does not answer', () => {
    expect(ids('sharp cheddar cheese', 'en-US', new Map([['c2', 50]]))[0]).toBe('s2');
  });

  it('ignores bought products the catalog does not hold', () => {
    expect(ids('whole milk', 'en-US', new Map([['gone', 3]]))[0]).toBe('m2');
  });
});

describe('voice search: a category word that is also a product name', () => {
  const snacks = { 'en-US': 'snacks', 'de-DE': 'Snacks' };
  const candy = { 'en-US': 'candy', 'de-DE': 'Süßigkeiten' };
  const shop = buildVoiceCatalog([
    product('s1', 'Fruit Snacks', 'Fruchtgummi', 'snacks', snacks, 90),
    product('s2', 'Organic Fruit Snacks', 'Bio Fruchtgummi', 'snacks', snacks, 80),
    product('s3', 'Cheese Snacks', 'Käsesnacks', 'snacks', snacks, 70),
    product('s4', 'Veggie Snacks', 'Gemüsesnacks', 'snacks', snacks, 60),
    product('s5', 'Rice Snacks', 'Reissnacks', 'snacks', snacks, 50),
    product('s6', 'Corn Snacks', 'Maissnacks', 'snacks', snacks, 40),
    product('c1', 'Snacks', 'Snacks', 'candy', candy, 1),
  ]);

  it('answers from the aisle first, with the product named exactly that right behind', () => {
    const found = shop.search('snacks', { locale: 'en-US', limit: 5 }).map((hit) => hit.product.id);
    expect(found[0]).toBe('s1');
    expect(found[1]).toBe('c1');
    expect(found).toHaveLength(5);
  });
});

describe('voice search in German', () => {
  it('matches umlauts spelled as ae, oe, ue and as themselves', () => {
    expect(first('knusper dinkel muesli', 'de-DE')).toBe('k3');
    expect(first('knusper dinkel müsli', 'de-DE')).toBe('k3');
    expect(first('schweizer kaese scheiben', 'de-DE')).toBe('s3');
    expect(first('roestkaffee gemahlen dunkle roestung', 'de-DE')).toBe('c2');
  });

  it('joins a compound the recogniser split and finds the compound from its head', () => {
    expect(first('buch weizen porridge', 'de-DE')).toBe('k4');
    expect(ids('milch', 'de-DE')).toEqual(expect.arrayContaining(['m2']));
  });

  it('finds a product by the word shoppers use for what the label calls something else', () => {
    // "Hafermilch" is no word of the catalog, but it is not "Hafer" + "Milch" either: the oat drink, not any milk.
    expect(ids('hafermilch', 'de-DE')).toEqual(['m4']);
  });

  it('reads spoken German numbers', () => {
    expect(first('fettarme milch eins komma fünf prozent', 'de-DE')).toBe('m1');
  });
});

describe('voice search: numbers and spellings', () => {
  const plain = (id: string, en: string, de: string) => ({ id, names: { 'en-US': en, 'de-DE': de } });
  const shop = buildVoiceCatalog([
    plain('o2', '60% Vegetable Oil Spread', 'Halbfett Margarine 60%'),
    plain('o1', '55% Vegetable Oil Spread', 'Halbfett Margarine 55%'),
    plain('o3', 'Vegetable Oil', 'Milch 0.9% Fett'),
    plain('o4', 'Olive Oil Spread', 'Streichkäse 9%'),
    plain('n1', 'Neufchatel Cheese', 'Mandel Drink ungesüßt'),
    plain('n2', 'Neufchâtel Cheese', 'Mandel Drink ungesüsst'),
    plain('r1', 'Pinot Grigio 2010', 'Süssstoff flüssig - Течен подсладител'),
  ]);
  const top = (query: string, locale: Locale) => shop.search(query, { locale, limit: 3 })[0]?.product.id;

  it('finds the number a request names when its first word was lost', () => {
    expect(top('five percent vegetable oil spread', 'en-US')).toBe('o1');
    expect(top('neun prozent fett', 'de-DE')).toBe('o3');
    expect(top('zero one zero', 'en-US')).toBe('r1');
  });

  it('still prefers the number said when the catalog has it', () => {
    expect(top('sixty percent vegetable oil spread', 'en-US')).toBe('o2');
    expect(top('neun prozent', 'de-DE')).toBe('o4');
  });

  it('puts the name spelled as the request first among names that fold alike', () => {
    expect(top('neufchâtel cheese', 'en-US')).toBe('n2');
    expect(top('neufchatel cheese', 'en-US')).toBe('n1');
    expect(top('mandel drink ungesüsst', 'de-DE')).toBe('n2');
    expect(top('mandel drink ungesüßt', 'de-DE')).toBe('n1');
  });

  it('matches words written in another script', () => {
    expect(top('течен подсладител', 'de-DE')).toBe('r1');
  });
});

describe('the prebuilt index', () => {
  const QUERIES = ['ground coffee', 'parmezan cheese', 'two percent milk', 'coffee', 'lawn mower', 'cornflakes'];

  it('answers exactly as the index it was built from', () => {
    const loaded = VoiceCatalog.fromSerialized(serializeCatalog(catalog));
    for (const locale of ['en-US', 'de-DE'] as const) {
      for (const query of QUERIES) {
        expect(loaded.search(query, { locale, limit: 5 }), `${locale} ${query}`).toEqual(catalog.search(query, { locale, limit: 5 }));
      }
    }
    expect(loaded.get('m1')).toEqual(catalog.get('m1'));
    expect(loaded.locales.sort()).toEqual(['de-DE', 'en-US']);
  });

  it('refuses what is not an index, with a typed error', () => {
    const bytes = (text: string) => new TextEncoder().encode(text);
    expect(() => VoiceCatalog.fromSerialized(bytes('{not json'))).toThrow(/older \(JSON\) version.*rebuild it/);
    expect(() => VoiceCatalog.fromSerialized(bytes('something else'))).toThrow(/not a vocart catalog index/);
    const serialized = serializeCatalog(catalog);
    // The version is in the header: an index of another version names the command that rebuilds it.
    const headerBytes = new DataView(serialized.buffer, serialized.byteOffset).getUint32(8, true);
    const header = new TextDecoder().decode(serialized.subarray(12, 12 + headerBytes));
    const otherVersion = serialized.slice();
    otherVersion.set(bytes(header.replace(`"version":${INDEX_VERSION}`, `"version":${INDEX_VERSION - 1}`)), 12);
    expect(() => VoiceCatalog.fromSerialized(otherVersion)).toThrow(/rebuild it/);
    expect(() => VoiceCatalog.fromSerialized(serialized.subarray(0, serialized.length - 64))).toThrow(CatalogIndexError);
    const scrambled = serialized.slice();
    scrambled.fill(0xff, 12 + headerBytes + 8);
    expect(() => VoiceCatalog.fromSerialized(scrambled)).toThrow(CatalogIndexError);
  });

  it('decodes product text when a product is shown and finds products by ids in any script', () => {
    // Ids are compared as UTF-8 bytes in the file: accents, private-use and astral characters included.
    const odd: Product[] = [
      { id: 'ä-1', names: { 'de-DE': 'Käse am Stück 🧀' }, aisleId: 'cheese', aisle: { 'de-DE': 'Käse' }, brand: 'Müller' },
      { id: 'x\uE000', names: { 'de-DE': 'Schafskäse' }, size: '200 g' },
      { id: 'x🧀', names: { 'de-DE': 'Ziegenkäse' }, aisleId: 'cheese', aisle: { 'de-DE': 'Käse' } },
      { id: 'a', names: { 'de-DE': 'Butter' } },
    ];
    const built = buildVoiceCatalog(odd);
    const loaded = VoiceCatalog.fromSerialized(serializeCatalog(built));
    for (const expected of odd) expect(loaded.get(expected.id)).toEqual(expected);
    expect(loaded.get('x')).toBeUndefined();
    expect(loaded.search('ziegenkäse', { locale: 'de-DE', limit: 1 })[0]?.product.id).toBe('x🧀');
  });

  it('keeps repeated and varied product fields alike (repeated ones are stored once each)', () => {
    const many: Product[] = Array.from({ length: 40 }, (_, i) => ({
      id: `p${i}`,
      names: { 'en-US': `Product ${i}` },
      departmentId: i % 3 === 0 ? undefined : `d${i % 2}`,
      currency: 'USD',
      priceCents: 100 + i,
      brand: `Brand ${i}`,
    }));
    const loaded = VoiceCatalog.fromSerialized(serializeCatalog(buildVoiceCatalog(many)));
    expect(loaded.products()).toEqual(many.map((item) => Object.fromEntries(Object.entries(item).filter(([, value]) => value !== undefined))));
  });

  it('loads from bytes at any offset (a file read into a shared buffer)', () => {
    const serialized = serializeCatalog(catalog);
    const shifted = new Uint8Array(serialized.length + 3);
    shifted.set(serialized, 3);
    const loaded = VoiceCatalog.fromSerialized(shifted.subarray(3));
    expect(loaded.search('ground coffee', { locale: 'en-US', limit: 3 })).toEqual(catalog.search('ground coffee', { locale: 'en-US', limit: 3 }));
  });
});
