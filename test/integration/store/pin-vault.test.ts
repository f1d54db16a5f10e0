import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { DynamoPinVault, MAX_PIN_TRIES } from '../../../skill/store/pin-vault';
import { setVoicePin } from '../../../skill/store/account-setup';
import { countRequests } from '../../helpers/request-counter';
import { createTestStore } from '../../helpers/store';

describe('the voice PIN in DynamoDB (plain client)', async () => {
  const store = await createTestStore();
  const vault = new DynamoPinVault(store.client, store.tableName);
  const profile = async (customerId: string) => {
    const { Item } = await store.client.send(new GetItemCommand({ TableName: store.tableName, Key: { pk: { S: `CUSTOMER#${customerId}` }, sk: { S: 'PROFILE' } }, ConsistentRead: true }));
    return Item ? unmarshall(Item) : undefined;
  };

  it('says not-set for a shopper without a PIN', async () => {
    expect(await vault.verify('pin-none', '1234')).toEqual({ result: 'not-set', triesLeft: 0 });
  });

  it('keeps only a salted hash, accepts the PIN and counts wrong tries down, a right one resetting the count', async () => {
    await setVoicePin(vault, 'pin-a', '4321');
    const stored = await profile('pin-a');
    expect(stored).toMatchObject({ type: 'profile', pinFailures: 0, voiceOrderingLocked: false, voicePinHash: expect.stringMatching(/^scrypt\$/) });
    expect(JSON.stringify(stored)).not.toContain('4321');
    expect(await vault.verify('pin-a', '4321')).toEqual({ result: 'ok', triesLeft: MAX_PIN_TRIES });
    expect(await vault.verify('pin-a', '0000')).toEqual({ result: 'wrong', triesLeft: 2 });
    expect(await vault.verify('pin-a', 'four')).toEqual({ result: 'wrong', triesLeft: 1 });
    expect(await vault.verify('pin-a', '4321')).toEqual({ result: 'ok', triesLeft: MAX_PIN_TRIES });
    expect((await profile('pin-a'))?.pinFailures).toBe(0);
  });

  it('locks voice ordering at the third wrong PIN, and a locked account stays locked for the right one', async () => {
    await setVoicePin(vault, 'pin-b', '1111');
    await vault.verify('pin-b', '2222');
    await vault.verify('pin-b', '3333');
    expect(await vault.verify('pin-b', '4444')).toEqual({ result: 'locked', triesLeft: 0 });
    expect(await profile('pin-b')).toMatchObject({ pinFailures: 3, voiceOrderingLocked: true });
    expect(await vault.verify('pin-b', '1111')).toEqual({ result: 'locked', triesLeft: 0 });
  });

  it('counts wrong tries from several devices at once atomically', async () => {
    await setVoicePin(vault, 'pin-c', '1111');
    const results = await Promise.all(['2222', '3333', '4444', '5555'].map((pin) => vault.verify('pin-c', pin).catch((error: Error) => error.name)));
    expect(results.filter((result) => typeof result === 'object' && result.result === 'locked').length).toBeGreaterThanOrEqual(1);
    expect(await profile('pin-c')).toMatchObject({ voiceOrderingLocked: true });
    expect(await vault.verify('pin-c', '1111')).toEqual({ result: 'locked', triesLeft: 0 });
  });

  it('reads only the PIN fields of the profile, in one consistent read when the PIN is right', async () => {
    await setVoicePin(vault, 'pin-d', '9876');
    const requests = countRequests(store.client);
    await vault.verify('pin-d', '9876');
    expect(requests.commands).toEqual(['GetItemCommand']);
  });
});
