/**
 * A local stand-in for the part of Chatwoot's Application API the help-desk adapter uses, over real HTTP
 * (node:http), with the paths, request bodies, response bodies and error bodies of Chatwoot's API (swagger
 * definitions and the jbuilder views behind them):
 *
 * - POST /api/v1/accounts/{account_id}/contacts {inbox_id, name, identifier} → 200
 *   {payload: {contact: {id, name, identifier, contact_inboxes: [{source_id, inbox}]}, contact_inbox: {inbox, source_id}}};
 *   an identifier already taken → 422 {message: 'Identifier has already been taken', attributes: ['identifier']}.
 * - GET  …/contacts/search?q= → 200 {meta: {count, current_page}, payload: [contact…]}.
 * - POST …/contacts/{id}/contact_inboxes {inbox_id} → 200 {source_id, inbox}.
 * - POST …/conversations {source_id, inbox_id, contact_id, status, additional_attributes} → 200 the conversation,
 *   whose `id` is the display id; without source_id → 422 {error: 'param is missing or the value is empty: source_id'}.
 * - POST …/conversations/{id}/messages {content, message_type, private} → 200 {id, content, conversation_id,
 *   message_type (0 incoming, 1 outgoing), content_type, private, created_at (epoch seconds), sender}.
 * - DELETE …/contacts/{id} → 200 with no body (`head :ok`), the contact's conversations and their messages gone with
 *   it (Chatwoot destroys them in the background; here at once); an unknown contact → 404. Only an administrator may:
 *   a token whose role is agent → 401 {error: 'You are not authorized to do this action'} (Pundit's refusal).
 * - Every route: a missing or wrong `api_access_token` header → 401 {error: 'Invalid Access Token'}; another
 *   account → 401 {error: 'You are not authorized to access this account'}; an unknown id → 404
 *   {error: 'Resource could not be found'}.
 *
 * An agent's reply (agentReplies) is recorded as an outgoing message and delivered like Chatwoot delivers an
 * API-channel inbox webhook: a `message_created` event POSTed to the inbox's webhook URL, signed with the inbox's
 * secret (X-Chatwoot-Signature: sha256=HMAC(secret, "<timestamp>.<body>"), X-Chatwoot-Timestamp, X-Chatwoot-Delivery).
 * The fake records every call, and can be told to fail the next calls of a route or to answer slowly.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatwootSignature } from '../../skill/helpdesk/chatwoot/webhook-signature';

export type ChatwootRoute = 'contacts' | 'search' | 'contact_inboxes' | 'conversations' | 'messages' | 'delete_contact';

export interface ChatwootCall {
  route: ChatwootRoute | 'unknown';
  method: string;
  path: string;
  token?: string;
  body: unknown;
  status: number;
}

export interface FakeContact {
  id: number;
  name: string;
  identifier: string | null;
  inboxes: Array<{ inboxId: number; sourceId: string }>;
}

export interface FakeMessage {
  id: number;
  content: string;
  /** As Chatwoot stores it: incoming (the contact), outgoing (an agent, or a note when private). */
  messageType: 'incoming' | 'outgoing';
  private: boolean;
  createdAt: Date;
  sender: { type: 'user' | 'contact' | 'agent_bot'; id: number; name: string };
}

export interface FakeConversation {
  id: number;
  inboxId: number;
  contactId: number;
  sourceId: string;
  status: string;
  additionalAttributes: Record<string, unknown>;
  messages: FakeMessage[];
}

export interface FakeChatwootOptions {
  accountId?: number;
  inboxId?: number;
  apiToken?: string;
  /** The API-channel inbox's secret its webhooks are signed with. */
  webhookSecret?: string;
  /** The role of the user whose token apiToken is: only an administrator may delete contacts. */
  role?: 'administrator' | 'agent';
}

interface Injected {
  status: number;
  body?: unknown;
  times: number;
  delayMs?: number;
}

const MESSAGE_TYPE_CODE = { incoming: 0, outgoing: 1 } as const;

