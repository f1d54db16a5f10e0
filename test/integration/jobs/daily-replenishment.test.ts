/**
 * The daily run against DynamoDB Local and the fake Amazon API: today's partition only, page by page, consent
 * and snoozes respected, one message per customer and purchase however often or concurrently it runs, failures
 * handled as documented in skill/jobs/daily-replenishment.ts, and the message turning into a reminder in the skill.
 */
import { QueryCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { RequestEnvelope } from 'ask-sdk-model';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDailyReplenishment, type DailyRunDeps, type RunReport } from '../../../skill/jobs/daily-replenishment';
import { decodeReplenishmentMessage } from '../../../skill/platforms/alexa/replenishment-message';
import { createAlexaSkill } from '../../../skill/platforms/alexa/skill';
import { LwaTokenSource, SkillMessagingClient } from '../../../skill/platforms/alexa/skill-messaging';
import { DynamoDueIndex } from '../../../skill/store/due-index';
import { FakeAmazonApi } from '../../helpers/fake-amazon-api';
import { FixedClock, SAMPLE_PRODUCTS, SilentLog, WordMatchCatalog, memoryCoreDeps } from '../../helpers/fakes';
import { createTestStore } from '../../helpers/store';
import { consentRecord, predictionRecord, writeRecords, type ConsentSpec, type PredictionSpec } from './prediction-items';
import { createConversationCore } from '../../../skill/core/conversation/engine';

const TODAY = '2026-11-23';
const NOW = new Date(`${TODAY}T06:00:00.000Z`);
const SKILL_ID = 'amzn1.ask.skill.0b9c4d2e-1a7f-4c6b-8e53-7d1f2a9b6c30';
const user = (customerId: string) => `amzn1.ask.account.${customerId.toUpperCase()}`;

