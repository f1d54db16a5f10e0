import { describe, expect, it } from 'vitest';
import type { Order } from '../../../skill/core/ports';
import { customerPk, SK } from '../../../skill/store/keys';
import { orderItems } from '../../../skill/store/order-repository';
import { predictionItem } from '../../../skill/store/replenishment-repository';
import { summaryFromOrders } from '../../../skill/store/summary';
import { writeAll } from '../../../skill/store/summary-rebuild';
import type { PlainItem } from '../../../skill/store/item-reads';
import { createTestStore } from '../../helpers/store';
import { countRequests } from '../../helpers/request-counter';

const DAY = 24 * 3600 * 1000;
const START = Date.parse('2024-01-01T08:00:00.000Z');

function pastOrder(customerId: string, n: number): Order {
  const placedAt = new Date(START + n * DAY).toISOString();
  return {
    orderId: `o${String(n).padStart(4, '0')}`,
    customerId,
    placedAt,
    status: n % 10 === 3 ? 'cancelled' : 'placed',
    lines: [
      { productId: `p${n % 7}`, quantity: 1, unitPriceCents: 199 },
      { productId: 'p-milk', quantity: 2, unitPriceCents: 129 },
    ],
    subtotalCents: 457,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: 457,
    currency: 'USD',
    deliveryBy: new Date(START + n * DAY + 2 * DAY).toISOString(),
    cancellableUntil: placedAt,
    cartVersion: n,
  };
}

describe('the per-turn load on DynamoDB Local', async () => {
  const store = await createTestStore();
  const requests = countRequests(store.client);
  const customerId = 'heavy-1000';
  const pk = customerPk(customerId);
  const orders = Array.from({ length: 1000 }, (_, n) => pastOrder(customerId, n));
  const items: PlainItem[] = [
    ...orders.flatMap((order) => {
      const { header, lines } = orderItems(order);
      return [header as PlainItem, ...(lines as PlainItem[])];
    }),
    summaryFromOrders(customerId, orders),
    { pk, sk: SK.profile, type: 'profile', locale: 'en-US', firstContactAt: '2024-01-01T00:00:00.000Z' },
    { pk, sk: SK.cart, type: 'cart', lines: [{ productId: 'p1', quantity: 2 }], version: 1001 },
    { pk, sk: SK.consent('reminders'), type: 'consent', granted: true, excludedProducts: [], history: [] },
    { pk, sk: SK.dialog('conv-a'), type: 'dialog', question: { kind: 'erase' } },
    { pk, sk: SK.dialog('conv-b'), type: 'dialog', question: { kind: 'other' } },
    { pk, sk: SK.idempotency('k1'), type: 'idempotency', status: 'placed' },
    { pk, sk: SK.rhythm, type: 'rhythm', rhythm: { orders: 1000, lastOrderNumber: 1000 }, lastOrderNumber: 1000 },
    ...['p-milk', 'p1', 'p2'].map((productId) => predictionItem(customerId, { state: { productId, purchases: 3 } as never, dueDay: '2026-12-05' }) as PlainItem),
  ];
  await writeAll(store.client, store.tableName, items);

  it('reads profile, cart, summary, consent and this conversation question in one request, and no order', async () => {
    requests.reset();
    const snapshot = await store.customers.load(customerId, { dialogKey: 'conv-a' });
    expect(requests.commands).toEqual(['BatchGetItemCommand']);
    expect(snapshot.profile?.locale).toBe('en-US');
    expect(snapshot.cart).toEqual({ lines: [{ productId: 'p1', quantity: 2 }], version: 1001 });
    expect(snapshot.reminderConsent?.granted).toBe(true);
    expect(snapshot.question).toEqual({ kind: 'erase' });
    expect(snapshot.orderCount).toBe(1000);
    // 900 orders not cancelled, each with one milk line.
    expect(snapshot.purchaseCounts?.['p-milk']).toBe(900);
    expect(Object.keys(snapshot)).not.toContain('orders');
    expect(Object.keys(snapshot)).not.toContain('replenishment');
  });

  it('gives the newest orders first, bounded, with their lines', async () => {
    const recent = await store.customers.recentOrders(customerId, 5);
    expect(recent.map((order) => order.orderId)).toEqual(['o0999', 'o0998', 'o0997', 'o0996', 'o0995']);
    expect(recent[0]!.lines).toEqual(orders[999]!.lines);
    expect(recent[0]!.cartVersion).toBe(999);
  });

  it('reads all predictions, or only the rhythm and the named products', async () => {
    const all = await store.customers.replenishment(customerId);
    expect(all?.items.map((item) => item.state.productId).sort()).toEqual(['p-milk', 'p1', 'p2']);
    expect(all?.rhythm?.orders).toBe(1000);
    requests.reset();
    const some = await store.customers.replenishment(customerId, ['p2', 'p-none']);
    expect(requests.count).toBe(1);
    expect(some?.items.map((item) => item.state.productId)).toEqual(['p2']);
    expect(some?.rhythm?.lastOrderNumber).toBe(1000);
    expect(await store.customers.replenishment('nobody')).toBeUndefined();
  });

  it('answers an unknown shopper with an empty cart and nothing else', async () => {
    expect(await store.customers.load('nobody', { dialogKey: 'x' })).toEqual({ customerId: 'nobody', cart: { lines: [], version: 0 } });
    expect(await store.customers.recentOrders('nobody')).toEqual([]);
  });
});
