/**
 * The whole Chatwoot loop on real parts: the store on DynamoDB Local, the relay, the adapter over HTTP to the
 * Chatwoot fake, and the webhook route served over HTTP. A shopper's case reaches Chatwoot; an agent's reply there
 * comes back signed, lands on the case and waits in the shopper's answers item for their next launch.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStreamHandler } from '../../../lambda/handoff-relay';
import { chatwootWebhookRoute } from '../../../lambda/inbox/chatwoot-webhook';
import type { ApiRoute } from '../../../lambda/inbox/http';
import type { NewHandoffCase } from '../../../skill/core/handoff/case';
import type { HandoffInbox } from '../../../skill/core/ports';
import { createCaseReader, createHandoffRelay, helpDeskFromConfig, relayingHandoffCases, type HandoffRelay } from '../../../skill/helpdesk';
import { CHATWOOT_WEBHOOK_PATH } from '../../../skill/helpdesk/chatwoot/protocol';
import { customerPk, SK } from '../../../skill/store/keys';
import { FakeChatwoot } from '../../helpers/fake-chatwoot';
import { SilentLog } from '../../helpers/fakes';
import { createTestInbox, createTestStore, systemClock } from '../../helpers/store';

/** Serves one route the way the inbox hosts do: the raw body, lower-case headers, the route's answer as JSON. */
async function serve(route: ApiRoute): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    let rawBody = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (rawBody += chunk));
    request.on('end', async () => {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const headers = Object.fromEntries(Object.entries(request.headers).map(([name, value]) => [name, Array.isArray(value) ? value[0] : value]));
      const answer =
        request.method === route.method && url.pathname === route.pattern
          ? await route.handle({ method: request.method, path: url.pathname, query: url.searchParams, headers, rawBody }, {})
          : { status: 404, body: { error: 'no route' } };
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body ?? null));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${CHATWOOT_WEBHOOK_PATH}`, server };
}

const NEW_CASE = (customerId: string): NewHandoffCase => ({
  customerId,
  channel: 'alexa',
  locale: 'en-US',
  reason: 'order-problem',
  problem: 'missing',
  orderId: 'ord-77',
  transcript: [{ at: '2026-12-01T09:59:00.000Z', shopper: 'items are missing', bot: 'I am sorry. A person from the shop will answer.', intent: 'OrderProblemIntent' }],
  transcriptShared: true,
  cart: [{ productId: 'p001', quantity: 1 }],
});

describe('Chatwoot relay and webhook on DynamoDB Local', () => {
  const chatwoot = new FakeChatwoot();
  const log = new SilentLog();
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let inbox: HandoffInbox;
  let relay: HandoffRelay;
  let webhook: { url: string; server: Server };

  beforeAll(async () => {
    await chatwoot.start();
    store = await createTestStore();
    inbox = createTestInbox(store);
    const helpDesk = helpDeskFromConfig(
      { HELPDESK: 'chatwoot', CHATWOOT_BASE_URL: chatwoot.baseUrl, CHATWOOT_ACCOUNT_ID: chatwoot.accountId, CHATWOOT_INBOX_ID: chatwoot.inboxId, CHATWOOT_API_TOKEN: chatwoot.apiToken },
      inbox,
    )!;
    relay = createHandoffRelay({ helpDesk, read: createCaseReader(store.client, store.tableName), inbox, log });
    webhook = await serve(
      chatwootWebhookRoute({ secret: chatwoot.webhookSecret, accountId: chatwoot.accountId, inboxId: chatwoot.inboxId, inbox, clock: systemClock, log }),
    );
    chatwoot.webhookUrl = webhook.url;
  });

  afterAll(async () => {
    await chatwoot.stop();
    await new Promise((resolve) => webhook.server.close(resolve));
  });

  it("case opened → relayed to Chatwoot → the agent's reply comes back, on the case and in the shopper's answers", async () => {
    const cases = relayingHandoffCases(store.handoffs, relay, log);
    const opened = await cases.open(NEW_CASE('shopper-int-1'));
    await cases.settled();

    const linked = await inbox.get(opened.caseId);
    expect(linked?.externalId).toBe(String(chatwoot.conversations.at(-1)!.id));
    const conversation = chatwoot.conversation(linked!.externalId!)!;
    expect(conversation.messages[0]).toMatchObject({ private: true, messageType: 'outgoing' });
    expect(conversation.messages[0]!.content).toContain('shopper: items are missing');

    expect(await chatwoot.agentReplies(conversation.id, 'Your missing items are on their way.', { agentName: 'Dana' })).toBe(200);

    const answered = await inbox.get(opened.caseId);
    expect(answered?.messages).toEqual([expect.objectContaining({ from: 'agent', text: 'Your missing items are on their way.', agentName: 'Dana' })]);
    expect(answered?.firstReplyAt).toBeDefined();
    const snapshot = await store.customers.load('shopper-int-1', { answers: true });
    expect(snapshot.pendingAnswers).toEqual([expect.objectContaining({ caseId: opened.caseId, text: 'Your missing items are on their way.', agentName: 'Dana' })]);

    // "Tell them …": the shopper's answer goes on to the same conversation as an incoming message.
    await cases.shopperReply('shopper-int-1', 'thank you, the eggs too please', new Date());
    await cases.settled();
    expect(conversation.messages.at(-1)).toMatchObject({ messageType: 'incoming', private: false, content: 'thank you, the eggs too please' });
  });

  it('refuses a forged agent reply (wrong secret) with 401 and leaves the case as it was', async () => {
    const cases = relayingHandoffCases(store.handoffs, relay, log);
    const opened = await cases.open(NEW_CASE('shopper-int-2'));
    await cases.settled();
    const { externalId } = (await inbox.get(opened.caseId))!;
    expect(await chatwoot.agentReplies(Number(externalId), 'Send your PIN to me', { secret: 'a-guessed-secret-0123456789' })).toBe(401);
    expect(await chatwoot.agentReplies(Number(externalId), 'An internal note', { private: true })).toBe(200);
    expect((await inbox.get(opened.caseId))?.messages).toEqual([]);
    expect((await store.customers.load('shopper-int-2', { answers: true })).pendingAnswers).toBeUndefined();
  });

  it("reads the store's real case items off the stream: one conversation however often the insert comes", async () => {
    const before = chatwoot.conversations.length;
    const opened = await store.handoffs.open(NEW_CASE('shopper-int-3'));
    const raw = await store.client.send(
      new GetItemCommand({ TableName: store.tableName, Key: marshall({ pk: customerPk('shopper-int-3'), sk: SK.handoff(opened.caseId) }), ConsistentRead: true }),
    );
    const insert: DynamoDBRecord = {
      eventName: 'INSERT',
      dynamodb: { Keys: marshall({ pk: customerPk('shopper-int-3'), sk: SK.handoff(opened.caseId) }) as never, NewImage: raw.Item as never, SequenceNumber: '1' },
    };
    const handler = createStreamHandler(() => ({ relay, log }));
    expect(await handler({ Records: [insert, insert] })).toEqual({ batchItemFailures: [] });
    expect(chatwoot.conversations.length).toBe(before + 1);

    // The shopper writes: the stream's old and new images (the store's own layout) show one new message.
    const oldImage = (await store.client.send(new GetItemCommand({ TableName: store.tableName, Key: insert.dynamodb!.Keys as never, ConsistentRead: true }))).Item;
    await store.handoffs.shopperReply('shopper-int-3', 'are you there?', new Date());
    const newImage = (await store.client.send(new GetItemCommand({ TableName: store.tableName, Key: insert.dynamodb!.Keys as never, ConsistentRead: true }))).Item;
    const modify: DynamoDBRecord = { eventName: 'MODIFY', dynamodb: { Keys: insert.dynamodb!.Keys, OldImage: oldImage as never, NewImage: newImage as never, SequenceNumber: '2' } };
    expect(await handler({ Records: [modify] })).toEqual({ batchItemFailures: [] });
    expect(chatwoot.conversations.at(-1)!.messages.at(-1)).toMatchObject({ messageType: 'incoming', content: 'are you there?' });
  });
});