export class FakeChatwoot {
  readonly accountId: number;
  readonly inboxId: number;
  readonly apiToken: string;
  readonly webhookSecret: string;
  role: 'administrator' | 'agent';
  /** Where the inbox delivers its webhooks (the API channel's "Webhook URL"); set by the test. */
  webhookUrl: string | undefined;
  readonly calls: ChatwootCall[] = [];
  readonly contacts: FakeContact[] = [];
  readonly conversations: FakeConversation[] = [];
  readonly webhookDeliveries: Array<{ status: number; body: string }> = [];
  private readonly injected = new Map<ChatwootRoute, Injected>();
  private nextId = 100;
  private retiredConversationId = 0;
  private server: Server | undefined;
  private port = 0;

  constructor(options: FakeChatwootOptions = {}) {
    this.accountId = options.accountId ?? 7;
    this.inboxId = options.inboxId ?? 3;
    this.apiToken = options.apiToken ?? 'agent-token-0123456789';
    this.webhookSecret = options.webhookSecret ?? 'inbox-webhook-secret-0123456789';
    this.role = options.role ?? 'administrator';
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => void this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** The next `times` calls of the route answer this status (Chatwoot's `{error}` body unless given), optionally late. */
  failNext(route: ChatwootRoute, status: number, times = 1, body?: unknown): void {
    this.injected.set(route, { status, times, ...(body === undefined ? {} : { body }) });
  }

  /** The next `times` calls of the route wait this long before answering normally. */
  delayNext(route: ChatwootRoute, delayMs: number, times = 1): void {
    this.injected.set(route, { status: 0, times, delayMs });
  }

  callsTo(route: ChatwootRoute): ChatwootCall[] {
    return this.calls.filter((call) => call.route === route);
  }

  conversation(id: number | string): FakeConversation | undefined {
    return this.conversations.find((conversation) => conversation.id === Number(id));
  }

  /**
   * An agent answers in the conversation (or writes a private note): stored as an outgoing message and delivered to
   * the webhook URL as Chatwoot would. Returns the webhook's HTTP status.
   */
  async agentReplies(
    conversationId: number,
    content: string,
    options: { agentName?: string; private?: boolean; senderType?: 'user' | 'agent_bot'; secret?: string; timestamp?: number } = {},
  ): Promise<number> {
    const conversation = this.conversation(conversationId);
    if (!conversation) throw new Error(`fake Chatwoot has no conversation ${conversationId}`);
    const message = this.addMessage(conversation, {
      content,
      messageType: 'outgoing',
      private: options.private ?? false,
      sender: { type: options.senderType ?? 'user', id: 1, name: options.agentName ?? 'Dana' },
    });
    return this.deliver(this.messageCreated(conversation, message), options);
  }

  /** The `message_created` event as Chatwoot's webhooks carry it. */
  messageCreated(conversation: FakeConversation, message: FakeMessage): Record<string, unknown> {
    return {
      event: 'message_created',
      id: message.id,
      content: message.content,
      created_at: message.createdAt.toISOString(),
      message_type: message.messageType,
      content_type: 'text',
      content_attributes: {},
      source_id: null,
      private: message.private,
      sender: { ...message.sender, ...(message.sender.type === 'user' ? { available_name: message.sender.name, email: 'agent@shop.example' } : {}) },
      inbox: { id: conversation.inboxId, name: 'vocart' },
      conversation: {
        id: conversation.id,
        inbox_id: conversation.inboxId,
        channel: 'Channel::Api',
        status: conversation.status,
        additional_attributes: conversation.additionalAttributes,
        contact_inbox: { contact_id: conversation.contactId, inbox_id: conversation.inboxId, source_id: conversation.sourceId },
      },
      account: { id: this.accountId, name: 'Shop' },
    };
  }

  /** POSTs a webhook body to the webhook URL, signed with the inbox secret unless told otherwise. */
  async deliver(payload: unknown, options: { secret?: string; timestamp?: number; unsigned?: boolean } = {}): Promise<number> {
    if (!this.webhookUrl) throw new Error('fake Chatwoot: set webhookUrl before an agent replies');
    const body = JSON.stringify(payload);
    const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { 'content-type': 'application/json', 'x-chatwoot-delivery': randomUUID() };
    if (!options.unsigned) {
      headers['x-chatwoot-timestamp'] = timestamp;
      headers['x-chatwoot-signature'] = chatwootSignature(options.secret ?? this.webhookSecret, timestamp, body);
    }
    const response = await fetch(this.webhookUrl, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
    await response.text();
    this.webhookDeliveries.push({ status: response.status, body });
    return response.status;
  }

  private addMessage(conversation: FakeConversation, message: Omit<FakeMessage, 'id' | 'createdAt'>): FakeMessage {
    // Whole seconds, as Chatwoot's created_at.
    const stored: FakeMessage = { ...message, id: this.nextId++, createdAt: new Date(Math.floor(Date.now() / 1000) * 1000) };
    conversation.messages.push(stored);
    return stored;
  }

  private contactJson(contact: FakeContact) {
    return {
      id: contact.id,
      name: contact.name,
      email: null,
      phone_number: null,
      identifier: contact.identifier,
      thumbnail: '',
      additional_attributes: {},
      custom_attributes: {},
      contact_inboxes: contact.inboxes.map((link) => ({ source_id: link.sourceId, inbox: this.inboxJson(link.inboxId) })),
    };
  }

  private inboxJson(id: number) {
    return { id, name: 'vocart', channel_type: 'Channel::Api' };
  }

  /** The shopper's contact by its identifier, if the fake holds it. */
  contactByIdentifier(identifier: string): FakeContact | undefined {
    return this.contacts.find((contact) => contact.identifier === identifier);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const raw = await readBody(request);
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const token = header(request, 'api_access_token');
    const route = routeOf(request.method ?? 'GET', url.pathname);
    const answer = (status: number, payload: unknown) => {
      this.calls.push({ route, method: request.method ?? 'GET', path: `${url.pathname}${url.search}`, ...(token ? { token } : {}), body, status });
      if (payload === undefined) {
        // Rails' `head :ok`: a status line and no body.
        response.writeHead(status);
        response.end();
        return;
      }
      response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(payload));
    };
    if (route === 'unknown') return answer(404, { error: 'Resource could not be found' });
    if (token !== this.apiToken) return answer(401, { error: 'Invalid Access Token' });
    const account = Number(/^\/api\/v1\/accounts\/(\d+)\//.exec(url.pathname)?.[1]);
    if (account !== this.accountId) return answer(401, { error: 'You are not authorized to access this account' });

    const injected = this.injected.get(route);
    if (injected) {
      injected.times -= 1;
      if (injected.times <= 0) this.injected.delete(route);
      if (injected.delayMs) await new Promise((resolve) => setTimeout(resolve, injected.delayMs));
      if (injected.status) return answer(injected.status, injected.body ?? { error: `injected ${injected.status}` });
    }
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const idInPath = (name: string) => Number(new RegExp(`/${name}/(\\d+)`).exec(url.pathname)?.[1]);

    switch (route) {
      case 'contacts': {
        const inboxId = Number(input.inbox_id);
        if (input.inbox_id !== undefined && inboxId !== this.inboxId) return answer(404, { error: 'Resource could not be found' });
        const identifier = typeof input.identifier === 'string' && input.identifier !== '' ? input.identifier : null;
        if (identifier && this.contacts.some((contact) => contact.identifier === identifier)) {
          return answer(422, { message: 'Identifier has already been taken', attributes: ['identifier'] });
        }
        const contact: FakeContact = { id: this.nextId++, name: typeof input.name === 'string' ? input.name : 'unnamed', identifier, inboxes: [] };
        if (input.inbox_id !== undefined) contact.inboxes.push({ inboxId, sourceId: randomUUID() });
        this.contacts.push(contact);
        const link = contact.inboxes[0];
        return answer(200, {
          payload: {
            contact: this.contactJson(contact),
            contact_inbox: { inbox: link ? this.inboxJson(link.inboxId) : null, source_id: link?.sourceId ?? null },
          },
        });
      }
      case 'search': {
        const q = (url.searchParams.get('q') ?? '').toLowerCase();
        const found = this.contacts.filter((contact) => [contact.name, contact.identifier ?? ''].some((field) => q !== '' && field.toLowerCase().includes(q)));
        return answer(200, { meta: { count: found.length, current_page: 1 }, payload: found.map((contact) => this.contactJson(contact)) });
      }
      case 'contact_inboxes': {
        const contact = this.contacts.find((candidate) => candidate.id === idInPath('contacts'));
        if (!contact || Number(input.inbox_id) !== this.inboxId) return answer(404, { error: 'Resource could not be found' });
        const link = { inboxId: this.inboxId, sourceId: randomUUID() };
        contact.inboxes.push(link);
        return answer(200, { source_id: link.sourceId, inbox: this.inboxJson(link.inboxId) });
      }
      case 'conversations': {
        if (typeof input.source_id !== 'string' || input.source_id === '') {
          return answer(422, { error: 'param is missing or the value is empty: source_id' });
        }
        const contact = this.contacts.find((candidate) => candidate.inboxes.some((link) => link.sourceId === input.source_id));
        if (!contact || (input.contact_id !== undefined && Number(input.contact_id) !== contact.id)) {
          return answer(404, { error: 'Resource could not be found' });
        }
        const conversation: FakeConversation = {
          // Display ids count up per account and are never reused, a deleted conversation's included.
          id: Math.max(this.retiredConversationId, ...this.conversations.map((existing) => existing.id)) + 1,
          inboxId: this.inboxId,
          contactId: contact.id,
          sourceId: input.source_id,
          status: typeof input.status === 'string' ? input.status : 'open',
          additionalAttributes: (input.additional_attributes as Record<string, unknown>) ?? {},
          messages: [],
        };
        this.conversations.push(conversation);
        return answer(200, {
          meta: { sender: this.contactJson(contact), channel: 'Channel::Api', hmac_verified: false },
          id: conversation.id,
          messages: [],
          account_id: this.accountId,
          uuid: randomUUID(),
          additional_attributes: conversation.additionalAttributes,
          custom_attributes: {},
          inbox_id: conversation.inboxId,
          labels: [],
          status: conversation.status,
          created_at: Math.floor(Date.now() / 1000),
          unread_count: 0,
        });
      }
      case 'delete_contact': {
        // Pundit refuses before the contact is looked up: an agent learns nothing about which ids exist.
        if (this.role !== 'administrator') return answer(401, { error: 'You are not authorized to do this action' });
        const index = this.contacts.findIndex((candidate) => candidate.id === idInPath('contacts'));
        if (index < 0) return answer(404, { error: 'Resource could not be found' });
        const [contact] = this.contacts.splice(index, 1);
        for (let at = this.conversations.length - 1; at >= 0; at--) {
          const conversation = this.conversations[at]!;
          if (conversation.contactId !== contact!.id) continue;
          this.retiredConversationId = Math.max(this.retiredConversationId, conversation.id);
          this.conversations.splice(at, 1);
        }
        return answer(200, undefined);
      }
      case 'messages': {
        const conversation = this.conversation(idInPath('conversations'));
        if (!conversation) return answer(404, { error: 'Resource could not be found' });
        const messageType = input.message_type === 'incoming' ? 'incoming' : 'outgoing';
        const contact = this.contacts.find((candidate) => candidate.id === conversation.contactId)!;
        const message = this.addMessage(conversation, {
          content: typeof input.content === 'string' ? input.content : '',
          messageType,
          private: input.private === true,
          sender: messageType === 'incoming' ? { type: 'contact', id: contact.id, name: contact.name } : { type: 'user', id: 1, name: 'API' },
        });
        return answer(200, {
          id: message.id,
          content: message.content,
          inbox_id: conversation.inboxId,
          echo_id: null,
          conversation_id: conversation.id,
          message_type: MESSAGE_TYPE_CODE[message.messageType],
          content_type: 'text',
          content_attributes: {},
          created_at: Math.floor(message.createdAt.getTime() / 1000),
          private: message.private,
          sender: message.sender,
        });
      }
    }
  }
}

function routeOf(method: string, path: string): ChatwootRoute | 'unknown' {
  const base = /^\/api\/v1\/accounts\/\d+/;
  if (!base.test(path)) return 'unknown';
  const rest = path.replace(base, '');
  if (method === 'POST' && rest === '/contacts') return 'contacts';
  if (method === 'GET' && rest === '/contacts/search') return 'search';
  if (method === 'POST' && /^\/contacts\/\d+\/contact_inboxes$/.test(rest)) return 'contact_inboxes';
  if (method === 'DELETE' && /^\/contacts\/\d+$/.test(rest)) return 'delete_contact';
  if (method === 'POST' && rest === '/conversations') return 'conversations';
  if (method === 'POST' && /^\/conversations\/\d+\/messages$/.test(rest)) return 'messages';
  return 'unknown';
}

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (data += chunk));
    request.on('end', () => resolve(data));
    request.on('error', reject);
  });
}
