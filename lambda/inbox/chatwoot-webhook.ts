/**
 * Chatwoot's webhook as one route of the inbox API: an agent's public reply in a relayed conversation
 * (`message_created`) becomes the person's answer on the vocart case (HandoffInbox.reply), delivered at the shopper's
 * next launch; a conversation resolved there (`conversation_status_changed` to resolved) closes the case. The route checks its caller itself (auth 'own'): Chatwoot cannot send the console's bearer token, but it
 * signs every delivery (see skill/helpdesk/chatwoot/webhook-signature.ts), and an unsigned, stale or forged
 * delivery is refused with 401 before the body is even parsed.
 *
 * Everything else Chatwoot sends (other events, the shopper's own incoming messages echoed back, private notes such
 * as vocart's case note, agent-bot messages, conversations vocart did not open) is acknowledged with 200 and
 * ignored, so Chatwoot neither retries it nor marks the agent's message as failed.
 */
import type { Config } from '../../skill/config';
import type { CaseMessage } from '../../skill/core/handoff/case';
import type { Clock, HandoffInbox, Log } from '../../skill/core/ports';
import { CHATWOOT_WEBHOOK_PATH, SIGNATURE_HEADER, TIMESTAMP_HEADER, type ConversationStatusChangedEvent, type MessageCreatedEvent } from '../../skill/helpdesk/chatwoot/protocol';
import { signatureProblem } from '../../skill/helpdesk/chatwoot/webhook-signature';
import type { ApiResponse, ApiRoute } from './http';

export interface ChatwootWebhookOptions {
  secret: string;
  /** Deliveries for another account or inbox are ignored: one Chatwoot may serve several shops. */
  accountId: number;
  inboxId: number;
  inbox: Pick<HandoffInbox, 'findExternal' | 'reply' | 'close'>;
  clock: Clock;
  log: Log;
}

/** Longer replies are cut here: the shopper hears the answer spoken, and a page of text is not an answer to speak. */
export const MAX_AGENT_REPLY_CHARS = 2000;

const json = (status: number, body: unknown): ApiResponse => ({ status, headers: { 'cache-control': 'no-store' }, body });
const ignored = (reason: string) => json(200, { ok: true, ignored: reason });

export function chatwootWebhookRoute(options: ChatwootWebhookOptions): ApiRoute {
  const { secret, inbox, clock, log } = options;
  return {
    method: 'POST',
    pattern: CHATWOOT_WEBHOOK_PATH,
    auth: 'own',
    async handle(request) {
      const problem = signatureProblem(secret, request.rawBody, request.headers[SIGNATURE_HEADER], request.headers[TIMESTAMP_HEADER], clock.now());
      if (problem) {
        log.warn('chatwoot webhook refused', { problem });
        return json(401, { error: { code: 'bad-signature', message: 'The webhook signature is missing, stale or wrong.' } });
      }
      let delivered: Partial<MessageCreatedEvent | ConversationStatusChangedEvent>;
      try {
        delivered = JSON.parse(request.rawBody) as Partial<MessageCreatedEvent | ConversationStatusChangedEvent>;
      } catch {
        return json(400, { error: { code: 'bad-json', message: 'The body is not JSON.' } });
      }
      if (typeof delivered !== 'object' || delivered === null) return json(400, { error: { code: 'bad-json', message: 'The body is not a JSON object.' } });
      if (delivered.event === 'conversation_status_changed') return resolved(delivered as Partial<ConversationStatusChangedEvent>);
      if (delivered.event !== 'message_created') return ignored('event');
      const event = delivered as Partial<MessageCreatedEvent>;
      if (event.message_type !== 'outgoing' || event.private !== false) return ignored('not a public agent message');
      // An agent bot is not a person: the shopper is told a person answered, so only a person's words go through.
      if (event.sender?.type !== 'user') return ignored('not a person');
      if (event.account?.id !== options.accountId) return ignored('another account');
      const inboxId = event.conversation?.inbox_id ?? event.inbox?.id;
      if (inboxId !== options.inboxId) return ignored('another inbox');
      const conversationId = event.conversation?.id;
      const text = typeof event.content === 'string' ? event.content.trim().slice(0, MAX_AGENT_REPLY_CHARS) : '';
      if (typeof conversationId !== 'number' || text === '') return ignored('no text');

      const handoff = await inbox.findExternal(String(conversationId));
      if (!handoff) return ignored('not a vocart conversation');
      const at = sentAt(event.created_at) ?? clock.now();
      // Chatwoot retries a delivery it thinks failed; the same words at the same moment are the same answer.
      if (handoff.messages.some((message) => sameAnswer(message, text, at))) return ignored('already delivered');
      const agentName = event.sender.available_name || event.sender.name || undefined;
      const replied = await inbox.reply(handoff.caseId, text, at, agentName);
      if (!replied) return ignored('case gone');
      log.info('chatwoot agent reply recorded', { caseId: handoff.caseId });
      return json(200, { ok: true, caseId: handoff.caseId });
    },
  };

  /** Resolved in Chatwoot: the vocart case is closed too (a shopper's reply reopens both, as it reopens the case). */
  async function resolved(event: Partial<ConversationStatusChangedEvent>): Promise<ApiResponse> {
    if (event.status !== 'resolved') return ignored('not resolved');
    if (event.inbox_id !== options.inboxId) return ignored('another inbox');
    if (typeof event.id !== 'number') return ignored('no conversation');
    const handoff = await inbox.findExternal(String(event.id));
    if (!handoff) return ignored('not a vocart conversation');
    if (handoff.state === 'closed') return ignored('already closed');
    const closed = await inbox.close(handoff.caseId, clock.now());
    if (!closed) return ignored('case gone');
    log.info('chatwoot conversation resolved: case closed', { caseId: handoff.caseId });
    return json(200, { ok: true, caseId: handoff.caseId, state: 'closed' });
  }
}

/** The routes a configuration adds to the inbox API: none for the built-in inbox, the webhook for Chatwoot. */
export function helpDeskRoutes(
  config: Pick<Config, 'HELPDESK' | 'CHATWOOT_WEBHOOK_SECRET' | 'CHATWOOT_ACCOUNT_ID' | 'CHATWOOT_INBOX_ID'>,
  deps: Pick<ChatwootWebhookOptions, 'inbox' | 'clock' | 'log'>,
): ApiRoute[] {
  if (config.HELPDESK !== 'chatwoot') return [];
  const { CHATWOOT_WEBHOOK_SECRET: secret, CHATWOOT_ACCOUNT_ID: accountId, CHATWOOT_INBOX_ID: inboxId } = config;
  // config.ts refuses HELPDESK=chatwoot without these; a host that skipped it must not open an unchecked door.
  if (!secret || !accountId || !inboxId) throw new Error('HELPDESK=chatwoot needs CHATWOOT_WEBHOOK_SECRET, CHATWOOT_ACCOUNT_ID and CHATWOOT_INBOX_ID');
  return [chatwootWebhookRoute({ secret, accountId, inboxId, ...deps })];
}

/** Webhooks carry ISO times ("2021-07-23T18:02:48.000Z"); older releases wrote "2020-03-03 13:05:57 UTC". */
function sentAt(value: string | undefined): Date | undefined {
  if (typeof value !== 'string') return undefined;
  const iso = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC$/.test(value) ? `${value.replace(' ', 'T').replace(' UTC', '')}Z` : value;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function sameAnswer(message: CaseMessage, text: string, at: Date): boolean {
  return message.from === 'agent' && message.text === text && message.at === at.toISOString();
}
