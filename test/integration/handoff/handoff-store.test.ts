import { describe, expect, it } from 'vitest';
import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { NewHandoffCase, TranscriptEntry } from '../../../skill/core/handoff/case';
import { createHandoffInbox } from '../../../skill/store/handoff-inbox';
import { newCaseId, TRANSCRIPT_LIMIT } from '../../../skill/store/handoff-items';
import { customerPk, SK } from '../../../skill/store/keys';
import { createTestStore } from '../../helpers/store';
import { countRequests } from '../../helpers/request-counter';

/** A clock the test moves: case ids, createdAt and TTLs follow it. */
function movableClock(startIso: string) {
  let now = Date.parse(startIso);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms), set: (iso: string) => (now = Date.parse(iso)) };
}

const MINUTE = 60_000;

function newCase(customerId: string, overrides: Partial<NewHandoffCase> = {}): NewHandoffCase {
  return {
    customerId,
    channel: 'alexa',
    locale: 'en-US',
    reason: 'order-problem',
    transcript: [{ at: '2026-12-01T09:59:00.000Z', shopper: 'my order arrived damaged', bot: 'I am sorry to hear that.', intent: 'OrderProblemIntent' }],
    transcriptShared: true,
    cart: [{ productId: 'p-milk', quantity: 2 }],
    orderId: 'o-1',
    problem: 'damaged',
    ...overrides,
  };
}

function entry(n: number): TranscriptEntry {
  return { at: new Date(Date.parse('2026-12-01T10:00:00.000Z') + n * 1000).toISOString(), shopper: `words ${n}`, bot: `answer ${n}`, intent: 'FallbackIntent' };
}

