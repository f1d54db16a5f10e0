/** `npm run demo:reset` and the console's reset button: the demo and console shoppers back to the seed, nobody else touched. */
import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApp, type App } from '../../../skill/app';
import { loadConfig } from '../../../skill/config';
import { ensureTable } from '../../../skill/store';
import { customerPk } from '../../../skill/store/keys';
import { DEMO_CUSTOMERS, RETURNING_SHOPPERS, resetDemoData, seedDemo } from '../../../lambda/local/demo-data';
import { uniqueTableName } from '../../helpers/store';

let app: App;

beforeAll(async () => {
  const config = loadConfig({ TABLE_NAME: uniqueTableName('vocart-demo-reset'), DYNAMODB_ENDPOINT: inject('dynamoEndpoint'), LOG_LEVEL: 'SILENT', DYNAMODB_TIMEOUT_MS: '4000' });
  app = createApp(config);
  await ensureTable(app.store.client, config.TABLE_NAME);
});

async function sortKeys(customerId: string): Promise<string[]> {
  const page = await app.store.client.send(
    new QueryCommand({ TableName: app.config.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': { S: customerPk(customerId) } }, ConsistentRead: true }),
  );
  // Order keys start with the time of placing, which the seed sets relative to now: compare them without it.
  return (page.Items ?? []).map((item) => item.sk!.S!.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/, '<placedAt>')).sort();
}

describe('resetting the demo data', () => {
  it('seeds a fresh table, and puts the demo customer back as seeded after the shopping of a session', async () => {
    const first = await resetDemoData(app);
    expect(first).toMatchObject({ deleted: 0, customerId: 'demo-customer', orders: 10 });
    const seeded = await sortKeys('demo-customer');
    const seededGerman = await sortKeys('demo-kundin');
    expect(await app.store.accounts.resolve('demo-access-token')).toBe('demo-customer');
    expect(await app.store.accounts.resolve('demo-access-token-de')).toBe('demo-kundin');

    await app.store.customers.saveCart('demo-customer', [{ productId: 'p001', quantity: 3 }], 0);
    await app.store.customers.saveCart('demo-kundin', [{ productId: 'p018', quantity: 1 }], 0);
    await app.store.customers.saveCart(RETURNING_SHOPPERS.alexa, [{ productId: 'p002', quantity: 1 }], 0);
    await app.store.customers.saveCart('alexa:someone-else', [{ productId: 'p003', quantity: 1 }], 0);

    const again = await resetDemoData(app);
    expect(again.deleted).toBe(seeded.length + seededGerman.length + 3);
    expect(await sortKeys('demo-customer')).toEqual(seeded);
    expect(await sortKeys('demo-kundin')).toEqual(seededGerman);
    expect((await app.store.customers.load('demo-kundin')).cart.lines).toEqual([]);
    expect((await app.store.customers.load('demo-customer')).cart.lines).toEqual([]);
    expect(await sortKeys(RETURNING_SHOPPERS.alexa)).toEqual([]);
    // A new shopper's partition is not demo data: nobody comes back to it, and the reset leaves it be.
    expect(await sortKeys('alexa:someone-else')).toEqual(['CART']);
  });

  it('seeds a German demo customer whose order history is in euros, the US one in dollars', async () => {
    await seedDemo(app);
    expect(DEMO_CUSTOMERS['de-DE'].customerId).toBe('demo-kundin');
    const german = await app.store.customers.recentOrders('demo-kundin', 10);
    expect(german.length).toBeGreaterThanOrEqual(6);
    expect(new Set(german.map((order) => order.currency))).toEqual(new Set(['EUR']));
    // The newest order: Vollmilch 4,19 €, Bananen 1,19 €, … at the German shop's prices.
    expect(german[0]!.lines.find((line) => line.productId === 'p012')?.unitPriceCents).toBe(419);
    expect(new Set((await app.store.customers.recentOrders('demo-customer', 10)).map((order) => order.currency))).toEqual(new Set(['USD']));
    expect((await app.store.customers.load('demo-kundin')).profile).toMatchObject({ locale: 'de-DE', address: { country: 'DE' } });
  });

  it('seeds the demo customer with its stored payment method known to the local gateway', async () => {
    const demo = await seedDemo(app);
    expect(demo.paymentMethod.id).toBe('pm_demo_visa');
    expect(await app.store.accounts.resolve(demo.accessToken)).toBe(demo.customerId);
  });
});
