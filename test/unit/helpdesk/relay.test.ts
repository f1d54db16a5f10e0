import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseChange, caseErasure, createStreamHandler } from '../../../lambda/handoff-relay';
import type { HandoffCase, NewHandoffCase } from '../../../skill/core/handoff/case';
import { ChatwootApiClient } from '../../../skill/helpdesk/chatwoot/api-client';
import { ChatwootHelpDesk } from '../../../skill/helpdesk/chatwoot/chatwoot-help-desk';
import { contactIdentifier } from '../../../skill/helpdesk/chatwoot/pseudonym';
import { createHandoffRelay, type RelayedHelpDesk } from '../../../skill/helpdesk/relay';
import { relayingHandoffCases } from '../../../skill/helpdesk/relaying-cases';
import { FakeChatwoot } from '../../helpers/fake-chatwoot';
import { FixedClock, MemoryHandoffCases, SilentLog } from '../../helpers/fakes';
import { MemoryHelpDeskInbox } from './memory-inbox';

const NEW_CASE: NewHandoffCase = {
  customerId: 'c1',
  channel: 'alexa',
  locale: 'en-US',
  reason: 'asked-for-person',
  transcript: [],
  transcriptShared: false,
  cart: [],
};

let sequence = 0;

/** A stream record of the case item as the store writes it (keys, type, the case's fields). */
function record(eventName: 'INSERT' | 'MODIFY' | 'REMOVE', after: HandoffCase | undefined, before?: HandoffCase, sk?: string): DynamoDBRecord {
  const item = (handoff: HandoffCase) => marshall({ pk: `CUSTOMER#${handoff.customerId}`, sk: sk ?? `HANDOFF#${handoff.caseId}`, type: 'handoff', ...handoff }, { removeUndefinedValues: true });
  const keyOf = after ?? before!;
  sequence += 1;
  return {
    eventName,
    dynamodb: {
      Keys: marshall({ pk: `CUSTOMER#${keyOf.customerId}`, sk: sk ?? `HANDOFF#${keyOf.caseId}` }) as never,
      ...(after ? { NewImage: item(after) as never } : {}),
      ...(before ? { OldImage: item(before) as never } : {}),
      SequenceNumber: String(sequence).padStart(21, '0'),
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
  };
}

const batch = (...records: DynamoDBRecord[]): DynamoDBStreamEvent => ({ Records: records });

describe('the handoff relay over the table stream', () => {
  const chatwoot = new FakeChatwoot();
  let cases: MemoryHandoffCases;
  let inbox: MemoryHelpDeskInbox;
  let log: SilentLog;
  let handler: ReturnType<typeof createStreamHandler>;

  beforeAll(() => chatwoot.start());
  afterAll(() => chatwoot.stop());
  beforeEach(() => {
    chatwoot.calls.length = 0;
    chatwoot.contacts.length = 0;
    chatwoot.conversations.length = 0;
    cases = new MemoryHandoffCases(new FixedClock());
    inbox = new MemoryHelpDeskInbox(cases);
    log = new SilentLog();
    const helpDesk = new ChatwootHelpDesk({
      api: new ChatwootApiClient({ baseUrl: chatwoot.baseUrl, accountId: chatwoot.accountId, apiToken: chatwoot.apiToken, timeoutMs: 2000 }),
      inboxId: chatwoot.inboxId,
      cases: inbox,
    });
    const relay = createHandoffRelay({ helpDesk, read: (ref) => inbox.get(ref.caseId), inbox, log });
    handler = createStreamHandler(() => ({ relay, log }));
  });

  it('opens a new case at the help desk once, however often its insert is delivered', async () => {
    const handoff = await cases.open(NEW_CASE);
    const insert = record('INSERT', handoff);
    expect(await handler(batch(insert))).toEqual({ batchItemFailures: [] });
    // A retry, a bisected batch or a replay carries the same image, without the external id set since.
    expect(await handler(batch(insert, insert))).toEqual({ batchItemFailures: [] });
    expect(chatwoot.conversations).toHaveLength(1);
    expect(cases.cases.get(handoff.caseId)!.externalId).toBe('1');
  });

  it("passes a shopper's new message on, and nothing for the relay's own link or an agent's answer", async () => {
    const opened = await cases.open(NEW_CASE);
    await handler(batch(record('INSERT', opened)));
    const linked = structuredClone(cases.cases.get(opened.caseId)!);
    const replied = (await cases.shopperReply('c1', 'it was the oat milk', new Date('2026-11-23T10:05:00.000Z')))!;
    const answered: HandoffCase = { ...replied, messages: [...replied.messages, { from: 'agent', text: 'Sorry!', at: '2026-11-23T10:06:00.000Z' }] };

    await handler(batch(record('MODIFY', linked, opened), record('MODIFY', replied, linked), record('MODIFY', answered, replied)));

    const messages = chatwoot.conversation(1)!.messages;
    expect(messages.map((message) => [message.messageType, message.private, message.content.slice(0, 20)])).toEqual([
      ['outgoing', true, '**vocart handoff** ·'],
      ['incoming', false, 'it was the oat milk'],
    ]);
  });

  it('opens, with the messages so far, a case whose open never reached the help desk when the shopper writes on it', async () => {
    const opened = await cases.open(NEW_CASE);
    const replied = (await cases.shopperReply('c1', 'hello?', new Date('2026-11-23T10:05:00.000Z')))!;
    await handler(batch(record('MODIFY', replied, opened)));
    expect(chatwoot.conversations).toHaveLength(1);
    expect(chatwoot.conversation(1)!.messages[0]!.content).toContain('hello?');
  });

  it('relays a transcript the shopper agreed to share after the case opened', async () => {
    const opened = await cases.open(NEW_CASE);
    await handler(batch(record('INSERT', opened)));
    const linked = structuredClone(cases.cases.get(opened.caseId)!);
    await cases.shareTranscript('c1', opened.caseId, [{ at: '2026-11-23T09:59:00.000Z', shopper: 'talk to a person', bot: 'Shall I share this conversation?', intent: 'HumanHandoffIntent' }]);
    await handler(batch(record('MODIFY', structuredClone(cases.cases.get(opened.caseId)!), linked)));
    expect(chatwoot.conversation(1)!.messages[1]!.content).toContain('shopper: talk to a person');
  });

  it('ignores the answers item, removals and other items', async () => {
    const opened = await cases.open(NEW_CASE);
    expect(caseChange(record('INSERT', opened, undefined, 'HANDOFF#ANSWERS'))).toBeUndefined();
    expect(caseChange(record('INSERT', opened, undefined, 'CART'))).toBeUndefined();
    expect(caseChange(record('REMOVE', undefined, opened))).toBeUndefined();
    await handler(batch(record('INSERT', opened, undefined, 'HANDOFF#ANSWERS')));
    expect(chatwoot.calls).toEqual([]);
  });

  it('skips a case erased before the relay reached it', async () => {
    const opened = await cases.open(NEW_CASE);
    cases.cases.delete(opened.caseId);
    expect(await handler(batch(record('INSERT', opened)))).toEqual({ batchItemFailures: [] });
    expect(chatwoot.calls).toEqual([]);
  });

  it('waits (a retry) while the inbox index does not show a new case yet, since linking it would find nothing', async () => {
    const opened = await cases.open(NEW_CASE);
    const lagging = { ...inbox, get: async () => undefined, setExternalId: inbox.setExternalId.bind(inbox) };
    const helpDesk = new ChatwootHelpDesk({
      api: new ChatwootApiClient({ baseUrl: chatwoot.baseUrl, accountId: chatwoot.accountId, apiToken: chatwoot.apiToken, timeoutMs: 2000 }),
      inboxId: chatwoot.inboxId,
      cases: inbox,
    });
    const relay = createHandoffRelay({ helpDesk, read: (ref) => inbox.get(ref.caseId), inbox: lagging, log });
    const insert = record('INSERT', opened);
    expect(await createStreamHandler(() => ({ relay, log }))(batch(insert))).toEqual({ batchItemFailures: [{ itemIdentifier: insert.dynamodb!.SequenceNumber }] });
    expect(log.entries.at(-1)).toMatchObject({ level: 'error', fields: { caseId: opened.caseId, failure: 'not-indexed' } });
    expect(chatwoot.calls).toEqual([]);
  });

  /** What DynamoDB's TTL puts on the records of the items it expires. */
  const TTL = { type: 'Service', principalId: 'dynamodb.amazonaws.com' };

  /** The shopper's cases, relayed, as the stream shows them when erasure (or the TTL) removes them. */
  async function relayedCases(customerId: string, count: number): Promise<HandoffCase[]> {
    const opened: HandoffCase[] = [];
    for (let index = 0; index < count; index++) {
      const handoff = await cases.open({ ...NEW_CASE, customerId });
      await handler(batch(record('INSERT', handoff)));
      opened.push(structuredClone(cases.cases.get(handoff.caseId)!));
    }
    chatwoot.calls.length = 0;
    return opened;
  }

  it("erases the shopper at the help desk when their relayed cases are removed on request, once for all of them", async () => {
    const [first, second] = await relayedCases('erasing-shopper', 2);
    const [other] = await relayedCases('c2', 1);
    // The application's BatchWriteItem deletes: no userIdentity on the records.
    const response = await handler(batch(record('REMOVE', undefined, first), record('REMOVE', undefined, second)));
    expect(response).toEqual({ batchItemFailures: [] });
    expect(chatwoot.calls.map((call) => call.route)).toEqual(['search', 'delete_contact']);
    expect(chatwoot.contactByIdentifier(contactIdentifier('erasing-shopper'))).toBeUndefined();
    expect(chatwoot.conversations.map((conversation) => conversation.additionalAttributes.vocart_case_id)).toEqual([other!.caseId]);
    // The log outlives the erasure: neither the customer id nor its pseudonym is in it.
    const logged = log.entries.map((entry) => JSON.stringify(entry)).join('\n');
    expect(logged).not.toContain('erasing-shopper');
    expect(logged).not.toContain(contactIdentifier('erasing-shopper'));
  });

  it('erases nothing when a case expires (TTL is retention, not a request), nor for the answers item or a case never relayed', async () => {
    const [relayed] = await relayedCases('c1', 1);
    const unrelayed = await cases.open({ ...NEW_CASE, customerId: 'c3' });
    const expired = { ...record('REMOVE', undefined, relayed), userIdentity: TTL };
    const answers = record('REMOVE', undefined, relayed, 'HANDOFF#ANSWERS');
    const neverRelayed = record('REMOVE', undefined, unrelayed);
    expect([expired, answers, neverRelayed].map(caseErasure)).toEqual([undefined, undefined, undefined]);
    expect(await handler(batch(expired, answers, neverRelayed))).toEqual({ batchItemFailures: [] });
    expect(chatwoot.calls).toEqual([]);
    expect(chatwoot.contactByIdentifier(contactIdentifier('c1'))).toBeDefined();
  });

  it('erases at once what it opened for a case erased while it was being opened, since that removal named no conversation', async () => {
    const opened = await cases.open(NEW_CASE);
    let removal: DynamoDBRecord | undefined;
    // The shopper says "delete my data" right after the relay read the case, before Chatwoot answered.
    const read = async (ref: { caseId: string }) => {
      const handoff = await inbox.get(ref.caseId);
      if (handoff && !removal) {
        removal = record('REMOVE', undefined, handoff);
        cases.cases.delete(ref.caseId);
      }
      return handoff;
    };
    const helpDesk = new ChatwootHelpDesk({
      api: new ChatwootApiClient({ baseUrl: chatwoot.baseUrl, accountId: chatwoot.accountId, apiToken: chatwoot.apiToken, timeoutMs: 2000 }),
      inboxId: chatwoot.inboxId,
      cases: inbox,
    });
    const relay = createHandoffRelay({ helpDesk, read, inbox: { get: async () => opened }, log });
    expect(await createStreamHandler(() => ({ relay, log }))(batch(record('INSERT', opened)))).toEqual({ batchItemFailures: [] });
    expect(caseErasure(removal!)).toBeUndefined();
    expect(chatwoot.calls.map((call) => call.route)).toEqual(['contacts', 'conversations', 'messages', 'search', 'delete_contact']);
    expect(chatwoot.contacts).toEqual([]);
    expect(chatwoot.conversations).toEqual([]);
  });

  it('retries an erasure the help desk could not take, from that record on', async () => {
    const [relayed] = await relayedCases('c1', 1);
    const removal = record('REMOVE', undefined, relayed);
    chatwoot.failNext('delete_contact', 503);
    expect(await handler(batch(removal))).toEqual({ batchItemFailures: [{ itemIdentifier: removal.dynamodb!.SequenceNumber }] });
    expect(log.entries.at(-1)).toMatchObject({ level: 'error', fields: { caseId: relayed!.caseId, failure: 'unavailable', status: 503 } });
    expect(await handler(batch(removal))).toEqual({ batchItemFailures: [] });
    expect(chatwoot.contactByIdentifier(contactIdentifier('c1'))).toBeUndefined();
  });

  it('reports the failed record and every later one for a retry in order, and logs ids only', async () => {
    const first = await cases.open(NEW_CASE);
    const second = await cases.open({ ...NEW_CASE, customerId: 'c2' });
    const third = await cases.open({ ...NEW_CASE, customerId: 'c3' });
    const records = [record('INSERT', first), record('INSERT', second), record('INSERT', third)];
    chatwoot.failNext('conversations', 503);
    // The first case's contact call passes, its conversation call fails: the first record is the failed one.
    const response = await handler(batch(...records));
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual(records.map((r) => r.dynamodb!.SequenceNumber));
    expect(log.entries.filter((entry) => entry.level === 'error')).toEqual([
      { level: 'error', message: 'handoff relay record failed', fields: { caseId: first.caseId, failure: 'unavailable', status: 503 } },
    ]);
    expect(await handler(batch(...records))).toEqual({ batchItemFailures: [] });
    expect(chatwoot.conversations).toHaveLength(3);
  });
});

describe('the local relay around the store', () => {
  it("answers the shopper's turn before the help desk does, and a failing help desk costs a log line, not the turn", async () => {
    const cases = new MemoryHandoffCases(new FixedClock());
    const inbox = new MemoryHelpDeskInbox(cases);
    const log = new SilentLog();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const helpDesk: RelayedHelpDesk = {
      async caseOpened(handoff) {
        events.push('help desk called');
        await gate;
        await inbox.setExternalId(handoff.caseId, '5');
        events.push('help desk done');
      },
      async shopperWrote() {
        throw new Error('down');
      },
    };
    const relaying = relayingHandoffCases(cases, createHandoffRelay({ helpDesk, read: (ref) => inbox.get(ref.caseId), inbox, log }), log);

    const opened = await relaying.open(NEW_CASE);
    // The help desk has not answered (it cannot before the gate opens), yet the write is done and returned.
    events.push('turn answered');
    await relaying.shopperReply('c1', 'anyone there?', new Date('2026-11-23T10:05:00.000Z'));
    release();
    await relaying.settled();

    expect(opened.caseId).toBeDefined();
    expect(events.indexOf('turn answered')).toBeLessThan(events.indexOf('help desk done'));
    expect(events).toContain('help desk called');
    // The reply waited for the open (same case, one chain) and then failed without reaching the shopper.
    expect(log.entries.filter((entry) => entry.level === 'warn')).toEqual([{ level: 'warn', message: 'handoff relay failed', fields: { caseId: opened.caseId, failure: 'error' } }]);
    expect(cases.cases.get(opened.caseId)!.messages.map((message) => message.text)).toEqual(['anyone there?']);
  });

  it('erases at the help desk only after a case still opening there has arrived, and logs a failure without any id', async () => {
    const cases = new MemoryHandoffCases(new FixedClock());
    const inbox = new MemoryHelpDeskInbox(cases);
    const log = new SilentLog();
    const events: string[] = [];
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let failErasure = false;
    const helpDesk: RelayedHelpDesk = {
      async caseOpened() {
        await gate;
        events.push('opened');
      },
      async shopperWrote() {},
      async shopperErased(customerId) {
        if (failErasure) throw new Error('down');
        events.push(`erased ${customerId}`);
      },
    };
    const relaying = relayingHandoffCases(cases, createHandoffRelay({ helpDesk, read: (ref) => inbox.get(ref.caseId), inbox, log }), log);

    await relaying.open(NEW_CASE);
    relaying.shopperErased('c1');
    release();
    await relaying.settled();
    expect(events).toEqual(['opened', 'erased c1']);

    failErasure = true;
    relaying.shopperErased('c1');
    await relaying.settled();
    expect(log.entries.at(-1)).toEqual({ level: 'warn', message: 'handoff relay failed', fields: { failure: 'error' } });
  });
});
