/**
 * A shop per locale: the catalog as one locale's shop sells it. Every product it returns carries that shop's price
 * in that shop's currency, or no price where the shop has none, so search, cart, checkout and cards in one
 * conversation read one price in one currency. The catalog keeps one price list per locale (Product.prices) beside
 * the product's own price; which figure a shop asks is decided here and nowhere else.
 */
import { shopFor } from '../orders/shop-settings';
import type { Catalog, SearchHit, SearchOptions } from '../ports';
import type { Locale } from '../turn';
import type { Product } from './product';

/**
 * What the shop of `locale` asks for a product: its entry in the price list, else the product's own price when that
 * is in the shop's currency (or states none). A price in another currency is not for sale here: a dollar figure
 * read out as euros is the wrong price, not an approximate one.
 */
export function shopPriceCents(product: Product, locale: Locale): number | undefined {
  const listed = product.prices?.[locale];
  if (listed !== undefined) return listed;
  if (product.priceCents === undefined) return undefined;
  return product.currency === undefined || product.currency === shopFor(locale).currency ? product.priceCents : undefined;
}

/** The product as the shop of `locale` sells it: its price and currency that shop's, the price list left behind. */
export function productInShop(product: Product, locale: Locale): Product {
  const { priceCents: _own, currency: _ownCurrency, prices: _list, ...rest } = product;
  const price = shopPriceCents(product, locale);
  return price === undefined ? rest : { ...rest, priceCents: price, currency: shopFor(locale).currency };
}

/** A catalog bound to one locale's shop. */
class ShopCatalog implements Catalog {
  /**
   * The shop's copy of each product the base catalog handed out, by that object: a turn asks for the same few
   * again and again, and a base that hands out a new object (a price changed) gets a new copy.
   */
  private readonly priced = new WeakMap<Product, Product>();

  constructor(
    readonly base: Catalog,
    readonly locale: Locale,
  ) {}

  get(productId: string): Product | undefined {
    const product = this.base.get(productId);
    return product && this.inShop(product);
  }

  search(query: string, options: SearchOptions): SearchHit[] {
    return this.base.search(query, options).map((hit) => ({ ...hit, product: this.inShop(hit.product) }));
  }

  private inShop(product: Product): Product {
    let priced = this.priced.get(product);
    if (!priced) {
      priced = productInShop(product, this.locale);
      this.priced.set(product, priced);
    }
    return priced;
  }
}

const shops = new WeakMap<Catalog, Map<Locale, ShopCatalog>>();

/**
 * The catalog as the shop of `locale` sells it, made once per catalog and locale. Binding a catalog already bound
 * to that locale returns it; bound to another, it binds the underlying catalog.
 */
export function shopCatalog(catalog: Catalog, locale: Locale): Catalog {
  const base = catalog instanceof ShopCatalog ? catalog.base : catalog;
  let byLocale = shops.get(base);
  if (!byLocale) {
    byLocale = new Map();
    shops.set(base, byLocale);
  }
  let shop = byLocale.get(locale);
  if (!shop) {
    shop = new ShopCatalog(base, locale);
    byLocale.set(locale, shop);
  }
  return shop;
}
