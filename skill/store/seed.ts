/**
 * Seeds the demo customer (profile, linked token, past orders) for `npm start` and the end-to-end tests. Order
 * dates are relative to the clock, so "my usual" and replenishment have a believable history on any day.
 */
import { z } from 'zod';
import type { Clock } from '../core/ports';
import { TokenTableAccountLinking } from './account-linking';
import { customerPk, SK } from './keys';
import { orderItems } from './order-repository';
import { DynamoPinVault } from './pin-vault';
import { vocartModel } from './table';

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
      lines: z.array(z.object({ productId: z.string(), quantity: z.number().int().positive(), unitPriceCents: z.number().int().min(0) })).min(1),
    }),
  ),
});

export type DemoCustomer = z.infer<typeof demoCustomerSchema>;

export async function seedDemoCustomer(tableName: string, input: unknown, clock: Clock): Promise<DemoCustomer> {
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
  for (const order of demo.orders) {
    const placedAt = new Date(now - order.daysAgo * DAY_MS);
    const subtotalCents = order.lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
    const { header, lines } = orderItems({
      orderId: order.orderId,
      customerId: demo.customerId,
      placedAt: placedAt.toISOString(),
      status: 'placed',
      lines: order.lines,
      subtotalCents,
      taxCents: 0,
      deliveryFeeCents: 0,
      totalCents: subtotalCents,
      currency: 'USD',
      deliveryBy: new Date(placedAt.getTime() + 2 * DAY_MS).toISOString(),
      cancellableUntil: placedAt.toISOString(),
    });
    await model.batchPut([header, ...lines].map((item) => item as never));
  }
  await new DynamoPinVault(tableName).setPin(demo.customerId, demo.voicePin);
  await new TokenTableAccountLinking(tableName).link(demo.accessToken, demo.customerId);
  return demo;
}
