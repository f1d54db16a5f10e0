/**
 * `npm start` and `npm run chat` with HELPDESK=chatwoot: the runtime relays the cases the core opens to Chatwoot
 * in-process, after the store's write and without the turn waiting for it.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../../lambda/local/runtime';
import { FakeChatwoot } from '../../helpers/fake-chatwoot';
import { uniqueTableName } from '../../helpers/store';
import type { Turn } from '../../../skill/core/turn';

describe('the local runtime with HELPDESK=chatwoot', () => {
  const chatwoot = new FakeChatwoot();
  let runtime: LocalRuntime;

  beforeAll(async () => {
    await chatwoot.start();
    runtime = await startLocalRuntime({
      env: {
        TABLE_NAME: uniqueTableName('vocart-helpdesk-local'),
        DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
        DYNAMODB_TIMEOUT_MS: '4000',
        LOG_LEVEL: 'SILENT',
        HELPDESK: 'chatwoot',
        CHATWOOT_BASE_URL: chatwoot.baseUrl,
        CHATWOOT_ACCOUNT_ID: String(chatwoot.accountId),
        CHATWOOT_INBOX_ID: String(chatwoot.inboxId),
        CHATWOOT_API_TOKEN: chatwoot.apiToken,
        CHATWOOT_WEBHOOK_SECRET: chatwoot.webhookSecret,
      },
    });
  });

  afterAll(async () => {
    await runtime?.stop();
    await chatwoot.stop();
  });

  it('relays a case the core opens in a turn, and the later message of its shopper, after the turn', async () => {
    expect(runtime.relay).toBeDefined();
    const turn = (intent: Turn['intent'], slots: Turn['slots'], requestId: string): Turn => ({
      intent,
      slots,
      locale: 'de-DE',
      customer: { platform: 'google', platformUserId: 'local-shopper' },
      session: {},
      newSession: false,
      dialog: { confirmation: 'NONE' },
      device: { hasScreen: false },
      requestId,
      sessionId: 'projects/demo/agent/sessions/local-shopper',
    });
    await runtime.app.core.handle(turn('HumanHandoffIntent', {}, 'r1'));
    // The turn is back before the help desk heard of the case.
    expect(chatwoot.conversations).toHaveLength(0);
    await runtime.relay!.settled();
    expect(chatwoot.conversations).toHaveLength(1);

    await runtime.app.core.handle(turn('HandoffReplyIntent', { message: { raw: 'bitte schnell' } }, 'r2'));
    await runtime.relay!.settled();
    expect(chatwoot.conversations[0]!.messages.at(-1)).toMatchObject({ messageType: 'incoming', content: 'bitte schnell' });
  });

  it("passes a shopper's erasure on: after \"delete my data\" and a yes, Chatwoot no longer has their contact or conversation", async () => {
    let session: Turn['session'] = {};
    const say = async (intent: Turn['intent'], requestId: string) => {
      const reply = await runtime.app.core.handle({
        intent,
        slots: {},
        locale: 'en-US',
        customer: { platform: 'google', platformUserId: 'erasing-shopper' },
        session,
        newSession: false,
        dialog: { confirmation: 'NONE' },
        device: { hasScreen: false },
        requestId,
        sessionId: 'projects/demo/agent/sessions/erasing-shopper',
      });
      session = reply.sessionState;
      return reply;
    };
    await say('HumanHandoffIntent', 'e1');
    await runtime.relay!.settled();
    const conversation = chatwoot.conversations.at(-1)!;
    const contactId = conversation.contactId;
    const others = chatwoot.contacts.filter((contact) => contact.id !== contactId).map((contact) => contact.id);
    expect(others.length).toBeGreaterThan(0);

    await say('DeleteMyDataIntent', 'e2');
    const erased = await say('Yes', 'e3');
    expect(erased.endSession).toBe(true);
    await runtime.relay!.settled();

    expect(chatwoot.callsTo('delete_contact').map((call) => [call.path, call.status])).toEqual([[`/api/v1/accounts/7/contacts/${contactId}`, 200]]);
    expect(chatwoot.contacts.map((contact) => contact.id)).toEqual(others);
    expect(chatwoot.conversation(conversation.id)).toBeUndefined();
  });

  it('keeps the turn whole when Chatwoot is down: the case is in the table, the failure only logged', async () => {
    chatwoot.failNext('contacts', 503);
    const opened = await runtime.relay!.open({
      customerId: 'local-shopper-2',
      channel: 'alexa',
      locale: 'en-US',
      reason: 'repeated-misses',
      transcript: [],
      transcriptShared: false,
      cart: [],
    });
    await runtime.relay!.settled();
    expect(opened.state).toBe('open');
    expect(chatwoot.conversations).toHaveLength(1);
  });
});
