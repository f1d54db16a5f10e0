/**
 * The demo data of a local table: a demo customer per locale's shop (profile, linked token, voice PIN, past orders,
 * predictions) and the console's returning shoppers. The German demo customer shops in euros: its history was
 * charged in the German shop, so "what did I order" never reads dollar amounts to a German shopper. `seedDemo`
 * writes the demo customers; `resetDemoData` first deletes every item of those shoppers' partitions (cart, orders,
 * predictions, consent, pending questions, PIN state) and the demo tokens, then seeds again, so the demo is as
 * `npm start` left it. Shoppers with a fresh (new-shopper) id are left alone: no one can come back to them.
 */
import { BatchWriteItemCommand, QueryCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import demoCustomer from '../../skill/data/demo-customer.json';
import germanDemoCustomer from '../../skill/data/demo-customer-de.json';
import type { App } from '../../skill/app';
import type { Locale } from '../../skill/core/turn';
import { seedDemoCustomer, type DemoCustomer } from '../../skill/store/seed';
import { hashToken } from '../../skill/store/account-linking';
import { customerPk, TOKEN_SK, tokenPk } from '../../skill/store/keys';

/** The customer ids of the console's stable ("returning") shoppers, one per platform. */
export const RETURNING_SHOPPERS = {
  alexa: 'alexa:amzn1.ask.account.VOCART-CONSOLE-RETURNING-SHOPPER',
  dialogflow: 'google:vocart-console-returning-shopper',
} as const;

export class DemoDataError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DemoDataError';
  }
}

/**
 * The demo account a linked shopper of each locale's shop uses (skill/data/demo-customer*.json): the console and
 * `npm run chat` link a German conversation to the German one.
 */
export const DEMO_CUSTOMERS: Readonly<Record<Locale, { customerId: string; accessToken: string }>> = {
  'en-US': demoCustomer,
  'de-DE': germanDemoCustomer,
};

/**
 * Seeds every locale's demo customer and registers each stored payment method with the local gateway, as the
 * merchant's would be. Returns the en-US one, which the tests and the US console link to.
 */
export async function seedDemo(app: App, clock = { now: () => new Date() }): Promise<DemoCustomer> {
  return (await seedDemoCustomers(app, clock))['en-US'];
}

/** Seeds the demo customer of every locale's shop. */
export async function seedDemoCustomers(app: App, clock = { now: () => new Date() }): Promise<Record<Locale, DemoCustomer>> {
  const seeded = await Promise.all(
    (Object.entries(DEMO_CUSTOMERS) as [Locale, unknown][]).map(async ([locale, input]) => {
      const demo = await seedDemoCustomer(app.config.TABLE_NAME, input, clock, { catalog: app.catalog, priors: app.priors });
      app.payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
      return [locale, demo] as const;
    }),
  );
  return Object.fromEntries(seeded) as Record<Locale, DemoCustomer>;
}

type Key = Record<string, AttributeValue>;

async function partitionKeys(app: App, pk: string): Promise<Key[]> {
  const keys: Key[] = [];
  let start: Key | undefined;
  do {
    const page = await app.store.client.send(
      new QueryCommand({
        TableName: app.config.TABLE_NAME,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: pk } },
        ProjectionExpression: 'pk, sk',
        ConsistentRead: true,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    keys.push(...((page.Items ?? []) as Key[]));
    start = page.LastEvaluatedKey as Key | undefined;
  } while (start);
  return keys;
}

async function deleteKeys(app: App, keys: Key[]): Promise<void> {
  for (let index = 0; index < keys.length; index += 25) {
    let pending: Key[] = keys.slice(index, index + 25);
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 5) throw new DemoDataError('DynamoDB kept items back while deleting the demo data.');
      const result = await app.store.client.send(
        new BatchWriteItemCommand({ RequestItems: { [app.config.TABLE_NAME]: pending.map((Key) => ({ DeleteRequest: { Key } })) } }),
      );
      pending = (result.UnprocessedItems?.[app.config.TABLE_NAME] ?? []).map((request) => request.DeleteRequest!.Key as Key);
      if (pending.length > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
    }
  }
}

export interface ResetSummary {
  /** Items deleted before seeding again (the demo tokens not counted). */
  deleted: number;
  /** The en-US demo customer and its orders. */
  customerId: string;
  orders: number;
}

/** Deletes the demo and console shoppers' items and seeds the demo customers again. */
export async function resetDemoData(app: App): Promise<ResetSummary> {
  const demos = Object.values(DEMO_CUSTOMERS);
  try {
    const pks = [...demos.map((demo) => customerPk(demo.customerId)), ...Object.values(RETURNING_SHOPPERS).map(customerPk)];
    const keys = (await Promise.all(pks.map((pk) => partitionKeys(app, pk)))).flat();
    for (const demo of demos) keys.push({ pk: { S: tokenPk(hashToken(demo.accessToken)) }, sk: { S: TOKEN_SK } });
    await deleteKeys(app, keys);
    const seeded = await seedDemo(app);
    return { deleted: keys.length - demos.length, customerId: seeded.customerId, orders: seeded.orders.length };
  } catch (error) {
    if (error instanceof DemoDataError) throw error;
    throw new DemoDataError('The demo data could not be reset.', { cause: error });
  }
}
