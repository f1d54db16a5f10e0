import { beforeEach, describe, expect, it } from 'vitest';
import { chatwootWebhookRoute, helpDeskRoutes } from '../../../lambda/inbox/chatwoot-webhook';
import type { ApiRequest } from '../../../lambda/inbox/http';
import { createApiRouter } from '../../../lambda/inbox/router';
import { CHATWOOT_WEBHOOK_PATH } from '../../../skill/helpdesk/chatwoot/protocol';
import { chatwootSignature } from '../../../skill/helpdesk/chatwoot/webhook-signature';
import { FixedClock, MemoryHandoffCases, SilentLog } from '../../helpers/fakes';
import { MemoryHelpDeskInbox } from './memory-inbox';

const SECRET = 'inbox-webhook-secret-0123456789';
const NOW = new Date('2026-11-23T15:00:00.000Z');
const SECONDS = String(NOW.getTime() / 1000);

/** A message_created delivery as Chatwoot sends it for an agent's public reply in conversation 12. */
function agentReply(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    event: 'message_created',
    id: 501,
    content: 'We are sending a new box today.',
    created_at: '2026-11-23T14:59:30.000Z',
    message_type: 'outgoing',
    content_type: 'text',
    content_attributes: {},
    source_id: null,
    private: false,
    sender: { id: 1, name: 'Dana Agent', available_name: 'Dana', type: 'user' },
    inbox: { id: 3, name: 'vocart' },
    conversation: { id: 12, inbox_id: 3, channel: 'Channel::Api', status: 'open' },
    account: { id: 7, name: 'Shop' },
    ...overrides,
  };
}

function delivery(payload: unknown, options: { secret?: string; timestamp?: string; signature?: string | null } = {}): ApiRequest {
  const rawBody = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = options.timestamp ?? SECONDS;
  const signature = options.signature === undefined ? chatwootSignature(options.secret ?? SECRET, timestamp, rawBody) : options.signature;
  return {
    method: 'POST',
    path: CHATWOOT_WEBHOOK_PATH,
    query: new URLSearchParams(),
    headers: { 'content-type': 'application/json', 'x-chatwoot-timestamp': timestamp, ...(signature === null ? {} : { 'x-chatwoot-signature': signature }) },
    rawBody,
  };
}