describe('daily replenishment run on DynamoDB Local', () => {
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let amazon: FakeAmazonApi;
  let log: SilentLog;
  const clock = new FixedClock(NOW);

  beforeEach(async () => {
    store = await createTestStore(clock);
    amazon = await new FakeAmazonApi().start();
    log = new SilentLog();
  });

  afterEach(async () => {
    await amazon.stop();
  });

  async function given(predictions: PredictionSpec[], consents: ConsentSpec[]) {
    await writeRecords(store.client, store.tableName, [...predictions.map(predictionRecord), ...consents.flatMap(consentRecord)]);
  }

  function deps(options: { pageSize?: number; secret?: string; delivery?: boolean } = {}): DailyRunDeps {
    const tokens = new LwaTokenSource({ tokenUrl: amazon.tokenUrl, clientId: amazon.clientId, clientSecret: options.secret ?? amazon.clientSecret });
    return {
      due: new DynamoDueIndex(store.client, store.tableName, { pageSize: options.pageSize ?? 3 }),
      ...(options.delivery === false ? {} : { sender: new SkillMessagingClient({ apiEndpoint: amazon.baseUrl, tokens }) }),
      log,
      clock,
    };
  }

  const run = (options?: Parameters<typeof deps>[0]): Promise<RunReport> => runDailyReplenishment(deps(options), NOW);

  /** Products each Alexa user was messaged about, sorted. */
  function messaged(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const message of amazon.messages) (out[message.userId] ??= []).push(...decodeReplenishmentMessage(message.data).productIds);
    for (const ids of Object.values(out)) ids.sort();
    return out;
  }

  const consenting = (customerId: string, extra: Partial<ConsentSpec> = {}): ConsentSpec => ({ customerId, granted: true, alexaUserId: user(customerId), ...extra });

  it('reads only today\'s partition, through several pages of Query (never a Scan), and messages each customer once', async () => {
    const today = ['c1', 'c2', 'c3'].flatMap((customerId) =>
      ['milk-1', 'milk-2', 'coffee-1'].map((productId) => ({ customerId, productId, dueDay: TODAY })),
    );
    await given(
      [...today, { customerId: 'c1', productId: 'coffee-2', dueDay: '2026-11-22' }, { customerId: 'c2', productId: 'coffee-2', dueDay: '2026-11-24' }],
      [consenting('c1', { locale: 'de-DE' }), consenting('c2'), consenting('c3')],
    );
    const sent: string[] = [];
    const original = store.client.send.bind(store.client);
    store.client.send = ((command: unknown, ...rest: unknown[]) => {
      sent.push((command as object).constructor.name);
      if (command instanceof QueryCommand) expect(command.input.ExpressionAttributeValues?.[':due']).toEqual({ S: `DUE#${TODAY}` });
      return (original as (...args: unknown[]) => unknown)(command, ...rest);
    }) as typeof store.client.send;

    const report = await run({ pageSize: 2 });

    expect(report).toMatchObject({ day: TODAY, read: 9, due: 9, claimed: 9, sent: 9, messages: 3, retryable: false });
    expect(sent.filter((name) => name === 'QueryCommand').length).toBeGreaterThanOrEqual(5);
    expect(sent).not.toContain(ScanCommand.name);
    const expected = ['coffee-1', 'milk-1', 'milk-2'];
    expect(messaged()).toEqual({ [user('c1')]: expected, [user('c2')]: expected, [user('c3')]: expected });
    expect(amazon.messages.find((message) => message.userId === user('c1'))?.data).toMatchObject({ locale: 'de-DE', dueDay: TODAY });
    // No names, no addresses in what leaves for Amazon; no ids of people in the logs.
    expect(JSON.stringify(amazon.messages.map((message) => message.data))).not.toMatch(/Milk|Coffee|CUSTOMER#/);
    expect(JSON.stringify(log.entries)).not.toMatch(/amzn1\.ask\.account|c1|c2|c3/);
  });

  it('skips who did not agree, who agreed elsewhere, excluded and snoozed products and thin histories', async () => {
    await given(
      [
        { customerId: 'none', productId: 'milk-1', dueDay: TODAY },
        { customerId: 'withdrawn', productId: 'milk-1', dueDay: TODAY },
        { customerId: 'google', productId: 'milk-1', dueDay: TODAY },
        { customerId: 'picky', productId: 'milk-1', dueDay: TODAY },
        { customerId: 'picky', productId: 'coffee-1', dueDay: TODAY },
        { customerId: 'sleepy', productId: 'milk-1', dueDay: TODAY, snoozedUntil: '2026-11-25' },
        { customerId: 'sleepy', productId: 'milk-2', dueDay: TODAY, snoozedUntil: TODAY },
        { customerId: 'new', productId: 'milk-1', dueDay: TODAY, purchases: 1 },
      ],
      [{ customerId: 'withdrawn', granted: false }, { customerId: 'google', granted: true }, consenting('picky', { excludedProducts: ['coffee-1'] }), consenting('sleepy'), consenting('new')],
    );
    const report = await run();
    expect(report.skipped).toMatchObject({ 'no-consent': 2, 'no-alexa-user': 1, excluded: 1, snoozed: 1, 'too-little-history': 1 });
    // A snooze that ends today no longer holds the product back.
    expect(messaged()).toEqual({ [user('picky')]: ['milk-1'], [user('sleepy')]: ['milk-2'] });
    expect(report).toMatchObject({ read: 8, due: 2, sent: 2 });
  });

  it('sends nothing the second time: one message per product and purchase, and a new purchase starts over', async () => {
    await given([{ customerId: 'c1', productId: 'milk-1', dueDay: TODAY }, { customerId: 'c2', productId: 'milk-1', dueDay: TODAY }], [consenting('c1'), consenting('c2')]);
    const first = await run();
    const second = await run();
    expect(first.sent).toBe(2);
    expect(second).toMatchObject({ read: 2, claimed: 0, sent: 0, messages: 0 });
    expect(second.skipped['already-reminded']).toBe(2);
    expect(amazon.messages).toHaveLength(2);

    // c1 buys milk again (purchase 4) and it falls due again today: a new cycle, a new reminder.
    await given([{ customerId: 'c1', productId: 'milk-1', dueDay: TODAY, purchases: 4, lastOrderNumber: 4 }], []);
    const third = await run();
    expect(third.sent).toBe(1);
    expect(messaged()[user('c1')]).toEqual(['milk-1', 'milk-1']);
  });

  it('sends once when two runs race over the same partition', async () => {
    const customers = Array.from({ length: 12 }, (_, index) => `racer${index}`);
    await given(
      customers.flatMap((customerId) => [
        { customerId, productId: 'milk-1', dueDay: TODAY },
        { customerId, productId: 'coffee-1', dueDay: TODAY },
      ]),
      customers.map((customerId) => consenting(customerId)),
    );
    const [a, b] = await Promise.all([run({ pageSize: 5 }), run({ pageSize: 7 })]);
    expect(a.sent + b.sent).toBe(24);
    expect(a.claimed + b.claimed).toBe(24);
    const counts = new Map<string, number>();
    for (const message of amazon.messages) {
      for (const id of decodeReplenishmentMessage(message.data).productIds) counts.set(`${message.userId}/${id}`, (counts.get(`${message.userId}/${id}`) ?? 0) + 1);
    }
    expect(counts.size).toBe(24);
    expect([...counts.values()].every((count) => count === 1)).toBe(true);
  });

  it('keeps the claim of a user who is gone (404) or forbidden (403): counted, never retried', async () => {
    await given(
      [
        { customerId: 'gone', productId: 'milk-1', dueDay: TODAY },
        { customerId: 'blocked', productId: 'milk-1', dueDay: TODAY },
        { customerId: 'fine', productId: 'milk-1', dueDay: TODAY },
      ],
      [consenting('gone'), consenting('blocked'), consenting('fine')],
    );
    amazon.userGone(user('gone'));
    amazon.userForbidden(user('blocked'));
    const first = await run();
    expect(first).toMatchObject({ claimed: 3, sent: 1, released: 0, retryable: false });
    expect(first.failed).toMatchObject({ 'user-gone': 1, forbidden: 1 });
    const again = await run();
    expect(again).toMatchObject({ claimed: 0, sent: 0 });
    expect(amazon.callsTo('skillmessages')).toHaveLength(3);
  });

  it('gives a claim back after a transient failure, so a rerun of the day sends exactly what is missing', async () => {
    await given([{ customerId: 'a', productId: 'milk-1', dueDay: TODAY }, { customerId: 'b', productId: 'milk-1', dueDay: TODAY }, { customerId: 'c', productId: 'milk-1', dueDay: TODAY }], [consenting('a'), consenting('b'), consenting('c')]);
    amazon.failNext('skillmessages', 503);
    const first = await runDailyReplenishment({ ...deps(), concurrency: 1 }, NOW);
    expect(first).toMatchObject({ claimed: 3, sent: 2, released: 1, retryable: true });
    expect(first.failed.transient).toBe(1);
    const retry = await run();
    expect(retry).toMatchObject({ claimed: 1, sent: 1, retryable: false });
    expect(Object.keys(messaged()).sort()).toEqual([user('a'), user('b'), user('c')]);
    expect(amazon.messages).toHaveLength(3);
  });

  it('stops at credentials LWA refuses, gives the claims back, and a run with the right ones sends everything', async () => {
    await given([{ customerId: 'a', productId: 'milk-1', dueDay: TODAY }, { customerId: 'b', productId: 'milk-1', dueDay: TODAY }], [consenting('a'), consenting('b')]);
    const refused = await runDailyReplenishment({ ...deps({ secret: 'wrong' }), concurrency: 1 }, NOW);
    expect(refused).toMatchObject({ stopped: 'credentials-rejected', sent: 0, claimed: 1, released: 1 });
    expect(refused.skipped['run-stopped']).toBe(1);
    const fixed = await run();
    expect(fixed.sent).toBe(2);
  });

  it('without credentials claims nothing and says delivery is disabled', async () => {
    await given([{ customerId: 'a', productId: 'milk-1', dueDay: TODAY }], [consenting('a')]);
    const disabled = await run({ delivery: false });
    expect(disabled).toMatchObject({ deliveryEnabled: false, due: 1, claimed: 0, sent: 0 });
    expect(disabled.skipped['delivery-disabled']).toBe(1);
    expect(log.entries.some((entry) => entry.level === 'warn' && /delivery disabled/.test(entry.message))).toBe(true);
    expect((await run()).sent).toBe(1);
  });

  it('ends in a reminder: the skill turns the delivered message into a Reminders API call', async () => {
    await given([{ customerId: 'c1', productId: 'coffee-1', dueDay: TODAY }], [consenting('c1', { locale: 'en-US' })]);
    await run();
    const [message] = amazon.messages;
    // The core decides the reminders (what they say, when they ring); the skill delivers them.
    const skill = createAlexaSkill({ core: createConversationCore(memoryCoreDeps({ catalog: new WordMatchCatalog(SAMPLE_PRODUCTS) })), log, config: { ALEXA_SKILL_ID: SKILL_ID } });
    const envelope = {
      version: '1.0',
      context: {
        System: {
          application: { applicationId: SKILL_ID },
          user: { userId: message!.userId },
          apiEndpoint: amazon.baseUrl,
          apiAccessToken: amazon.sessionToken({ reminders: true }),
        },
      },
      request: { type: 'Messaging.MessageReceived', requestId: 'amzn1.echo-api.request.m1', timestamp: NOW.toISOString(), message: message!.data },
    } as unknown as RequestEnvelope;
    await skill.invoke(envelope);
    expect(amazon.reminders.map((reminder) => reminder.body)).toEqual([
      {
        requestTime: expect.any(String),
        trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: `${TODAY}T09:00:00.000` },
        alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: expect.stringContaining('Ground Coffee Medium Roast') }] } },
        pushNotification: { status: 'ENABLED' },
      },
    ]);
  });
});
