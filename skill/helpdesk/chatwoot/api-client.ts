/**
 * The few calls of Chatwoot's Application API the adapter makes, each with a deadline and a typed error. Nothing
 * here knows about handoff cases: this file speaks Chatwoot, chatwoot-help-desk.ts speaks vocart.
 */
import { failureOfStatus, HelpDeskError } from '../errors';
import {
  accountPath,
  API_TOKEN_HEADER,
  type ChatwootContact,
  type ChatwootErrorBody,
  type ContactCreateResponse,
  type ContactInboxResponse,
  type ContactSearchResponse,
  type ConversationResponse,
  type MessageResponse,
} from './protocol';

export interface ChatwootApiSettings {
  /** e.g. https://app.chatwoot.com (no trailing path). */
  baseUrl: string;
  accountId: number;
  apiToken: string;
  /** Per call; the relay runs outside any shopper's turn, but a hung help desk must not hold a stream shard. */
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface NewContact {
  inbox_id: number;
  name: string;
  identifier: string;
}

export interface NewConversation {
  source_id: string;
  inbox_id: number;
  contact_id: number;
  status?: 'open' | 'pending';
  additional_attributes?: Record<string, string>;
}

export interface NewMessage {
  content: string;
  message_type: 'incoming' | 'outgoing';
  private: boolean;
}

export class ChatwootApiClient {
  private readonly fetch: typeof fetch;
  private readonly root: string;

  constructor(private readonly settings: ChatwootApiSettings) {
    this.fetch = settings.fetch ?? globalThis.fetch;
    this.root = `${settings.baseUrl.replace(/\/+$/, '')}${accountPath(settings.accountId)}`;
  }

  /** With an API-channel inbox id, Chatwoot also creates the contact's inbox link and answers its source_id. */
  async createContact(contact: NewContact): Promise<ContactCreateResponse['payload']> {
    const body = await this.call<ContactCreateResponse>('create contact', 'POST', '/contacts', contact);
    if (typeof body?.payload?.contact?.id !== 'number') throw this.unreadable('create contact');
    return body.payload;
  }

  async searchContacts(query: string): Promise<ChatwootContact[]> {
    const body = await this.call<ContactSearchResponse>('search contacts', 'GET', `/contacts/search?q=${encodeURIComponent(query)}`);
    if (!Array.isArray(body?.payload)) throw this.unreadable('search contacts');
    return body.payload;
  }

  async createContactInbox(contactId: number, inboxId: number): Promise<string> {
    const body = await this.call<ContactInboxResponse>('create contact inbox', 'POST', `/contacts/${contactId}/contact_inboxes`, { inbox_id: inboxId });
    if (typeof body?.source_id !== 'string' || body.source_id === '') throw this.unreadable('create contact inbox');
    return body.source_id;
  }

  async createConversation(conversation: NewConversation): Promise<ConversationResponse> {
    const body = await this.call<ConversationResponse>('create conversation', 'POST', '/conversations', conversation);
    if (typeof body?.id !== 'number') throw this.unreadable('create conversation');
    return body;
  }

  async createMessage(conversationId: number, message: NewMessage): Promise<MessageResponse> {
    const body = await this.call<MessageResponse>('create message', 'POST', `/conversations/${conversationId}/messages`, message);
    if (typeof body?.id !== 'number') throw this.unreadable('create message');
    return body;
  }

  /**
   * DELETE /contacts/{id}: Chatwoot destroys the contact with its conversations, messages and contact inboxes (the
   * conversations in the background) and answers 200 with no body. Only an administrator's access token may: an
   * agent's is refused with 401 ("You are not authorized to do this action").
   */
  async deleteContact(contactId: number): Promise<void> {
    await this.call<undefined>('delete contact', 'DELETE', `/contacts/${contactId}`);
  }

  private unreadable(operation: string): HelpDeskError {
    return new HelpDeskError('bad-response', operation, 'Chatwoot answered without the fields the API documents');
  }

  private async call<T>(operation: string, method: 'GET' | 'POST' | 'DELETE', path: string, payload?: unknown): Promise<T | undefined> {
    let response: Response;
    try {
      response = await this.fetch(`${this.root}${path}`, {
        method,
        headers: {
          [API_TOKEN_HEADER]: this.settings.apiToken,
          accept: 'application/json',
          ...(payload === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(payload === undefined ? {} : { body: JSON.stringify(payload) }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new HelpDeskError(
        timedOut ? 'timeout' : 'unavailable',
        operation,
        timedOut ? `no answer within ${this.settings.timeoutMs} ms` : 'Chatwoot could not be reached',
        { cause: error },
      );
    }
    const text = await response.text().catch(() => '');
    const json = parseJson(text);
    if (!response.ok) {
      throw new HelpDeskError(failureOfStatus(response.status), operation, `Chatwoot answered ${response.status}${reason(json)}`, {
        status: response.status,
      });
    }
    if (json === undefined && text !== '') throw this.unreadable(operation);
    return json as T | undefined;
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Chatwoot's own sentence (`{error}` or `{message}`), which names a field or a rule and never a shopper: "Invalid
 * Access Token", "Identifier has already been taken". Bounded so a proxy's HTML page cannot flood a log line.
 */
function reason(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, message } = body as ChatwootErrorBody;
  const said = typeof error === 'string' ? error : typeof message === 'string' ? message : undefined;
  return said ? ` (${said.slice(0, 160)})` : '';
}