describe('the Chatwoot webhook route', () => {
  let cases: MemoryHandoffCases;
  let inbox: MemoryHelpDeskInbox;
  let log: SilentLog;
  let caseId: string;
  const route = () => chatwootWebhookRoute({ secret: SECRET, accountId: 7, inboxId: 3, inbox, clock: new FixedClock(NOW), log });

  beforeEach(async () => {
    cases = new MemoryHandoffCases(new FixedClock(new Date('2026-11-23T14:00:00.000Z')));
    inbox = new MemoryHelpDeskInbox(cases);
    log = new SilentLog();
    const handoff = await cases.open({ customerId: 'c1', channel: 'google', locale: 'de-DE', reason: 'asked-for-person', transcript: [], transcriptShared: false, cart: [] });
    caseId = handoff.caseId;
    await inbox.setExternalId(caseId, '12');
  });

  it('is a POST route that checks its caller itself, at the path the stack prints', () => {
    expect(route()).toMatchObject({ method: 'POST', pattern: '/api/helpdesk/chatwoot', auth: 'own' });
  });

  it("records a correctly signed agent reply as the person's answer, with the time Chatwoot gives and the agent's name", async () => {
    const response = await route().handle(delivery(agentReply()), {});
    expect(response).toMatchObject({ status: 200, body: { ok: true, caseId } });
    const handoff = cases.cases.get(caseId)!;
    expect(handoff.messages).toEqual([{ from: 'agent', text: 'We are sending a new box today.', at: '2026-11-23T14:59:30.000Z', agentName: 'Dana' }]);
    expect(cases.answers.get('c1')).toEqual([{ caseId, text: 'We are sending a new box today.', at: '2026-11-23T14:59:30.000Z', agentName: 'Dana' }]);
  });

  it.each([
    ['signed with another secret', { secret: 'someone-elses-secret-0123456789' }],
    ['without a signature', { signature: null }],
    ['with a signature that is no hex digest', { signature: 'sha256=not-hex' }],
    ['replayed ten minutes later', { timestamp: String(NOW.getTime() / 1000 - 600) }],
  ])('refuses a delivery %s with 401, before reading it', async (_label, options) => {
    const response = await route().handle(delivery(agentReply(), options), {});
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: { code: 'bad-signature', message: 'The webhook signature is missing, stale or wrong.' } });
    expect(inbox.calls.filter((call) => call.startsWith('reply'))).toEqual([]);
  });

  it('refuses a body altered after signing', async () => {
    const request = delivery(agentReply());
    const response = await route().handle({ ...request, rawBody: request.rawBody.replace('new box', 'refund of 500 dollars') }, {});
    expect(response.status).toBe(401);
  });

  it('answers 400 to a signed body that is not JSON', async () => {
    expect((await route().handle(delivery('{not json'), {})).status).toBe(400);
  });

  it.each([
    ['another event', { event: 'conversation_updated' }, 'event'],
    ["the shopper's own message echoed back", { message_type: 'incoming', sender: { id: 4, name: 'Shopper 1a2b3c4d', type: 'contact' } }, 'not a public agent message'],
    ["a private note (vocart's case note among them)", { private: true }, 'not a public agent message'],
    ['an activity message', { message_type: 'activity' }, 'not a public agent message'],
    ['an agent bot, which is not a person', { sender: { id: 2, name: 'Bot', type: 'agent_bot' } }, 'not a person'],
    ['another account', { account: { id: 8 } }, 'another account'],
    ['another inbox', { conversation: { id: 12, inbox_id: 4 }, inbox: { id: 4 } }, 'another inbox'],
    ['an empty reply', { content: '   ' }, 'no text'],
    ['a conversation vocart did not open', { conversation: { id: 99, inbox_id: 3 } }, 'not a vocart conversation'],
  ])('acknowledges %s with 200 and changes nothing', async (_label, change, reason) => {
    const response = await route().handle(delivery(agentReply(change)), {});
    expect(response).toMatchObject({ status: 200, body: { ok: true, ignored: reason } });
    expect(cases.cases.get(caseId)!.messages).toEqual([]);
  });

  it('closes the case when its conversation is resolved in Chatwoot, and only then', async () => {
    const statusChanged = (status: string, overrides: Record<string, unknown> = {}) => ({ event: 'conversation_status_changed', id: 12, inbox_id: 3, channel: 'Channel::Api', status, ...overrides });
    expect((await route().handle(delivery(statusChanged('pending')), {})).body).toMatchObject({ ignored: 'not resolved' });
    expect((await route().handle(delivery(statusChanged('resolved', { inbox_id: 4 })), {})).body).toMatchObject({ ignored: 'another inbox' });
    expect((await route().handle(delivery(statusChanged('resolved', { id: 99 })), {})).body).toMatchObject({ ignored: 'not a vocart conversation' });
    expect(cases.cases.get(caseId)!.state).toBe('open');
    // Unsigned, it changes nothing either.
    expect((await route().handle(delivery(statusChanged('resolved'), { signature: null }), {})).status).toBe(401);
    const closed = await route().handle(delivery(statusChanged('resolved')), {});
    expect(closed).toMatchObject({ status: 200, body: { ok: true, caseId, state: 'closed' } });
    expect(cases.cases.get(caseId)!.state).toBe('closed');
    expect((await route().handle(delivery(statusChanged('resolved')), {})).body).toMatchObject({ ignored: 'already closed' });
  });

  it('records a delivery Chatwoot repeats only once', async () => {
    await route().handle(delivery(agentReply()), {});
    const again = await route().handle(delivery(agentReply()), {});
    expect(again.body).toMatchObject({ ignored: 'already delivered' });
    expect(cases.cases.get(caseId)!.messages).toHaveLength(1);
  });

  it('reads the older "… UTC" time format too', async () => {
    await route().handle(delivery(agentReply({ created_at: '2026-11-23 14:59:30 UTC' })), {});
    expect(cases.cases.get(caseId)!.messages[0]!.at).toBe('2026-11-23T14:59:30.000Z');
  });

  it('logs ids and reasons only, never what the agent wrote', async () => {
    await route().handle(delivery(agentReply()), {});
    await route().handle(delivery(agentReply(), { signature: null }), {});
    expect(JSON.stringify(log.entries)).not.toContain('new box');
    expect(log.entries.map((entry) => entry.message)).toEqual(['chatwoot agent reply recorded', 'chatwoot webhook refused']);
  });

  it('is mounted only when the configuration names Chatwoot', () => {
    const deps = { inbox, clock: new FixedClock(NOW), log };
    expect(helpDeskRoutes({ HELPDESK: 'inbox', CHATWOOT_WEBHOOK_SECRET: undefined, CHATWOOT_ACCOUNT_ID: undefined, CHATWOOT_INBOX_ID: undefined }, deps)).toEqual([]);
    const routes = helpDeskRoutes({ HELPDESK: 'chatwoot', CHATWOOT_WEBHOOK_SECRET: SECRET, CHATWOOT_ACCOUNT_ID: 7, CHATWOOT_INBOX_ID: 3 }, deps);
    expect(routes.map((mounted) => `${mounted.method} ${mounted.pattern} ${mounted.auth}`)).toEqual(['POST /api/helpdesk/chatwoot own']);
  });

  it("passes the inbox API's router without the console's bearer token, which Chatwoot cannot send, and is still refused unsigned", async () => {
    const router = createApiRouter({ routes: [route()], token: async () => 'console-token-0123456789abcdef', log });
    expect((await router(delivery(agentReply()))).status).toBe(200);
    expect((await router(delivery(agentReply({ id: 502, content: 'Another answer' }), { signature: null }))).status).toBe(401);
    expect(cases.cases.get(caseId)!.messages.map((message) => message.text)).toEqual(['We are sending a new box today.']);
  });
});
