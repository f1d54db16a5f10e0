/**
 * Seeds the demo customer (profile, linked token, past orders) for `npm start` and the end-to-end tests. Order
 * dates are relative to the clock, so "my usual" and replenishment have a believable history on any day.
 */
import { z } from 'zod';
import { shopFor } from '../core/orders/shop-settings';
import type { Catalog, Clock, Order } from '../core/ports';
import { replayOrders } from '../core/replenishment/order-placed';
import type { ReplenishmentPriors } from '../core/replenishment/priors';
import { TokenTableAccountLinking } from './account-linking';
import { linkAccessToken, setVoicePin } from './account-setup';
import { clientOrLatest } from './dynamo-client';
import { customerPk, SK } from './keys';
import { orderItems } from './order-repository';
import { predictionItem } from './replenishment-repository';
import { basisItem } from './prediction-basis';
import { vocartModel } from './table';
import { summaryFromOrders } from './summary';

const DAY_MS = 24 * 60 * 60 * 1000;

export const demoCustomerSchema = z.object({
  customerId: z.string().min(1),
  accessToken: z.string().min(8),
  displayName: z.string(),
  address: z.object({ street: z.string(), city: z.string(), postalCode: z.string(), country: z.string() }),
  locale: z.enum(['en-US', 'de-DE']),
  voicePin: z.string().regex(/^\d{4}$/),
  paymentMethod: z.object({ id: z.string(), brand: z.string(), last4: z.string().length(4) }),
  orders: z.array(
    z.object({
      orderId: z.string(),
      daysAgo: z.number().int().min(0),
      /** What the order was charged in; absent, the currency of the customer's shop. */
      currency: z.string().regex(/^[A-Z]{3}$/).optional(),
      lines: z.array(z.object({ productId: z.string(), quantity: z.number().int().positive(), unitPriceCents: z.number().int().min(0) })).min(1),
    }),
  ),
});

export type DemoCustomer = z.infer<typeof demoCustomerSchema>;

/** What replaying the demo's orders into replenishment predictions needs: product categories and priors. */
export interface SeedReplay {
  catalog: Catalog;
  priors: ReplenishmentPriors;
}

export async function seedDemoCustomer(tableName: string, input: unknown, clock: Clock, replay?: SeedReplay): Promise<DemoCustomer> {
  const demo = demoCustomerSchema.parse(input);
  const model = vocartModel(tableName);
  const pk = customerPk(demo.customerId);
  const now = clock.now().getTime();
  await model.create(
    {
      pk,
      sk: SK.profile,
      type: 'profile',
      displayName: demo.displayName,
      address: demo.address,
      locale: demo.locale,
      paymentMethod: demo.paymentMethod,
      // The demo has been a customer for a while: no first-contact disclosure on its first launch.
      firstContactAt: new Date(now - 120 * DAY_MS).toISOString(),
    },
    { overwrite: true },
  );
  const placed: Order[] = [];
  for (const order of demo.orders) {
    const placedAt = new Date(now - order.daysAgo * DAY_MS);
    const subtotalCents = order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
    const record: Order = {
      orderId: order.orderId,
      customerId: demo.customerId,
      placedAt: placedAt.toISOString(),
      status: 'placed',
      lines: order.lines,
      subtotalCents,
      taxCents: 0,
      deliveryFeeCents: 0,
      totalCents: subtotalCents,
      // An order keeps the currency it was charged in, whatever shop the customer talks to later.
      currency: order.currency ?? shopFor(demo.locale).currency,
      deliveryBy: new Date(placedAt.getTime() + 2 * DAY_MS).toISOString(),
      cancellableUntil: placedAt.toISOString(),
    };
    placed.push(record);
    const { header, lines } = orderItems(record);
    await model.batchPut([header, ...lines].map((item) => item as never));
  }
  // The purchase summary the live skill would have built order by order: "my usual" and ranking read only it.
  await model.create(summaryFromOrders(demo.customerId, placed) as never, { overwrite: true });
  if (replay) await seedReplenishment(model, demo.customerId, placed, replay);
  // The same client the model above writes through: the one this process made last, which the app reads with.
  const client = clientOrLatest(undefined);
  await setVoicePin({ client, tableName }, demo.customerId, demo.voicePin);
  await linkAccessToken(new TokenTableAccountLinking(client, tableName), demo.accessToken, demo.customerId);
  return demo;
}

/**
 * The predictions the demo's history would have produced, order by order as the live skill updates them. Written
 * with overwrite, so seeding an existing table again starts the rhythm afresh at today's dates.
 */
async function seedReplenishment(model: ReturnType<typeof vocartModel>, customerId: string, orders: Order[], replay: SeedReplay): Promise<void> {
  const snapshot = replayOrders(customerId, orders, replay.catalog, replay.priors);
  if (!snapshot.rhythm) return;
  // The rhythm item carries the prediction basis (every product's state), as the live commits keep it.
  const items = [
    basisItem(customerId, snapshot.rhythm, snapshot.items.map((item) => item.state)),
    ...snapshot.items.map((item) => predictionItem(customerId, item)),
  ];
  // BatchWriteItem takes at most 25 items.
  for (let start = 0; start < items.length; start += 25) await model.batchPut(items.slice(start, start + 25) as never[]);
}
