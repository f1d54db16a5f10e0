/**
 * The parts of Chatwoot's Application API and webhooks vocart relies on, written down once for the adapter, the
 * webhook route, the stack (which prints the webhook URL) and the test fake. Shapes follow Chatwoot's swagger
 * definitions and the jbuilder views behind them (contacts/create, contacts/search, conversations/create,
 * conversations/messages/create) and its webhook documentation (message_created).
 */

/** The header Chatwoot reads an agent's (or agent bot's) access token from. */
export const API_TOKEN_HEADER = 'api_access_token';

/**
 * Chatwoot signs a webhook (account webhooks since v4.11.2, API-channel inbox webhooks since v4.13.0) with
 * HMAC-SHA256 over `<timestamp>.<raw body>`, keyed with the webhook's or inbox's secret, sent as `sha256=<hex>`.
 * Header names in lower case, as the inbox's ApiRequest carries them.
 */
export const SIGNATURE_HEADER = 'x-chatwoot-signature';
export const TIMESTAMP_HEADER = 'x-chatwoot-timestamp';
/** The same for every retry of one delivery. */
export const DELIVERY_HEADER = 'x-chatwoot-delivery';

/** Where the inbox API takes Chatwoot's webhooks (a route with its own auth, not the console's bearer token). */
export const CHATWOOT_WEBHOOK_PATH = '/api/helpdesk/chatwoot';

export const accountPath = (accountId: number) => `/api/v1/accounts/${accountId}`;

/** POST /contacts and GET /contacts/search answer contacts in this shape (`with_contact_inboxes`). */
export interface ChatwootContact {
  id: number;
  name?: string | null;
  identifier?: string | null;
  contact_inboxes?: Array<{ source_id: string; inbox?: { id: number } | null }>;
}

/** POST /contacts → `{payload: {contact, contact_inbox: {inbox, source_id}}}`. */
export interface ContactCreateResponse {
  payload: {
    contact: ChatwootContact;
    contact_inbox?: { source_id?: string | null; inbox?: { id: number } | null } | null;
  };
}

/** GET /contacts/search → `{meta, payload: [contact…]}`. */
export interface ContactSearchResponse {
  payload: ChatwootContact[];
}

/** POST /contacts/{id}/contact_inboxes → the contact inbox. */
export interface ContactInboxResponse {
  source_id: string;
}

/** POST /conversations → the conversation; its `id` is the display id every conversation path takes. */
export interface ConversationResponse {
  id: number;
  account_id?: number;
  inbox_id?: number;
}

/** POST /conversations/{id}/messages → the message; `message_type` is the enum's integer here (0 incoming, 1 outgoing). */
export interface MessageResponse {
  id: number;
  content: string | null;
  conversation_id: number;
  message_type: number;
  private: boolean;
  created_at: number;
}

/** Chatwoot's error bodies: `{error}` (401, 404, ParameterMissing 422) or `{message, attributes}` (validation 422). */
export interface ChatwootErrorBody {
  error?: string;
  message?: string;
  attributes?: string[];
}

/** The parts of a `message_created` webhook the route reads. */
/**
 * A `conversation_status_changed` delivery: the conversation itself at the top level (its id, inbox and new status)
 * with the event's name beside it; no account object.
 */
export interface ConversationStatusChangedEvent {
  event: 'conversation_status_changed';
  id: number;
  inbox_id?: number;
  /** open, resolved, pending or snoozed. */
  status: string;
}

export interface MessageCreatedEvent {
  event: 'message_created';
  id: number;
  content: string | null;
  created_at?: string;
  /** A string in webhooks: incoming (the contact), outgoing (an agent or bot), activity, template. */
  message_type: string;
  private: boolean;
  sender?: { id?: number; name?: string; available_name?: string; type?: string } | null;
  conversation?: { id?: number; inbox_id?: number } | null;
  inbox?: { id?: number } | null;
  account?: { id?: number } | null;
}