describe('handoff cases on DynamoDB Local', async () => {
  // In the future: DynamoDB Local runs the table's TTL on the real clock, and would delete a transcript buffer that
  // expired by it in the middle of a test.
  const clock = movableClock('2031-12-01T10:00:00.000Z');
  const store = await createTestStore(clock);
  const inbox = createHandoffInbox(store.client, store.tableName, clock);
  const requests = countRequests(store.client);

  it('goes open → listed → answered by a person → delivered at the next load → reopened by the shopper → closed', async () => {
    const customerId = 'flow-1';
    requests.reset();
    const opened = await store.handoffs.open(newCase(customerId));
    expect(requests.commands).toEqual(['TransactWriteItemsCommand']);
    expect(opened.state).toBe('open');
    expect(opened.caseId).toMatch(/^[0-9a-z]{21}$/);

    const listed = await inbox.list(['open']);
    expect(listed.map((handoff) => handoff.caseId)).toContain(opened.caseId);

    const got = await inbox.get(opened.caseId);
    expect(got).toEqual(opened);

    clock.advance(42 * MINUTE);
    const replied = await inbox.reply(opened.caseId, 'We are sending a new bottle today.', clock.now(), 'Sam');
    expect(replied?.messages).toEqual([{ from: 'agent', text: 'We are sending a new bottle today.', at: clock.now().toISOString(), agentName: 'Sam' }]);
    expect(replied?.firstReplyAt).toBe(clock.now().toISOString());
    expect(replied?.state).toBe('open');

    requests.reset();
    const snapshot = await store.customers.load(customerId, { answers: true, dialogKey: 'conv-1' });
    expect(requests.commands).toEqual(['BatchGetItemCommand']);
    expect(snapshot.pendingAnswers).toEqual([{ caseId: opened.caseId, text: 'We are sending a new bottle today.', at: clock.now().toISOString(), agentName: 'Sam' }]);

    clock.advance(MINUTE);
    requests.reset();
    await store.handoffs.markDelivered(customerId, [opened.caseId], clock.now());
    expect(requests.commands).toEqual(['BatchGetItemCommand', 'TransactWriteItemsCommand']);
    const delivered = await inbox.get(opened.caseId);
    expect(delivered?.state).toBe('answered');
    expect(delivered?.messages[0]?.deliveredAt).toBe(clock.now().toISOString());
    expect((await store.customers.load(customerId, { answers: true })).pendingAnswers).toBeUndefined();
    // Hearing it twice (a retried turn) changes nothing.
    await store.handoffs.markDelivered(customerId, [opened.caseId], clock.now());
    expect((await inbox.get(opened.caseId))?.state).toBe('answered');

    clock.advance(MINUTE);
    requests.reset();
    const reopened = await store.handoffs.shopperReply(customerId, 'thank you, please also check the eggs', clock.now());
    expect(requests.commands).toEqual(['GetItemCommand', 'UpdateItemCommand']);
    expect(reopened?.state).toBe('open');
    expect(reopened?.messages.at(-1)).toEqual({ from: 'shopper', text: 'thank you, please also check the eggs', at: clock.now().toISOString() });
    expect((await inbox.list(['open'])).map((handoff) => handoff.caseId)).toContain(opened.caseId);
    expect((await inbox.list(['answered'])).map((handoff) => handoff.caseId)).not.toContain(opened.caseId);

    const closed = await inbox.close(opened.caseId, clock.now());
    expect(closed?.state).toBe('closed');
    expect(closed?.closedAt).toBe(clock.now().toISOString());
    expect((await inbox.list(['open'])).map((handoff) => handoff.caseId)).not.toContain(opened.caseId);
    expect((await inbox.list(['closed'])).map((handoff) => handoff.caseId)).toEqual([opened.caseId]);
  });

  it('keeps a transcript only when the shopper shared it, and shares it later on their yes', async () => {
    const unshared = await store.handoffs.open(newCase('share-1', { transcriptShared: false }));
    expect(unshared.transcript).toEqual([]);
    expect((await inbox.get(unshared.caseId))?.transcript).toEqual([]);
    await store.handoffs.shareTranscript('share-1', unshared.caseId, [entry(1), entry(2)]);
    const shared = await inbox.get(unshared.caseId);
    expect(shared?.transcriptShared).toBe(true);
    expect(shared?.transcript).toEqual([entry(1), entry(2)]);
    await expect(store.handoffs.shareTranscript('share-1', newCaseId(clock.now()), [entry(1)])).rejects.toThrow();
  });

  it('bounds the transcript buffer to its last entries, one request a turn once started, and lets it expire', async () => {
    const customerId = 'ring-1';
    const expires = new Date(clock.now().getTime() + 30 * MINUTE);
    requests.reset();
    await store.handoffs.recordTurn(customerId, 'conv-r', entry(0), expires);
    expect(requests.commands).toEqual(['UpdateItemCommand', 'PutItemCommand']);
    expect((await store.customers.load(customerId, { dialogKey: 'conv-r' })).transcript).toEqual([entry(0)]);
    for (let n = 1; n < 20; n++) {
      requests.reset();
      await store.handoffs.recordTurn(customerId, 'conv-r', entry(n), expires);
      expect(requests.commands).toEqual(['UpdateItemCommand']);
    }
    const kept = (await store.customers.load(customerId, { dialogKey: 'conv-r' })).transcript;
    expect(kept).toEqual(Array.from({ length: TRANSCRIPT_LIMIT }, (_, i) => entry(20 - TRANSCRIPT_LIMIT + i)));
    // Another conversation of the same shopper has its own buffer.
    expect((await store.customers.load(customerId, { dialogKey: 'conv-other' })).transcript).toBeUndefined();
    const stored = await store.client.send(new GetItemCommand({ TableName: store.tableName, Key: marshall({ pk: customerPk(customerId), sk: SK.transcript('conv-r') }) }));
    expect(Number(stored.Item?.expiresAt?.N)).toBe(Math.floor(expires.getTime() / 1000));
    // Past its TTL the buffer reads as gone, even before DynamoDB deletes it.
    const later = await createTestStore({ now: () => new Date(expires.getTime() + 1000) });
    await store.client.send(new PutItemCommand({ TableName: later.tableName, Item: stored.Item! }));
    expect((await later.customers.load(customerId, { dialogKey: 'conv-r' })).transcript).toBeUndefined();
  });

  it('marks the right message delivered when the stored list holds one it cannot read', async () => {
    const opened = await store.handoffs.open(newCase('odd-1'));
    await inbox.reply(opened.caseId, 'the answer', clock.now());
    const key = marshall({ pk: customerPk('odd-1'), sk: SK.handoff(opened.caseId) });
    const stored = await store.client.send(new GetItemCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
    const messages = stored.Item!.messages!.L!;
    await store.client.send(new PutItemCommand({ TableName: store.tableName, Item: { ...stored.Item!, messages: { L: [{ S: 'junk' }, ...messages] } } }));
    await store.handoffs.markDelivered('odd-1', [opened.caseId], clock.now());
    const after = await store.client.send(new GetItemCommand({ TableName: store.tableName, Key: key, ConsistentRead: true }));
    expect(after.Item!.messages!.L![0]).toEqual({ S: 'junk' });
    expect(after.Item!.messages!.L![1]!.M!.deliveredAt).toEqual({ S: clock.now().toISOString() });
    expect((await inbox.get(opened.caseId))?.state).toBe('answered');
  });

  it('keeps both of two agents replying at once', async () => {
    const opened = await store.handoffs.open(newCase('race-1'));
    const [a, b] = await Promise.all([
      inbox.reply(opened.caseId, 'first answer', clock.now(), 'Ana'),
      inbox.reply(opened.caseId, 'second answer', clock.now(), 'Ben'),
    ]);
    expect(a && b).toBeTruthy();
    const handoff = await inbox.get(opened.caseId);
    expect(handoff?.messages.map((message) => message.text).sort()).toEqual(['first answer', 'second answer']);
    const pending = (await store.customers.load('race-1', { answers: true })).pendingAnswers;
    expect(pending?.map((answer) => answer.text).sort()).toEqual(['first answer', 'second answer']);
  });

  it('answers undefined for a case id that does not exist or is not one', async () => {
    // A fresh id is looked for again while the index may lag; after that it is unknown.
    expect(await inbox.get(newCaseId(clock.now()))).toBeUndefined();
    const unknown = newCaseId(new Date(clock.now().getTime() - 5 * MINUTE));
    requests.reset();
    expect(await inbox.get(unknown)).toBeUndefined();
    expect(requests.commands).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand']);
    expect(await inbox.reply(unknown, 'hello', clock.now())).toBeUndefined();
    expect(await inbox.close(unknown, clock.now())).toBeUndefined();
    expect(await inbox.recordAction(unknown, { kind: 'cancel-order', orderId: 'o-1', at: clock.now().toISOString(), outcome: 'done' })).toBeUndefined();
    expect(await inbox.get('../../etc/passwd')).toBeUndefined();
    expect(await inbox.get('')).toBeUndefined();
    expect(await store.handoffs.shopperReply('nobody', 'hello?', clock.now())).toBeUndefined();
  });
});
