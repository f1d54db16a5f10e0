/**
 * HelpDesk → Chatwoot API-channel inbox. A case becomes a conversation of the shopper's pseudonymous contact, with
 * the case (reason, order, cart, the shared transcript) as a private note only agents see; a shopper's later reply
 * becomes an incoming message. The conversation id goes back onto the case (setExternalId), which is how the webhook
 * finds the case when an agent answers, and how a repeated stream record knows the case was already relayed.
 */
import type { HandoffCase } from '../../core/handoff/case';
import type { HandoffInbox, HelpDesk } from '../../core/ports';
import { caseNote, transcriptLines, type CaseNoteOptions } from '../case-note';
import { HelpDeskError } from '../errors';
import type { ChatwootApiClient } from './api-client';
import { contactIdentifier, contactName } from './pseudonym';

export interface ChatwootHelpDeskOptions extends CaseNoteOptions {
  api: ChatwootApiClient;
  inboxId: number;
  /** Where the conversation id is kept: only setExternalId is used. */
  cases: Pick<HandoffInbox, 'setExternalId'>;
}

export class ChatwootHelpDesk implements HelpDesk {
  constructor(private readonly options: ChatwootHelpDeskOptions) {}

  async caseOpened(handoff: HandoffCase): Promise<void> {
    if (handoff.externalId !== undefined) return;
    const { api, inboxId } = this.options;
    const contact = await this.contactFor(handoff.customerId);
    const conversation = await api.createConversation({
      source_id: contact.sourceId,
      inbox_id: inboxId,
      contact_id: contact.contactId,
      status: 'open',
      // Shown in the conversation's sidebar: lets an agent find the case in vocart's inbox. Not personal data.
      additional_attributes: { vocart_case_id: handoff.caseId, vocart_reason: handoff.reason },
    });
    await api.createMessage(conversation.id, { content: caseNote(handoff, this.options), message_type: 'outgoing', private: true });
    // Last, so that a failure above leaves the case unrelayed and the relay's retry starts over; the price of a
    // failure between the two calls above is an empty conversation beside the retried one, never a lost case.
    await this.options.cases.setExternalId(handoff.caseId, String(conversation.id));
  }

  async shopperWrote(handoff: HandoffCase, text: string): Promise<void> {
    await this.options.api.createMessage(this.conversationOf(handoff, 'shopper message'), { content: text, message_type: 'incoming', private: false });
  }

  /** The shopper agreed to share the conversation after the case was relayed: the agents get it as a second note. */
  async transcriptShared(handoff: HandoffCase): Promise<void> {
    const content = ['**vocart handoff** · the shopper agreed to share the conversation', ...transcriptLines(handoff)].join('\n');
    await this.options.api.createMessage(this.conversationOf(handoff, 'transcript note'), { content, message_type: 'outgoing', private: true });
  }

  /**
   * Erasure on request: the shopper's contact goes, and Chatwoot takes its conversations (each case's note, the
   * shopper's words, the agents' answers) with it. Found by the pseudonymous identifier, the only key vocart has
   * there; no contact (never relayed, or erased before) is success. Needs an administrator's access token: with an
   * agent's, Chatwoot answers 401 and the erasure fails as 'unauthorized' where an operator sees it.
   */
  async shopperErased(customerId: string): Promise<void> {
    const { api } = this.options;
    const identifier = contactIdentifier(customerId);
    // The search matches parts of names, emails and identifiers: only the exact identifier is the shopper's.
    const contacts = (await api.searchContacts(identifier)).filter((contact) => contact.identifier === identifier);
    for (const contact of contacts) {
      try {
        await api.deleteContact(contact.id);
      } catch (error) {
        // Gone between the search and the delete (a retried record, an agent who deleted it): erased all the same.
        if (!(error instanceof HelpDeskError && error.failure === 'not-found')) throw error;
      }
    }
  }

  private conversationOf(handoff: HandoffCase, operation: string): number {
    const id = Number(handoff.externalId);
    if (!Number.isSafeInteger(id) || id <= 0) {
      throw new HelpDeskError('rejected', operation, `case ${handoff.caseId} has no Chatwoot conversation yet`);
    }
    return id;
  }

  /**
   * The shopper's contact and its source id in our inbox. Created on the first case; on later cases Chatwoot refuses
   * the identifier as taken (422) and the contact is found by it instead. Creating first costs one call for a new
   * shopper; searching first would cost one for everybody.
   */
  private async contactFor(customerId: string): Promise<{ contactId: number; sourceId: string }> {
    const { api, inboxId } = this.options;
    const identifier = contactIdentifier(customerId);
    try {
      const created = await api.createContact({ inbox_id: inboxId, name: contactName(customerId), identifier });
      const sourceId = created.contact_inbox?.source_id;
      return { contactId: created.contact.id, sourceId: sourceId || (await api.createContactInbox(created.contact.id, inboxId)) };
    } catch (error) {
      if (!(error instanceof HelpDeskError && error.status === 422)) throw error;
      const existing = (await api.searchContacts(identifier)).find((contact) => contact.identifier === identifier);
      if (!existing) throw error;
      const sourceId = existing.contact_inboxes?.find((link) => link.inbox?.id === inboxId)?.source_id;
      return { contactId: existing.id, sourceId: sourceId || (await api.createContactInbox(existing.id, inboxId)) };
    }
  }
}
