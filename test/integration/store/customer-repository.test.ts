import { describe, expect, it } from 'vitest';
import { ConcurrentUpdateError } from '../../../skill/core/errors';
import { linkAccessToken } from '../../../skill/store/account-setup';
import { createTestStore } from '../../helpers/store';

describe('DynamoCustomerRepository on DynamoDB Local', async () => {
  const store = await createTestStore();

  it('loads an unknown customer as an empty cart at version 0', async () => {
    const snapshot = await store.customers.load('nobody');
    expect(snapshot).toEqual({ customerId: 'nobody', cart: { lines: [], version: 0 } });
  });

  it('persists the cart across loads and bumps its version', async () => {
    const saved = await store.customers.saveCart('c1', [{ productId: 'p001', quantity: 2 }], 0);
    expect(saved.version).toBe(1);
    const loaded = await store.customers.load('c1');
    expect(loaded.cart.lines).toEqual([{ productId: 'p001', quantity: 2 }]);
    expect(loaded.cart.version).toBe(1);
  });

  it('refuses a save based on a stale version instead of losing the other write', async () => {
    await store.customers.saveCart('c2', [{ productId: 'p001', quantity: 1 }], 0);
    await store.customers.saveCart('c2', [{ productId: 'p002', quantity: 1 }], 1);
    await expect(store.customers.saveCart('c2', [{ productId: 'p003', quantity: 1 }], 1)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    await expect(store.customers.saveCart('c2', [], 0)).rejects.toBeInstanceOf(ConcurrentUpdateError);
    expect((await store.customers.load('c2')).cart.lines).toEqual([{ productId: 'p002', quantity: 1 }]);
  });

  it('drops cart lines whose stored quantity is no whole number of packs, keeping the rest', async () => {
    const stored = [
      { productId: 'p001', quantity: 2 },
      { productId: 'p002', quantity: 0.01 },
      { productId: 'p003', quantity: 0 },
      { productId: 'p004', quantity: -1 },
      { productId: 'p005', quantity: 1.5 },
    ];
    await store.customers.saveCart('c-fraction', stored, 0);
    expect((await store.customers.load('c-fraction')).cart.lines).toEqual([{ productId: 'p001', quantity: 2 }]);
  });

  it('stores the profile next to the cart in the same partition', async () => {
    await store.customers.saveProfile({ customerId: 'c3', firstContactAt: '2026-11-01T10:00:00.000Z', locale: 'de-DE' });
    await store.customers.saveCart('c3', [{ productId: 'p009', quantity: 3 }], 0);
    const loaded = await store.customers.load('c3');
    expect(loaded.profile).toEqual({ customerId: 'c3', firstContactAt: '2026-11-01T10:00:00.000Z', locale: 'de-DE' });
    expect(loaded.cart.lines).toHaveLength(1);
  });

  it('resolves a linked access token and ignores unknown ones', async () => {
    await linkAccessToken(store.accounts, 'token-abc', 'merchant-42');
    expect(await store.accounts.resolve('token-abc')).toBe('merchant-42');
    expect(await store.accounts.resolve('token-other')).toBeNull();
  });
});
