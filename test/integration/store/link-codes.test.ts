/**
 * One shopper across channels, in DynamoDB Local: a one-time link code works once however many requests carry it,
 * lives minutes, is stored only hashed and caps wrong tries; the cart filled before linking moves into the
 * account's cart exactly once, also when several turns try at the same moment.
 */
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { joinCarts } from '../../../skill/core/conversation/steps/identities';
import { DynamoChannelLinks } from '../../../skill/store/account-linking';
import { DynamoLinkCodes, LINK_CODE_TTL_MS, MAX_LINK_CODE_TRIES } from '../../../skill/store/link-codes';
import { issueLinkCode } from '../../../skill/store/link-code-issue';
import { createTestStore } from '../../helpers/store';

describe('one-time link codes and the carried-over cart (DynamoDB Local)', async () => {
  let now = Date.parse('2026-12-01T09:00:00.000Z');
  const clock = { now: () => new Date(now) };
  const store = await createTestStore(clock);
  const codes = new DynamoLinkCodes(store.client, store.tableName, clock);
  const links = new DynamoChannelLinks(store.client, store.tableName, codes, clock, { maxEntries: 0 });
  const everything = async () => ((await store.client.send(new ScanCommand({ TableName: store.tableName, ConsistentRead: true }))).Items ?? []).map((item) => unmarshall(item));

  it('links one identity with a code used once, from however many requests at the same time', async () => {
    const { code, expiresAt } = await issueLinkCode(codes, 'merchant-1');
    expect(code).toMatch(/^[1-9]\d{5}$/);
    expect(expiresAt.getTime() - now).toBe(LINK_CODE_TTL_MS);
    // Only a hash is stored, never the code.
    expect(JSON.stringify(await everything())).not.toContain(code);
    const spoken = code.split('').join(' ');
    const results = await Promise.all(Array.from({ length: 6 }, (_, index) => links.redeemCode(index === 0 ? spoken : code, `google:chat-${index}`)));
    const linked = results.filter((result) => result.result === 'linked');
    expect(linked).toEqual([{ result: 'linked', customerId: 'merchant-1' }]);
    const winner = results.findIndex((result) => result.result === 'linked');
    expect(await links.linkedAccount(`google:chat-${winner}`)).toBe('merchant-1');
    for (let index = 0; index < 6; index++) if (index !== winner) expect(await links.linkedAccount(`google:chat-${index}`)).toBeNull();
    // The link lives in the identity's own partition, so erasing that identity erases it.
    await store.customers.erase(`google:chat-${winner}`, { keepOrders: false });
    expect(await links.linkedAccount(`google:chat-${winner}`)).toBeNull();
  });

  it('refuses a code past its ten minutes', async () => {
    const { code } = await issueLinkCode(codes, 'merchant-2');
    now += LINK_CODE_TTL_MS + 1000;
    expect(await links.redeemCode(code, 'google:late')).toEqual({ result: 'wrong', triesLeft: MAX_LINK_CODE_TRIES - 1 });
    expect(await links.linkedAccount('google:late')).toBeNull();
  });

  it('keeps one live code per account: a newer code voids the older, and erasing the account voids its code', async () => {
    const older = await issueLinkCode(codes, 'merchant-6');
    const newer = await issueLinkCode(codes, 'merchant-6');
    expect((await links.redeemCode(older.code, 'google:older')).result).toBe('wrong');
    expect(await links.redeemCode(newer.code, 'google:newer')).toEqual({ result: 'linked', customerId: 'merchant-6' });
    const beforeErasure = await issueLinkCode(codes, 'merchant-7');
    await store.customers.erase('merchant-7', { keepOrders: true });
    expect((await links.redeemCode(beforeErasure.code, 'google:after-erasure')).result).toBe('wrong');
    expect(await links.linkedAccount('google:after-erasure')).toBeNull();
  });

  it('pauses an identity after five wrong codes, even for the right one, and lets it try again after the window', async () => {
    const { code } = await issueLinkCode(codes, 'merchant-3');
    const answers = [];
    for (let attempt = 0; attempt < MAX_LINK_CODE_TRIES; attempt++) answers.push(await links.redeemCode(code === '000000' ? '111111' : '000000', 'google:guesser'));
    expect(answers.map((answer) => (answer.result === 'wrong' ? answer.triesLeft : answer.result))).toEqual([4, 3, 2, 1, 'locked']);
    expect(await links.redeemCode(code, 'google:guesser')).toEqual({ result: 'locked' });
    // Another identity still can; the paused one again once its window is over.
    const fresh = await issueLinkCode(codes, 'merchant-3');
    now += 31 * 60_000;
    const again = await issueLinkCode(codes, 'merchant-3');
    expect((await links.redeemCode(again.code, 'google:guesser')).result).toBe('linked');
    expect((await links.redeemCode(fresh.code, 'google:other')).result).toBe('wrong');
  });

  it('moves the pre-link cart into the account cart once, however many turns try at the same moment', async () => {
    await store.customers.saveCart('alexa:guest', [{ productId: 'p077', quantity: 2 }, { productId: 'p001', quantity: 1 }], 0);
    await store.customers.saveCart('merchant-4', [{ productId: 'p077', quantity: 1 }], 0);
    const tries = await Promise.allSettled(Array.from({ length: 4 }, () => links.carryOverCart('alexa:guest', 'merchant-4', joinCarts)));
    const moved = tries.flatMap((attempt) => (attempt.status === 'fulfilled' && attempt.value ? [attempt.value] : []));
    expect(moved).toHaveLength(1);
    expect(moved[0]!.moved).toEqual([{ productId: 'p077', quantity: 2 }, { productId: 'p001', quantity: 1 }]);
    expect((await store.customers.load('merchant-4')).cart.lines).toEqual([{ productId: 'p077', quantity: 3 }, { productId: 'p001', quantity: 1 }]);
    expect((await store.customers.load('alexa:guest')).cart.lines).toEqual([]);
    // A retry later, or a second device of the same shopper: nothing left, nothing added.
    expect(await links.carryOverCart('alexa:guest', 'merchant-4', joinCarts)).toBeUndefined();
    expect((await store.customers.load('merchant-4')).cart.lines).toEqual([{ productId: 'p077', quantity: 3 }, { productId: 'p001', quantity: 1 }]);
  });

  it('keeps the account cart version lock: a save from before the move cannot overwrite the moved lines', async () => {
    await store.customers.saveCart('alexa:guest-2', [{ productId: 'p020', quantity: 1 }], 0);
    const before = await store.customers.load('merchant-5');
    await links.carryOverCart('alexa:guest-2', 'merchant-5', joinCarts);
    await expect(store.customers.saveCart('merchant-5', [], before.cart.version)).rejects.toThrow();
  });
});
