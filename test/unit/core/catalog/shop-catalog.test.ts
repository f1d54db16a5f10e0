/** A shop per locale: the German shop asks its own euro prices, never the dollar figure relabelled. */
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../skill/core/catalog/product';
import { productInShop, shopCatalog, shopPriceCents } from '../../../../skill/core/catalog/shop-catalog';
import { VoiceCatalog } from '../../../../skill/core/catalog/voice-catalog';
import { buildVoiceCatalog, serializeCatalog } from '../../../../skill/core/catalog/build/catalog-builder';
import { formatShopPrice } from '../../../../skill/core/i18n/format';
import { loadCatalogFile } from '../../../../skill/store/catalog-file';

const oatDrink: Product = {
  id: 'p018',
  names: { 'en-US': 'Oat Milk Barista Edition', 'de-DE': 'Haferdrink Barista' },
  priceCents: 449,
  currency: 'USD',
  prices: { 'de-DE': 229 },
  size: '32 fl oz',
};

describe('the price a shop asks', () => {
  it('is the locale price list entry where there is one, the own price where it is in the shop currency', () => {
    expect(shopPriceCents(oatDrink, 'de-DE')).toBe(229);
    expect(shopPriceCents(oatDrink, 'en-US')).toBe(449);
  });

  it('is nothing for a price in another currency: $4.49 is not sold as 4,49 €', () => {
    const dollarsOnly: Product = { id: 'a', names: { 'en-US': 'A' }, priceCents: 449, currency: 'USD' };
    const eurosOnly: Product = { id: 'b', names: { 'de-DE': 'B' }, priceCents: 199, currency: 'EUR' };
    expect(shopPriceCents(dollarsOnly, 'de-DE')).toBeUndefined();
    expect(shopPriceCents(eurosOnly, 'de-DE')).toBe(199);
    expect(shopPriceCents(eurosOnly, 'en-US')).toBeUndefined();
    // A catalog that states no currency is priced in whichever shop reads it.
    expect(shopPriceCents({ id: 'c', names: {}, priceCents: 100 }, 'de-DE')).toBe(100);
  });

  it('makes the product the shop sells: its price, its currency, no price list', () => {
    expect(productInShop(oatDrink, 'de-DE')).toEqual({ id: 'p018', names: oatDrink.names, size: '32 fl oz', priceCents: 229, currency: 'EUR' });
    expect(productInShop({ id: 'a', names: {}, priceCents: 449, currency: 'USD' }, 'de-DE')).toEqual({ id: 'a', names: {} });
  });
});

describe('a catalog bound to a shop', () => {
  const demo = loadCatalogFile();
  const german = shopCatalog(demo, 'de-DE');
  const american = shopCatalog(demo, 'en-US');

  it('carries the German price list through the prebuilt index', () => {
    expect(demo.get('p018')).toMatchObject({ priceCents: 449, currency: 'USD', prices: { 'de-DE': 229 } });
  });

  it('gives search and get the same euro price in the German shop, dollars in the US shop', () => {
    const hit = german.search('hafermilch', { locale: 'de-DE', limit: 1 })[0]!.product;
    expect(hit.id).toBe('p018');
    expect(hit).toMatchObject({ priceCents: 229, currency: 'EUR' });
    expect(german.get('p018')).toBe(hit);
    expect(formatShopPrice(hit.priceCents!, 'de-DE')).toBe('2,29 €');
    expect(american.get('p018')).toMatchObject({ priceCents: 449, currency: 'USD' });
    expect(american.search('oat milk', { locale: 'en-US', limit: 1 })[0]!.product).toMatchObject({ priceCents: 449, currency: 'USD' });
  });

  it('prices every demo product in euros in the German shop, and not as the dollar figure', () => {
    const products = demo.products();
    const relabelled = products.filter((product) => german.get(product.id)!.priceCents === product.priceCents);
    expect(products.every((product) => german.get(product.id)!.currency === 'EUR')).toBe(true);
    // A few prices may meet by chance; a price list copied from dollars would meet everywhere.
    expect(relabelled.length).toBeLessThan(products.length / 10);
  });

  it('is made once per catalog and locale, and binding it again changes nothing', () => {
    expect(shopCatalog(demo, 'de-DE')).toBe(german);
    expect(shopCatalog(german, 'de-DE')).toBe(german);
    expect(shopCatalog(german, 'en-US')).toBe(american);
  });

  it('prices a product the base catalog hands out anew (a changed price) afresh', () => {
    let price = 100;
    const changing = shopCatalog({ get: (id) => ({ id, names: {}, priceCents: price, currency: 'EUR' }), search: () => [] }, 'de-DE');
    expect(changing.get('x')?.priceCents).toBe(100);
    price = 120;
    expect(changing.get('x')?.priceCents).toBe(120);
  });

  it('keeps a price list through serialising', () => {
    const rebuilt = VoiceCatalog.fromSerialized(serializeCatalog(buildVoiceCatalog([oatDrink, { id: 'z', names: { 'en-US': 'Zucchini' }, priceCents: 99, currency: 'USD' }])));
    expect(rebuilt.get('p018')).toEqual(oatDrink);
    expect(rebuilt.get('z')).toEqual({ id: 'z', names: { 'en-US': 'Zucchini' }, priceCents: 99, currency: 'USD' });
  });
});
