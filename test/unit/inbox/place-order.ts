/**
 * A cancellable, charged order for the demo customer, placed the way checkout places one (cart saved, claim, charge
 * under the claim's key with the local gateway, commit), for the inbox tests that cancel or refund through it.
 */
import { randomUUID } from 'node:crypto';
import type { App } from '../../../skill/app';
import type { Order } from '../../../skill/core/ports';
import type { DemoCustomer } from '../../../skill/store/seed';

const HOUR_MS = 3_600_000;

export async function placeOrder(app: App, demo: Pick<DemoCustomer, 'customerId' | 'paymentMethod'>, productId: string): Promise<Order & { idempotencyKey: string }> {
  const product = app.catalog.get(productId);
  if (!product?.priceCents) throw new Error(`no priced product ${productId} in the catalog`);
  const loaded = await app.store.customers.load(demo.customerId);
  const cart = await app.store.customers.saveCart(demo.customerId, [{ productId, quantity: 1 }], loaded.cart.version);
  const key = `confirm-${randomUUID()}`;
  const chargeKey = `charge-${randomUUID()}`;
  const claimant = `req-${randomUUID()}`;
  const claim = await app.store.orders.claim(demo.customerId, key, { claimant, chargeKey, leaseMs: 30_000 });
  if (claim.kind !== 'claimed') throw new Error(`the claim was ${claim.kind}`);
  await app.payments.charge({ customerId: demo.customerId, paymentMethodId: demo.paymentMethod.id, amountCents: product.priceCents, currency: 'USD', idempotencyKey: chargeKey });
  const now = new Date();
  const order: Order & { idempotencyKey: string } = {
    orderId: `ord-${randomUUID().slice(0, 8)}`,
    customerId: demo.customerId,
    placedAt: now.toISOString(),
    status: 'placed',
    lines: [{ productId, quantity: 1, unitPriceCents: product.priceCents }],
    subtotalCents: product.priceCents,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: product.priceCents,
    currency: 'USD',
    deliveryBy: new Date(now.getTime() + 48 * HOUR_MS).toISOString(),
    cancellableUntil: new Date(now.getTime() + 12 * HOUR_MS).toISOString(),
    idempotencyKey: chargeKey,
  };
  await app.store.orders.commit(order, cart.version, { key, claimant });
  return order;
}
