import { describe, expect, it } from 'vitest';
import { PutItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { HandoffCase, HandoffReason, NewHandoffCase } from '../../../skill/core/handoff/case';
import { DEFAULT_INBOX_LIMIT } from '../../../skill/store/handoff-inbox';
import { newCaseId } from '../../../skill/store/handoff-items';
import { customerPk, handoffStatePk, handoffStateSk, SK } from '../../../skill/store/keys';
import { queryPage } from '../../../skill/store/item-reads';
import { createTestInbox, createTestStore } from '../../helpers/store';
import { countRequests } from '../../helpers/request-counter';

const MINUTE = 60_000;

function movableClock(startIso: string) {
  let now = Date.parse(startIso);
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
}

function newCase(customerId: string, reason: HandoffReason = 'asked-for-person', overrides: Partial<NewHandoffCase> = {}): NewHandoffCase {
  return {
    customerId,
    channel: 'google',
    locale: 'de-DE',
    reason,
    transcript: [{ at: '2026-12-01T09:59:00.000Z', shopper: 'mit einem Menschen sprechen', bot: 'Gern.', intent: 'HumanHandoffIntent' }],
    transcriptShared: true,
    cart: [],
    ...overrides,
  };
}

async function partition(store: Awaited<ReturnType<typeof createTestStore>>, customerId: string) {
  return (await queryPage(store.client, store.tableName, { pk: customerPk(customerId) })).items;
}

describe('the agent inbox on DynamoDB Local', () => {
  it('lists newest first across states, bounded, and costs one Query per state', async () => {
    const clock = movableClock('2026-12-01T08:00:00.000Z');
    const store = await createTestStore(clock);
    const inbox = createTestInbox(store, clock);
    const opened: HandoffCase[] = [];
    for (let n = 0; n < 5; n++) {
      opened.push(await store.handoffs.open(newCase(`list-${n}`)));
      clock.advance(MINUTE);
    }
    await inbox.close(opened[1]!.caseId, clock.now());
    const requests = countRequests(store.client);
    const open = await inbox.list(['open']);
    expect(requests.commands).toEqual(['QueryCommand']);
    expect(open.map((handoff) => handoff.caseId)).toEqual([4, 3, 2, 0].map((n) => opened[n]!.caseId));
    expect((await inbox.list(['open', 'closed'], 3)).map((handoff) => handoff.caseId)).toEqual([4, 3, 2].map((n) => opened[n]!.caseId));
    expect((await inbox.list(['closed'])).map((handoff) => handoff.caseId)).toEqual([opened[1]!.caseId]);
    expect(await inbox.list([])).toEqual([]);
    expect(DEFAULT_INBOX_LIMIT).toBeGreaterThan(0);
  });

  it('keeps a case 180 days after its last change, and no longer (the TTL; reads do not wait for its lazy delete)', async () => {
    // In the future: DynamoDB Local runs the table's TTL on the real clock and would delete a case expired by it.
    const clock = movableClock('2031-01-01T08:00:00.000Z');
    const store = await createTestStore(clock);
    const opened = await store.handoffs.open(newCase('ttl-1'));
    clock.advance(100 * 24 * 60 * MINUTE);
    await createTestInbox(store, clock).reply(opened.caseId, 'still here', clock.now());
    clock.advance(179 * 24 * 60 * MINUTE);
    const inbox = createTestInbox(store, clock);
    expect((await inbox.list(['open'])).map((handoff) => handoff.caseId)).toEqual([opened.caseId]);
    clock.advance(2 * 24 * 60 * MINUTE);
    expect(await inbox.list(['open'])).toEqual([]);
    expect(await inbox.get(opened.caseId)).toBeUndefined();
    expect((await inbox.figures(new Date(0))).open).toBe(0);
  });

  it('records agent actions on the case', async () => {
    const store = await createTestStore();
    const inbox = createTestInbox(store);
    const opened = await store.handoffs.open(newCase('act-1', 'order-problem', { orderId: 'o-7' }));
    const action = { kind: 'refund-order', orderId: 'o-7', at: new Date().toISOString(), outcome: 'done', agentName: 'Sam' } as const;
    const requests = countRequests(store.client);
    const updated = await inbox.recordAction(opened.caseId, action);
    expect(requests.commands).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand', 'UpdateItemCommand']);
    expect(updated?.actions).toEqual([action]);
    expect((await inbox.get(opened.caseId))?.actions).toEqual([action]);
    await expect(inbox.recordAction(opened.caseId, { ...action, at: 'yesterday' })).rejects.toThrow(/valid ISO time/);
  });

  it('keeps an answer that arrived after the shopper heard the others for their next visit, and the case open for it', async () => {
    const clock = movableClock('2026-12-01T10:00:00.000Z');
    const store = await createTestStore(clock);
    const inbox = createTestInbox(store, clock);
    const opened = await store.handoffs.open(newCase('late-1'));
    clock.advance(MINUTE);
    await inbox.reply(opened.caseId, 'first', clock.now());
    const heardAt = clock.now();
    clock.advance(1000);
    await inbox.reply(opened.caseId, 'second, while the shopper was listening', clock.now());
    await store.handoffs.markDelivered('late-1', [opened.caseId], heardAt);
    const handoff = await inbox.get(opened.caseId);
    expect(handoff?.state).toBe('open');
    expect(handoff?.messages.map((message) => Boolean(message.deliveredAt))).toEqual([true, false]);
    expect((await store.customers.load('late-1', { answers: true })).pendingAnswers?.map((answer) => answer.text)).toEqual(['second, while the shopper was listening']);
    await store.handoffs.markDelivered('late-1', [opened.caseId], clock.now());
    expect((await inbox.get(opened.caseId))?.state).toBe('answered');
    expect((await store.customers.load('late-1', { answers: true })).pendingAnswers).toBeUndefined();
  });

  it('finds a case again by its help-desk id, the latest link only', async () => {
    const store = await createTestStore();
    const inbox = createTestInbox(store);
    const opened = await store.handoffs.open(newCase('ext-1'));
    await inbox.setExternalId(opened.caseId, 'chatwoot:101');
    expect((await inbox.get(opened.caseId))?.externalId).toBe('chatwoot:101');
    const requests = countRequests(store.client);
    expect((await inbox.findExternal('chatwoot:101'))?.caseId).toBe(opened.caseId);
    expect(requests.commands).toEqual(['QueryCommand', 'GetItemCommand']);
    await inbox.setExternalId(opened.caseId, 'chatwoot:202');
    expect(await inbox.findExternal('chatwoot:101')).toBeUndefined();
    expect((await inbox.findExternal('chatwoot:202'))?.caseId).toBe(opened.caseId);
    expect(await inbox.findExternal('chatwoot:999')).toBeUndefined();
    expect(await inbox.findExternal('')).toBeUndefined();
    await expect(inbox.setExternalId(opened.caseId, 'x'.repeat(300))).rejects.toThrow(/external id/);
    // A case that is not there is not linked.
    await inbox.setExternalId(newCaseId(new Date()), 'chatwoot:303');
    expect(await inbox.findExternal('chatwoot:303')).toBeUndefined();
  });

  it('finds a just-opened case that the index shows only a moment later, and links it', async () => {
    const store = await createTestStore();
    const inbox = createTestInbox(store);
    const opened = await store.handoffs.open(newCase('lag-1'));
    // DynamoDB Local updates its index with the item; in AWS the index follows a moment later. Its first two
    // answers here come back empty, as they would then.
    let lagging = 2 * 3;
    store.client.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if ((context as { commandName?: string }).commandName === 'QueryCommand' && lagging > 0) {
          lagging -= 1;
          (result.output as { Items?: unknown[] }).Items = [];
        }
        return result;
      },
      { step: 'initialize', name: 'indexLag' },
    );
    await inbox.setExternalId(opened.caseId, 'chatwoot:77');
    expect(lagging).toBe(0);
    expect((await inbox.findExternal('chatwoot:77'))?.caseId).toBe(opened.caseId);
  });

  it('erases every trace of a customer: cases, answers, transcripts, help-desk links, and the inbox views of them', async () => {
    const store = await createTestStore();
    const inbox = createTestInbox(store);
    const gone = await store.handoffs.open(newCase('erase-me', 'order-problem', { orderId: 'o-1' }));
    const second = await store.handoffs.open(newCase('erase-me'));
    await store.handoffs.recordTurn('erase-me', 'conv-e', { at: new Date().toISOString(), shopper: 'hm', bot: 'sorry?', intent: 'FallbackIntent' }, new Date(Date.now() + 30 * MINUTE));
    await inbox.reply(gone.caseId, 'we will refund it', new Date());
    await inbox.close(second.caseId, new Date());
    await inbox.setExternalId(gone.caseId, 'chatwoot:555');
    const kept = await store.handoffs.open(newCase('someone-else'));

    const count = await store.customers.erase('erase-me', { keepOrders: true });
    expect(count).toBeGreaterThanOrEqual(5);
    expect(await partition(store, 'erase-me')).toEqual([]);
    expect(await inbox.get(gone.caseId)).toBeUndefined();
    expect(await inbox.get(second.caseId)).toBeUndefined();
    expect(await inbox.findExternal('chatwoot:555')).toBeUndefined();
    expect((await inbox.list(['open', 'answered', 'closed'])).map((handoff) => handoff.caseId)).toEqual([kept.caseId]);
    const figures = await inbox.figures(new Date(0));
    expect(figures.open + figures.answered + figures.closed).toBe(1);
    expect(await store.handoffs.shopperReply('erase-me', 'hello?', new Date())).toBeUndefined();
    const after = await store.customers.load('erase-me', { answers: true, dialogKey: 'conv-e' });
    expect(after.pendingAnswers).toBeUndefined();
    expect(after.transcript).toBeUndefined();
  });

  it('counts cases per reason and state and the minutes to a first reply, without reading who they are about', async () => {
    const clock = movableClock('2026-11-01T10:00:00.000Z');
    const store = await createTestStore(clock);
    const inbox = createTestInbox(store, clock);
    await store.handoffs.open(newCase('old', 'payment-failed'));
    clock.advance(7 * 24 * 60 * MINUTE);
    const since = clock.now();
    const waits = [5, 10, 20, 30, 60, 120];
    const reasons: HandoffReason[] = ['asked-for-person', 'asked-for-person', 'repeated-misses', 'order-problem', 'low-confidence', 'order-problem'];
    const cases: HandoffCase[] = [];
    for (const [n, reason] of reasons.entries()) cases.push(await store.handoffs.open(newCase(`fig-${n}`, reason)));
    const unanswered = await store.handoffs.open(newCase('fig-x', 'order-problem'));
    const openedAt = clock.now().getTime();
    for (const [n, handoff] of cases.entries()) await inbox.reply(handoff.caseId, 'an answer', new Date(openedAt + waits[n]! * MINUTE));
    // A second reply does not change the time to the first.
    await inbox.reply(cases[0]!.caseId, 'another', new Date(openedAt + 500 * MINUTE));
    await store.handoffs.markDelivered('fig-2', [cases[2]!.caseId], new Date(openedAt + 200 * MINUTE));
    await inbox.close(cases[3]!.caseId, new Date(openedAt + 300 * MINUTE));

    const requests = countRequests(store.client);
    const figures = await inbox.figures(since);
    expect(requests.commands).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand']);
    expect(figures).toEqual({
      since: since.toISOString(),
      casesByReason: { 'asked-for-person': 2, 'repeated-misses': 1, 'low-confidence': 1, 'payment-failed': 0, 'order-problem': 3 },
      open: 5,
      answered: 1,
      closed: 1,
      firstReplyMinutes: { count: 6, median: 25, p90: 120 },
    });
    expect(JSON.stringify(figures)).not.toMatch(/fig-|an answer/);
    expect(unanswered.state).toBe('open');
  });

  it('skips malformed stored cases and answers instead of failing', async () => {
    const store = await createTestStore();
    const inbox = createTestInbox(store);
    const good = await store.handoffs.open(newCase('good-1'));
    const badId = newCaseId(new Date());
    const createdAt = new Date().toISOString();
    await store.client.send(
      new PutItemCommand({
        TableName: store.tableName,
        Item: marshall({ pk: customerPk('bad-1'), sk: SK.handoff(badId), type: 'handoff', caseId: badId, state: 'open', reason: 'no such reason', gsi1pk: handoffStatePk('open'), gsi1sk: handoffStateSk(createdAt, badId) }),
      }),
    );
    await store.client.send(
      new PutItemCommand({
        TableName: store.tableName,
        Item: marshall({ pk: customerPk('good-1'), sk: SK.handoffAnswers, type: 'handoff-answers', answers: [{ caseId: good.caseId, text: 'ok', at: createdAt }, { text: 42 }, 'junk'], latestCaseId: 'not an id' }),
      }),
    );
    expect((await inbox.list(['open'])).map((handoff) => handoff.caseId)).toEqual([good.caseId]);
    expect(await inbox.get(badId)).toBeUndefined();
    const snapshot = await store.customers.load('good-1', { answers: true });
    expect(snapshot.pendingAnswers).toEqual([{ caseId: good.caseId, text: 'ok', at: createdAt }]);
    expect(await store.handoffs.shopperReply('good-1', 'hi', new Date())).toBeUndefined();
  });
});
