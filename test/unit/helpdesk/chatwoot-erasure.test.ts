import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NewHandoffCase } from '../../../skill/core/handoff/case';
import { ChatwootApiClient } from '../../../skill/helpdesk/chatwoot/api-client';
import { ChatwootHelpDesk } from '../../../skill/helpdesk/chatwoot/chatwoot-help-desk';
import { contactIdentifier } from '../../../skill/helpdesk/chatwoot/pseudonym';
import { HelpDeskError } from '../../../skill/helpdesk/errors';
import { FakeChatwoot } from '../../helpers/fake-chatwoot';
import { FixedClock, MemoryHandoffCases } from '../../helpers/fakes';
import { MemoryHelpDeskInbox } from './memory-inbox';

const SHOPPER = 'amzn1.ask.account.SHOPPER-ONE';
const OTHER = 'amzn1.ask.account.SHOPPER-TWO';

const caseOf = (customerId: string): NewHandoffCase => ({
  customerId,
  channel: 'alexa',
  locale: 'en-US',
  reason: 'asked-for-person',
  transcript: [],
  transcriptShared: false,
  cart: [],
});

describe('ChatwootHelpDesk erasing a shopper who asked for it', () => {
  const chatwoot = new FakeChatwoot();
  let cases: MemoryHandoffCases;
  let inbox: MemoryHelpDeskInbox;

  const helpDesk = (token = chatwoot.apiToken) =>
    new ChatwootHelpDesk({
      api: new ChatwootApiClient({ baseUrl: chatwoot.baseUrl, accountId: chatwoot.accountId, apiToken: token, timeoutMs: 2000 }),
      inboxId: chatwoot.inboxId,
      cases: inbox,
    });

  /** The shopper with two relayed cases, and another shopper with one. */
  async function relayed(): Promise<void> {
    for (const customerId of [SHOPPER, SHOPPER, OTHER]) await helpDesk().caseOpened(await cases.open(caseOf(customerId)));
    chatwoot.calls.length = 0;
  }

  beforeAll(() => chatwoot.start());
  afterAll(() => chatwoot.stop());
  beforeEach(() => {
    chatwoot.calls.length = 0;
    chatwoot.contacts.length = 0;
    chatwoot.conversations.length = 0;
    chatwoot.role = 'administrator';
    cases = new MemoryHandoffCases(new FixedClock());
    inbox = new MemoryHelpDeskInbox(cases);
  });

  it("deletes the shopper's contact, found by its pseudonymous identifier, and with it every conversation of theirs", async () => {
    await relayed();
    const contact = chatwoot.contactByIdentifier(contactIdentifier(SHOPPER))!;
    expect(chatwoot.conversations.filter((conversation) => conversation.contactId === contact.id)).toHaveLength(2);

    await helpDesk().shopperErased(SHOPPER);

    expect(chatwoot.calls.map((call) => `${call.method} ${call.path} ${call.status}`)).toEqual([
      `GET /api/v1/accounts/7/contacts/search?q=${contactIdentifier(SHOPPER)} 200`,
      `DELETE /api/v1/accounts/7/contacts/${contact.id} 200`,
    ]);
    expect(chatwoot.contactByIdentifier(contactIdentifier(SHOPPER))).toBeUndefined();
    // The other shopper keeps their contact and conversation.
    const other = chatwoot.contactByIdentifier(contactIdentifier(OTHER))!;
    expect(chatwoot.conversations.map((conversation) => conversation.contactId)).toEqual([other.id]);
  });

  it('deletes only the contact whose identifier is exactly the pseudonym, not one that merely mentions it', async () => {
    await relayed();
    // An agent's own contact whose name quotes the pseudonym: Chatwoot's search finds it too.
    chatwoot.contacts.push({ id: 999, name: `Escalated: ${contactIdentifier(SHOPPER)}`, identifier: null, inboxes: [] });
    await helpDesk().shopperErased(SHOPPER);
    expect(chatwoot.callsTo('delete_contact').map((call) => call.path)).toEqual([expect.not.stringContaining('/999')]);
    expect(chatwoot.contacts.some((contact) => contact.id === 999)).toBe(true);
  });

  it('has nothing to do for a shopper Chatwoot never heard of, or one erased already', async () => {
    await expect(helpDesk().shopperErased(SHOPPER)).resolves.toBeUndefined();
    expect(chatwoot.calls.map((call) => call.route)).toEqual(['search']);

    await relayed();
    await helpDesk().shopperErased(SHOPPER);
    chatwoot.calls.length = 0;
    await helpDesk().shopperErased(SHOPPER);
    expect(chatwoot.calls.map((call) => call.route)).toEqual(['search']);
  });

  it('counts a contact deleted between the search and the delete (404) as erased', async () => {
    await relayed();
    chatwoot.failNext('delete_contact', 404, 1, { error: 'Resource could not be found' });
    await expect(helpDesk().shopperErased(SHOPPER)).resolves.toBeUndefined();
    expect(chatwoot.callsTo('delete_contact').map((call) => call.status)).toEqual([404]);
  });

  it("fails as unauthorized, not worth a retry, with a wrong token or an agent's (deleting contacts is an administrator's)", async () => {
    await relayed();
    const wrong = await helpDesk('wrong-token-123456').shopperErased(SHOPPER).catch((caught: unknown) => caught);
    expect(wrong).toBeInstanceOf(HelpDeskError);
    expect(wrong).toMatchObject({ failure: 'unauthorized', status: 401, retryable: false, operation: 'search contacts' });

    chatwoot.role = 'agent';
    const refused = await helpDesk().shopperErased(SHOPPER).catch((caught: unknown) => caught);
    expect(refused).toBeInstanceOf(HelpDeskError);
    expect(refused).toMatchObject({ failure: 'unauthorized', status: 401, retryable: false, operation: 'delete contact' });
    expect((refused as Error).message).toContain('You are not authorized to do this action');
    expect(chatwoot.contactByIdentifier(contactIdentifier(SHOPPER))).toBeDefined();
  });

  it("names an outage while deleting as worth a retry, so the stream record is tried again", async () => {
    await relayed();
    chatwoot.failNext('delete_contact', 503);
    const error = await helpDesk().shopperErased(SHOPPER).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ failure: 'unavailable', retryable: true });
    await helpDesk().shopperErased(SHOPPER);
    expect(chatwoot.contactByIdentifier(contactIdentifier(SHOPPER))).toBeUndefined();
  });

  it('gives a shopper who comes back after erasure a new contact, and conversation ids are never reused', async () => {
    await relayed();
    const before = Math.max(...chatwoot.conversations.map((conversation) => conversation.id));
    await helpDesk().shopperErased(SHOPPER);
    const handoff = await cases.open(caseOf(SHOPPER));
    await helpDesk().caseOpened(handoff);
    expect(chatwoot.contactByIdentifier(contactIdentifier(SHOPPER))).toBeDefined();
    expect(Number(cases.cases.get(handoff.caseId)!.externalId)).toBeGreaterThan(before);
  });
});
