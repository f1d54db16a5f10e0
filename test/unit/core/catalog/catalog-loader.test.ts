import { describe, expect, it } from 'vitest';
import { CatalogFormatError, parseAislesCsv, parseProductsCsv, parseProductsJson } from '../../../../skill/core/catalog/catalog-loader';

describe('CSV catalogs', () => {
  it('reads the Instacart layout, with aisle names from the aisles file', () => {
    const aisles = parseAislesCsv('aisle_id,aisle\n24,fresh fruits\n26,coffee\n');
    const products = parseProductsCsv('product_id,product_name,aisle_id,department_id\n1,Bananas,24,4\n2,"Ground Coffee, Dark",26,7\n', {
      locale: 'en-US',
      aisles,
    });
    expect(products).toEqual([
      { id: '1', names: { 'en-US': 'Bananas' }, aisleId: '24', aisle: { 'en-US': 'fresh fruits' }, departmentId: '4' },
      { id: '2', names: { 'en-US': 'Ground Coffee, Dark' }, aisleId: '26', aisle: { 'en-US': 'coffee' }, departmentId: '7' },
    ]);
  });

  it('reads the optional columns: price in cents with the locale currency, size, brand, image', () => {
    const [product] = parseProductsCsv('product_id,product_name,price,size,brand,image_url\n7,Vollmilch,"1,19",1 l,Hofgut,https://x/7.jpg\n', {
      locale: 'de-DE',
    });
    expect(product).toEqual({
      id: '7',
      names: { 'de-DE': 'Vollmilch' },
      priceCents: 119,
      currency: 'EUR',
      size: '1 l',
      brand: 'Hofgut',
      imageUrl: 'https://x/7.jpg',
    });
  });

  it('works without aisle columns and leaves empty optional cells out', () => {
    const [product] = parseProductsCsv('product_id,product_name,aisle_id,department_id\n9,Tofu Natur,,\n', { locale: 'de-DE' });
    expect(product).toEqual({ id: '9', names: { 'de-DE': 'Tofu Natur' } });
  });

  it('unescapes backslash-escaped quotes some exporters add', () => {
    const [product] = parseProductsCsv('product_id,product_name\n3,"Baking Pan 9\\""x13\\"""\n', { locale: 'en-US' });
    expect(product!.names['en-US']).toBe('Baking Pan 9"x13"');
  });

  it('gives a typed error with the line for malformed or incomplete input', () => {
    const malformed = () => parseProductsCsv('product_id,product_name\n1,"unterminated\n', { locale: 'en-US' });
    expect(malformed).toThrow(CatalogFormatError);
    expect(() => parseProductsCsv('id,name\n1,Milk\n', { locale: 'en-US' })).toThrow(/lacks the column\(s\) product_id, product_name/);
    expect(() => parseProductsCsv('product_id,product_name\n1,Milk\n1,Bread\n', { locale: 'en-US' })).toThrow(/line 3: product_id 1 appears twice/);
    expect(() => parseProductsCsv('product_id,product_name\n1,\n', { locale: 'en-US' })).toThrow(/line 2: product 1 has no name/);
    expect(() => parseProductsCsv('product_id,product_name,price\n1,Milk,cheap\n', { locale: 'en-US' })).toThrow(/is not an amount/);
    expect(() => parseProductsCsv('', { locale: 'en-US' })).toThrow(/empty/);
    expect(() => parseAislesCsv('aisle_id,aisle\n5,\n')).toThrow(CatalogFormatError);
  });

  it('keeps the cause of a CSV parse failure', () => {
    try {
      parseProductsCsv('product_id,product_name\n1,Milk,extra\n', { locale: 'en-US' });
      expect.unreachable('a row with an extra column must not parse');
    } catch (error) {
      expect(error).toBeInstanceOf(CatalogFormatError);
      expect((error as CatalogFormatError).cause).toBeDefined();
    }
  });
});

describe('JSON catalogs', () => {
  it('reads an array of products in several locales', () => {
    const text = JSON.stringify([{ id: 'p1', names: { 'en-US': 'Whole Milk', 'de-DE': 'Vollmilch' }, priceCents: 129, popularity: 4 }]);
    expect(parseProductsJson(text)).toEqual([{ id: 'p1', names: { 'en-US': 'Whole Milk', 'de-DE': 'Vollmilch' }, priceCents: 129, popularity: 4 }]);
  });

  it('names the field that is wrong', () => {
    expect(() => parseProductsJson('[{"id":"p1","names":{}}]')).toThrow(/at 0\.names/);
    expect(() => parseProductsJson('[{"id":"p1","names":{"en-US":"Milk"},"priceCents":-1}]')).toThrow(/at 0\.priceCents/);
    expect(() => parseProductsJson('[{"id":"p1","names":{"en-US":"Milk"},"colour":"red"}]')).toThrow(CatalogFormatError);
    expect(() => parseProductsJson('{"id":"p1"}')).toThrow(CatalogFormatError);
    expect(() => parseProductsJson('nope')).toThrow(/does not parse/);
  });

  it('refuses duplicate ids', () => {
    const duplicate = JSON.stringify([
      { id: 'p1', names: { 'en-US': 'Milk' } },
      { id: 'p1', names: { 'en-US': 'Bread' } },
    ]);
    expect(() => parseProductsJson(duplicate)).toThrow(/p1 appears twice/);
  });
});
