import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewHandoffCase } from '../../../skill/core/handoff/case';
import { ChatwootApiClient } from '../../../skill/helpdesk/chatwoot/api-client';
import { ChatwootHelpDesk } from '../../../skill/helpdesk/chatwoot/chatwoot-help-desk';
import { contactIdentifier, contactName } from '../../../skill/helpdesk/chatwoot/pseudonym';
import { HelpDeskError } from '../../../skill/helpdesk/errors';
import { FakeChatwoot } from '../../helpers/fake-chatwoot';
import { FixedClock, MemoryHandoffCases } from '../../helpers/fakes';
import { MemoryHelpDeskInbox } from './memory-inbox';

const CUSTOMER = 'amzn1.ask.account.SHOPPER-ONE';

const NEW_CASE: NewHandoffCase = {
  customerId: CUSTOMER,
  channel: 'alexa',
  locale: 'en-US',
  reason: 'order-problem',
  problem: 'damaged',
  orderId: 'ord-123',
  transcript: [{ at: '2026-11-23T09:59:00.000Z', shopper: 'my delivery arrived damaged', bot: 'I am sorry. Shall I ask a person from the shop?', intent: 'OrderProblemIntent' }],
  transcriptShared: true,
  cart: [{ productId: 'p001', quantity: 2 }],
};

