/**
 * The demo catalog and customer the models are generated from and `npm start` seeds: complete enough
 * that search, "the cheaper one", "my usual coffee" and replenishment have something real to work on.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../skill/core/catalog/product';
import { localizedSize } from '../../../skill/core/i18n/size';

const load = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../skill/data/${name}`, import.meta.url)), 'utf8'));
const catalog: Product[] = load('demo-catalog.json');
interface DemoCustomerFile {
  customerId: string;
  accessToken: string;
  voicePin: string;
  locale: string;
  address: { country: string };
  paymentMethod: { id: string; brand: string; last4: string };
  orders: { orderId: string; daysAgo: number; currency: string; lines: { productId: string; quantity: number; unitPriceCents: number }[] }[];
}
const customer = load('demo-customer.json') as DemoCustomerFile;
const germanCustomer = load('demo-customer-de.json') as DemoCustomerFile;
const byId = new Map(catalog.map((product) => [product.id, product]));

describe('demo catalog', () => {
  it('has about 200 products with unique ids and every field a product page needs', () => {
    expect(catalog.length).toBeGreaterThanOrEqual(190);
    expect(byId.size).toBe(catalog.length);
    for (const product of catalog) {
      expect(product.id).toMatch(/^p\d{3}$/);
      expect(product.names['en-US'], product.id).toBeTruthy();
      expect(product.names['de-DE'], product.id).toBeTruthy();
      expect(product.aisle?.['en-US'], product.id).toBeTruthy();
      expect(product.aisle?.['de-DE'], product.id).toBeTruthy();
      expect(product.aisleId && product.departmentId && product.size && product.brand, product.id).toBeTruthy();
      expect(Number.isInteger(product.priceCents) && product.priceCents! > 0, product.id).toBe(true);
      expect(product.currency).toBe('USD');
      expect(product.imageUrl).toBe(`https://images.vocart.example/products/${product.id}.jpg`);
      expect(typeof product.popularity).toBe('number');
    }
  });

  it('has a German price list of its own: euro shelf prices including VAT, not the dollar figures relabelled', () => {
    // A price may meet the dollar figure by chance (bananas cost 1,29 either way); a copied list meets everywhere.
    const relabelled = catalog.filter((product) => product.prices?.['de-DE'] === product.priceCents);
    expect(relabelled.length).toBeLessThan(catalog.length / 20);
    for (const product of catalog) {
      const euros = product.prices?.['de-DE'];
      expect(Number.isInteger(euros) && euros! > 0, product.id).toBe(true);
      // Shelf prices as German shops print them (…,29 / …,49 / …,99 / 59,90), and within reach of the US price.
      expect(euros! % 10, `${product.id} ${euros}`).toBeOneOf([0, 9]);
      expect(euros! / product.priceCents!, `${product.id} ${euros}`).toBeGreaterThan(0.3);
      expect(euros! / product.priceCents!, `${product.id} ${euros}`).toBeLessThan(1.2);
    }
  });

  it('reads every pack size metric in German, as cards and speech show it', () => {
    for (const product of catalog) {
      expect(localizedSize(product.size!, 'de-DE'), `${product.id} ${product.size}`).not.toMatch(/\b(oz|lbs?|gallons?|fl|count|each|pack|rolls|bags|bars|boxes|cans|pods|head)\b/);
    }
  });

  it('files what the law taxes differently under aisles of their own (plant drinks, pet supplies)', () => {
    const aisleOf = (name: string) => catalog.find((product) => product.names['en-US'] === name)?.aisleId;
    expect(aisleOf('Oat Milk Barista Edition')).toBe('plant-drinks');
    expect(aisleOf('Unsweetened Almond Milk')).toBe('plant-drinks');
    expect(aisleOf('Cat Litter Clumping')).toBe('pet-supplies');
  });

  it('offers several products for the generic words shoppers use', () => {
    const perAisle = new Map<string, number>();
    for (const product of catalog) perAisle.set(product.aisleId!, (perAisle.get(product.aisleId!) ?? 0) + 1);
    for (const aisle of ['coffee', 'milk', 'shampoo', 'cheese', 'laundry', 'perfume']) expect(perAisle.get(aisle), aisle).toBeGreaterThanOrEqual(3);
  });

  it('sells the invented perfume, not a real brand', () => {
    expect(catalog.some((product) => product.names['en-US'] === 'Maison Lumière No. 5 Eau de Parfum')).toBe(true);
    expect(JSON.stringify(catalog)).not.toMatch(/chanel/i);
  });
});

describe('demo customer', () => {
  it('links by the local token and pays with the demo card', () => {
    expect(customer).toMatchObject({ customerId: 'demo-customer', accessToken: 'demo-access-token', locale: 'en-US' });
    expect(customer.voicePin).toMatch(/^\d{4}$/);
    expect(customer.paymentMethod).toEqual({ id: 'pm_demo_visa', brand: 'visa', last4: '4242' });
  });

  it('has 6 to 10 past orders of catalog products', () => {
    expect(customer.orders.length).toBeGreaterThanOrEqual(6);
    expect(customer.orders.length).toBeLessThanOrEqual(10);
    expect(new Set(customer.orders.map((order) => order.orderId)).size).toBe(customer.orders.length);
    for (const line of customer.orders.flatMap((order) => order.lines)) {
      expect(byId.has(line.productId), line.productId).toBe(true);
      expect(line.quantity).toBeGreaterThan(0);
      expect(line.unitPriceCents).toBeGreaterThan(0);
    }
  });

  /** Mean days between the orders that contain a product: the repeat pattern replenishment learns from. */
  const meanGap = (productId: string) => {
    const days = customer.orders.filter((order) => order.lines.some((line) => line.productId === productId)).map((order) => order.daysAgo).sort((a, b) => a - b);
    return days.length < 2 ? Number.POSITIVE_INFINITY : (days.at(-1)! - days[0]!) / (days.length - 1);
  };
  const idOf = (name: string) => catalog.find((product) => product.names['en-US'] === name)!.id;

  it('repeats like a real household: milk weekly, coffee fortnightly, shampoo monthly, perfume every two months', () => {
    expect(meanGap(idOf('Ground Coffee Medium Roast'))).toBeGreaterThan(10);
    expect(meanGap(idOf('Ground Coffee Medium Roast'))).toBeLessThan(25);
    expect(meanGap('p012')).toBeLessThan(12);
    expect(meanGap(idOf('Moisturizing Shampoo'))).toBeGreaterThan(20);
    expect(meanGap(idOf('Moisturizing Shampoo'))).toBeLessThan(40);
    expect(meanGap(idOf('Maison Lumière No. 5 Eau de Parfum'))).toBeGreaterThan(45);
  });

  it('buys one coffee far more than any other, so "my usual coffee" has an answer', () => {
    const coffeeCounts = new Map<string, number>();
    for (const line of customer.orders.flatMap((order) => order.lines)) {
      if (byId.get(line.productId)?.aisleId === 'coffee') coffeeCounts.set(line.productId, (coffeeCounts.get(line.productId) ?? 0) + 1);
    }
    const ranked = [...coffeeCounts].sort((a, b) => b[1] - a[1]);
    expect(ranked[0]?.[0]).toBe(idOf('Ground Coffee Medium Roast'));
    expect(ranked[0]![1]).toBeGreaterThan((ranked[1]?.[1] ?? 0) + 2);
  });
});

describe('German demo customer', () => {
  it('links by its own token and lives in Germany', () => {
    expect(germanCustomer).toMatchObject({ customerId: 'demo-kundin', accessToken: 'demo-access-token-de', locale: 'de-DE', address: { country: 'DE' } });
    expect(germanCustomer.accessToken).not.toBe(customer.accessToken);
  });

  it('has a history in euros at the German shop prices, as the US demo has one in dollars', () => {
    expect(germanCustomer.orders.length).toBeGreaterThanOrEqual(6);
    for (const order of germanCustomer.orders) {
      expect(order.currency, order.orderId).toBe('EUR');
      for (const line of order.lines) expect(line.unitPriceCents, line.productId).toBe(byId.get(line.productId)!.prices?.['de-DE']);
    }
    for (const order of customer.orders) expect(order.currency, order.orderId).toBe('USD');
    const ids = [...customer.orders, ...germanCustomer.orders].map((order) => order.orderId);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
