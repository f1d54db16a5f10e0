import { describe, expect, it } from 'vitest';
import type { Order } from '../../../skill/core/ports';
import { customerPk, SK } from '../../../skill/store/keys';
import { orderItems } from '../../../skill/store/order-repository';
import { rebuildSummaries, writeAll } from '../../../skill/store/summary-rebuild';
import type { PlainItem } from '../../../skill/store/item-reads';
import { createTestStore } from '../../helpers/store';

function order(customerId: string, orderId: string, day: number, productIds: string[], status: Order['status'] = 'placed'): Order & { idempotencyKey: string } {
  const placedAt = new Date(Date.parse('2026-11-01T09:00:00.000Z') + day * 86_400_000).toISOString();
  return {
    orderId,
    customerId,
    placedAt,
    status,
    lines: productIds.map((productId) => ({ productId, quantity: 1, unitPriceCents: 100 })),
    subtotalCents: 100 * productIds.length,
    taxCents: 0,
    deliveryFeeCents: 0,
    totalCents: 100 * productIds.length,
    currency: 'USD',
    deliveryBy: '2099-01-01T00:00:00.000Z',
    cancellableUntil: '2099-01-01T00:00:00.000Z',
    idempotencyKey: `charge-${orderId}`,
  };
}

describe('the purchase SUMMARY on DynamoDB Local', async () => {
  const store = await createTestStore();

  async function place(placed: Order & { idempotencyKey: string }, cartVersion: number) {
    const claim = await store.orders.claim(placed.customerId, `key-${placed.orderId}`, { claimant: 'r1', chargeKey: placed.idempotencyKey, leaseMs: 5000 });
    expect(claim.kind).toBe('claimed');
    await store.customers.saveProfile({ customerId: placed.customerId, locale: 'en-US' });
    await store.customers.saveCart(placed.customerId, placed.lines.map(({ productId }) => ({ productId, quantity: 1 })), cartVersion);
    await store.orders.commit(placed, cartVersion + 1, { key: `key-${placed.orderId}`, claimant: 'r1' });
  }

  it('adds an order\'s products with the commit and takes them off when it is cancelled', async () => {
    await place(order('s1', 'o1', 0, ['milk', 'eggs']), 0);
    await place(order('s1', 'o2', 1, ['milk', 'milk', 'bread']), 2);
    let loaded = await store.customers.load('s1');
    expect(loaded.purchaseCounts).toEqual({ milk: 3, eggs: 1, bread: 1 });
    expect(loaded.orderCount).toBe(2);
    const [latest] = await store.customers.recentOrders('s1', 1);
    expect(await store.orders.cancel('s1', latest!, new Date('2026-11-05T00:00:00.000Z'))).toMatchObject({ status: 'cancelled' });
    loaded = await store.customers.load('s1');
    expect(loaded.purchaseCounts).toEqual({ milk: 1, eggs: 1 });
    // Placed is placed: erasure reports cancelled orders among those kept.
    expect(loaded.orderCount).toBe(2);
    // A second cancellation finds nothing to cancel and leaves the counts alone.
    expect(await store.orders.cancel('s1', latest!, new Date('2026-11-05T00:00:00.000Z'))).toBeUndefined();
    expect((await store.customers.load('s1')).purchaseCounts).toEqual({ milk: 1, eggs: 1 });
  });

  it('leaves the summary untouched when the commit fails (stale cart)', async () => {
    await place(order('s2', 'o1', 0, ['tea']), 0);
    const next = order('s2', 'o2', 1, ['tea']);
    await store.orders.claim('s2', 'key-o2', { claimant: 'r2', chargeKey: next.idempotencyKey, leaseMs: 5000 });
    await expect(store.orders.commit(next, 7, { key: 'key-o2', claimant: 'r2' })).rejects.toThrow();
    expect((await store.customers.load('s2')).purchaseCounts).toEqual({ tea: 1 });
  });

  it('rebuilds summaries from order and line items, per customer or for the whole table', async () => {
    const history = [order('r1', 'a', 0, ['x', 'y']), order('r1', 'b', 1, ['x'], 'cancelled'), order('r1', 'c', 2, ['x']), order('r2', 'd', 0, ['z']), order('erased', 'e', 0, ['z'])];
    await writeAll(store.client, store.tableName, [
      ...history.flatMap((placed) => {
        const { header, lines } = orderItems(placed);
        return [header as PlainItem, ...(lines as PlainItem[])];
      }),
      // 'erased' asked to delete its data: only its orders are left, kept for accounting.
      ...['r1', 'r2'].map((id) => ({ pk: customerPk(id), sk: SK.profile, type: 'profile' })),
    ]);
    // A stale summary is replaced, not added to.
    await writeAll(store.client, store.tableName, [{ pk: customerPk('r1'), sk: SK.summary, type: 'summary', 'pc:x': 40, orderCount: 9 }]);
    expect(await rebuildSummaries(store.client, store.tableName, { customerId: 'r1' })).toMatchObject({ customers: 1 });
    expect(await store.customers.load('r1')).toMatchObject({ purchaseCounts: { x: 2, y: 1 }, orderCount: 3 });
    expect((await store.customers.load('r2')).purchaseCounts).toBeUndefined();
    const all = await rebuildSummaries(store.client, store.tableName);
    expect(all.customers).toBeGreaterThanOrEqual(4);
    expect((await store.customers.load('r2')).purchaseCounts).toEqual({ z: 1 });
    // Purchase counts do not come back from the orders an erased account keeps.
    expect(await store.customers.load('erased')).toEqual({ customerId: 'erased', cart: { lines: [], version: 0 } });
    // The counts kept incrementally and the rebuilt ones agree.
    expect((await store.customers.load('s1')).purchaseCounts).toEqual({ milk: 1, eggs: 1 });
  });
});
