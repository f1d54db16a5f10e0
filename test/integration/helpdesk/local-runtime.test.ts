/**
 * `npm start` and `npm run chat` with HELPDESK=chatwoot: the runtime relays the cases the core opens to Chatwoot
 * in-process, after the store's write and without the turn waiting for it.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { startLocalRuntime, type LocalRuntime } from '../../../lambda/local/runtime';
import { FakeChatwoot } from '../../helpers/fake-chatwoot';
import { uniqueTableName } from '../../helpers/store';

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

  it('relays a case written through the store the core uses, and its later shopper message', async () => {
    expect(runtime.relay).toBeDefined();
    const opened = await runtime.app.store.handoffs.open({
      customerId: 'local-shopper',
      channel: 'google',
      locale: 'de-DE',
      reason: 'asked-for-person',
      transcript: [],
      transcriptShared: false,
      cart: [],
    });
    // The write is back before the help desk heard of it.
    expect(chatwoot.conversations).toHaveLength(0);
    await runtime.relay!.settled();
    expect(chatwoot.conversations).toHaveLength(1);

    await runtime.app.store.handoffs.shopperReply('local-shopper', 'bitte schnell', new Date());
    await runtime.relay!.settled();
    expect(chatwoot.conversations[0]!.messages.at(-1)).toMatchObject({ messageType: 'incoming', content: 'bitte schnell' });
    expect(opened.caseId).toBeDefined();
  });

  it('keeps the turn whole when Chatwoot is down: the case is in the table, the failure only logged', async () => {
    chatwoot.failNext('contacts', 503);
    const opened = await runtime.app.store.handoffs.open({
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
