import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { hashToken, TokenTableAccountLinking } from '../../../skill/store/account-linking';
import { linkAccessToken } from '../../../skill/store/account-setup';
import { createTestStore } from '../../helpers/store';
import { countRequests } from '../../helpers/request-counter';

describe('account-link lookups cached in a warm container', async () => {
  const store = await createTestStore();
  const requests = countRequests(store.client);
  let now = Date.parse('2026-12-01T09:00:00.000Z');
  const accounts = new TokenTableAccountLinking(store.client, store.tableName, { ttlMs: 300_000, maxEntries: 2, now: () => now });

  it('asks the table once per token within the cache time, and again after it', async () => {
    await linkAccessToken(accounts, 'token-a', 'merchant-a');
    requests.reset();
    expect(await accounts.resolve('token-a')).toBe('merchant-a');
    expect(await accounts.resolve('token-a')).toBe('merchant-a');
    expect(requests.count).toBe(1);
    now += 300_001;
    expect(await accounts.resolve('token-a')).toBe('merchant-a');
    expect(requests.count).toBe(2);
  });

  it('does not remember unknown tokens, so a link made meanwhile is found on the next turn', async () => {
    expect(await accounts.resolve('token-late')).toBeNull();
    await linkAccessToken(new TokenTableAccountLinking(store.client, store.tableName), 'token-late', 'merchant-late');
    expect(await accounts.resolve('token-late')).toBe('merchant-late');
  });

  it('keeps at most maxEntries tokens, dropping the oldest', async () => {
    await linkAccessToken(accounts, 'token-b', 'merchant-b');
    await linkAccessToken(accounts, 'token-c', 'merchant-c');
    await accounts.resolve('token-a');
    await accounts.resolve('token-b');
    await accounts.resolve('token-c');
    expect(accounts.cachedTokens).toBe(2);
    requests.reset();
    await accounts.resolve('token-c');
    expect(requests.count).toBe(0);
    await accounts.resolve('token-a');
    expect(requests.count).toBe(1);
  });

  it('trusts a cached link no longer than the token itself is valid', async () => {
    await store.client.send(
      new PutItemCommand({
        TableName: store.tableName,
        Item: { pk: { S: `TOKEN#${hashToken('token-short')}` }, sk: { S: 'LINK' }, type: { S: 'token' }, customerId: { S: 'm-short' }, expiresAt: { N: String(Math.floor(now / 1000) + 60) } },
      }),
    );
    expect(await accounts.resolve('token-short')).toBe('m-short');
    now += 61_000;
    expect(await accounts.resolve('token-short')).toBeNull();
  });
});