describe('ChatwootHelpDesk against a Chatwoot that answers as the documented API', () => {
  const chatwoot = new FakeChatwoot();
  let cases: MemoryHandoffCases;
  let inbox: MemoryHelpDeskInbox;

  const helpDesk = (options: { token?: string; timeoutMs?: number } = {}) =>
    new ChatwootHelpDesk({
      api: new ChatwootApiClient({ baseUrl: chatwoot.baseUrl, accountId: chatwoot.accountId, apiToken: options.token ?? chatwoot.apiToken, timeoutMs: options.timeoutMs ?? 2000 }),
      inboxId: chatwoot.inboxId,
      cases: inbox,
      productName: (id) => (id === 'p001' ? 'Oat Milk' : undefined),
    });

  beforeAll(() => chatwoot.start());
  afterAll(() => chatwoot.stop());
  beforeEach(() => {
    chatwoot.calls.length = 0;
    chatwoot.contacts.length = 0;
    chatwoot.conversations.length = 0;
    cases = new MemoryHandoffCases(new FixedClock());
    inbox = new MemoryHelpDeskInbox(cases);
  });

  it('opens a case as a pseudonymous contact, a conversation in the API inbox and a private note, then links the case', async () => {
    const handoff = await cases.open(NEW_CASE);
    await helpDesk().caseOpened(handoff);

    expect(chatwoot.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
      'POST /api/v1/accounts/7/contacts 200',
      'POST /api/v1/accounts/7/conversations 200',
      'POST /api/v1/accounts/7/conversations/1/messages 200',
    ]);
    expect(chatwoot.calls.every((call) => call.token === chatwoot.apiToken)).toBe(true);
    expect(chatwoot.callsTo('contacts')[0]!.body).toEqual({ inbox_id: 3, name: contactName(CUSTOMER), identifier: contactIdentifier(CUSTOMER) });
    const contact = chatwoot.contacts[0]!;
    expect(chatwoot.callsTo('conversations')[0]!.body).toMatchObject({
      source_id: contact.inboxes[0]!.sourceId,
      inbox_id: 3,
      contact_id: contact.id,
      status: 'open',
      additional_attributes: { vocart_case_id: handoff.caseId, vocart_reason: 'order-problem' },
    });

    const [note] = chatwoot.conversation(1)!.messages;
    expect(note).toMatchObject({ messageType: 'outgoing', private: true });
    expect(note!.content).toContain(handoff.caseId);
    expect(note!.content).toContain('Order: ord-123');
    expect(note!.content).toContain('2 × Oat Milk (p001)');
    expect(note!.content).toContain('shopper: my delivery arrived damaged');
    expect(cases.cases.get(handoff.caseId)!.externalId).toBe('1');
  });

  it('tells Chatwoot nothing that identifies the shopper: no customer id, only a stable pseudonym', async () => {
    const handoff = await cases.open(NEW_CASE);
    await helpDesk().caseOpened(handoff);
    const sent = JSON.stringify(chatwoot.calls.map((call) => call.body));
    expect(sent).not.toContain(CUSTOMER);
    expect(sent).not.toContain('SHOPPER-ONE');
    expect(contactName(CUSTOMER)).toMatch(/^Shopper [0-9a-f]{8}$/);
    expect(contactIdentifier(CUSTOMER)).toBe(contactIdentifier(CUSTOMER));
    expect(contactIdentifier(CUSTOMER)).not.toBe(contactIdentifier('amzn1.ask.account.SHOPPER-TWO'));
  });

  it("puts a shopper's second case on the same contact: the identifier is taken (422), so it finds the contact by it", async () => {
    const first = await cases.open(NEW_CASE);
    await helpDesk().caseOpened(first);
    const second = await cases.open({ ...NEW_CASE, reason: 'asked-for-person', orderId: undefined, problem: undefined });
    await helpDesk().caseOpened(second);

    expect(chatwoot.contacts).toHaveLength(1);
    expect(chatwoot.conversations.map((conversation) => conversation.contactId)).toEqual([chatwoot.contacts[0]!.id, chatwoot.contacts[0]!.id]);
    expect(chatwoot.callsTo('contacts').map((call) => call.status)).toEqual([200, 422]);
    expect(chatwoot.callsTo('search')[0]!.path).toBe(`/api/v1/accounts/7/contacts/search?q=${contactIdentifier(CUSTOMER)}`);
    expect(chatwoot.callsTo('contact_inboxes')).toEqual([]);
    expect(cases.cases.get(second.caseId)!.externalId).toBe('2');
  });

  it('adds the contact to the inbox when a contact found by its identifier has no source id there yet', async () => {
    chatwoot.contacts.push({ id: 41, name: contactName(CUSTOMER), identifier: contactIdentifier(CUSTOMER), inboxes: [] });
    const handoff = await cases.open(NEW_CASE);
    await helpDesk().caseOpened(handoff);
    expect(chatwoot.callsTo('contact_inboxes').map((call) => [call.path, call.body])).toEqual([['/api/v1/accounts/7/contacts/41/contact_inboxes', { inbox_id: 3 }]]);
    expect(chatwoot.conversations[0]!.contactId).toBe(41);
  });

  it('does nothing for a case that already has its conversation', async () => {
    const handoff = await cases.open(NEW_CASE);
    await helpDesk().caseOpened({ ...handoff, externalId: '9' });
    expect(chatwoot.calls).toEqual([]);
  });

  it("passes the shopper's reply on as an incoming, public message of the case's conversation", async () => {
    const handoff = await cases.open(NEW_CASE);
    await helpDesk().caseOpened(handoff);
    await helpDesk().shopperWrote(cases.cases.get(handoff.caseId)!, 'the box was wet too');
    expect(chatwoot.callsTo('messages').at(-1)!.body).toEqual({ content: 'the box was wet too', message_type: 'incoming', private: false });
    expect(chatwoot.conversation(1)!.messages.at(-1)).toMatchObject({ messageType: 'incoming', private: false, sender: { type: 'contact' } });
  });

  it('adds a transcript shared after the case opened as a second private note', async () => {
    const handoff = await cases.open({ ...NEW_CASE, transcriptShared: false, transcript: [] });
    await helpDesk().caseOpened(handoff);
    expect(chatwoot.conversation(1)!.messages[0]!.content).toContain('not shared');
    await cases.shareTranscript(CUSTOMER, handoff.caseId, NEW_CASE.transcript);
    await helpDesk().transcriptShared(cases.cases.get(handoff.caseId)!);
    expect(chatwoot.conversation(1)!.messages[1]).toMatchObject({ private: true, messageType: 'outgoing' });
    expect(chatwoot.conversation(1)!.messages[1]!.content).toContain('shopper: my delivery arrived damaged');
  });

  it('refuses a shopper message for a case that was never relayed, with a typed error', async () => {
    const handoff = await cases.open(NEW_CASE);
    await expect(helpDesk().shopperWrote(handoff, 'hello')).rejects.toMatchObject({ name: 'HelpDeskError', failure: 'rejected', retryable: false });
    expect(chatwoot.calls).toEqual([]);
  });

  it("names a wrong token as Chatwoot's 401, not worth a retry, and links nothing", async () => {
    const handoff = await cases.open(NEW_CASE);
    const error = await helpDesk({ token: 'wrong-token-123456' }).caseOpened(handoff).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HelpDeskError);
    expect(error).toMatchObject({ failure: 'unauthorized', status: 401, retryable: false, operation: 'create contact' });
    expect((error as Error).message).toContain('Invalid Access Token');
    expect(chatwoot.callsTo('contacts')[0]!.status).toBe(401);
    expect(cases.cases.get(handoff.caseId)!.externalId).toBeUndefined();
  });

  it('names an outage (503) and a rate limit (429) as worth a retry, and leaves the case unlinked for it', async () => {
    const handoff = await cases.open(NEW_CASE);
    chatwoot.failNext('conversations', 503);
    await expect(helpDesk().caseOpened(handoff)).rejects.toMatchObject({ failure: 'unavailable', status: 503, retryable: true });
    chatwoot.failNext('messages', 429);
    await expect(helpDesk().caseOpened(handoff)).rejects.toMatchObject({ failure: 'unavailable', status: 429, retryable: true });
    expect(cases.cases.get(handoff.caseId)!.externalId).toBeUndefined();
    await helpDesk().caseOpened(handoff);
    expect(cases.cases.get(handoff.caseId)!.externalId).toBeDefined();
  });

  it('gives up on a Chatwoot that does not answer within the deadline', async () => {
    const handoff = await cases.open(NEW_CASE);
    chatwoot.delayNext('contacts', 600);
    const started = Date.now();
    await expect(helpDesk({ timeoutMs: 150 }).caseOpened(handoff)).rejects.toMatchObject({ failure: 'timeout', retryable: true });
    expect(Date.now() - started).toBeLessThan(550);
  });

  it('reports an unknown conversation as not found (404)', async () => {
    const handoff = await cases.open(NEW_CASE);
    await expect(helpDesk().shopperWrote({ ...handoff, externalId: '404' }, 'hello')).rejects.toMatchObject({ failure: 'not-found', status: 404 });
  });
});
