import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Product } from '../../../../skill/core/catalog/product';
import type { Reply } from '../../../../skill/core/turn';
import { encodeReplenishmentMessage } from '../../../../skill/platforms/alexa/replenishment-message';
import { buildReminderRequest, classifyReminderError, createReminders, InvalidReminderError } from '../../../../skill/platforms/alexa/reminders';
import { RemindersApiError, RemindersClient, RemindersUnreachableError } from '../../../../skill/platforms/alexa/reminders-client';
import { REMINDERS_SCOPE } from '../../../../skill/platforms/alexa/request-to-turn';
import { createAlexaSkill } from '../../../../skill/platforms/alexa/skill';
import { stripSsml } from '../../../helpers/alexa-driver';
import { FakeAmazonApi } from '../../../helpers/fake-amazon-api';
import { memoryCoreDeps, WordMatchCatalog } from '../../../helpers/fakes';
import { createConversationCore } from '../../../../skill/core/conversation/engine';
import { MemoryLog, RecordingCore } from './fake-core';

const SKILL_ID = 'amzn1.ask.skill.0b9c4d2e-1a7f-4c6b-8e53-7d1f2a9b6c30';
const PRODUCTS: Product[] = [
  { id: 'p-perfume', names: { 'en-US': 'Rose Perfume', 'de-DE': 'Rosenparfüm' } },
  { id: 'p-catfood', names: { 'en-US': 'Dry Cat Food', 'de-DE': 'Katzentrockenfutter' } },
];

describe('buildReminderRequest', () => {
  it('builds an absolute reminder without a time zone, spoken in the locale and pushed to the app', () => {
    const request = buildReminderRequest({ at: '2026-11-25T09:00:00.000', text: 'Your perfume is running low.' }, 'de-DE', new Date('2026-11-23T10:00:00Z'));
    expect(request).toEqual({
      requestTime: '2026-11-23T10:00:00.000',
      trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-25T09:00:00.000' },
      alertInfo: { spokenInfo: { content: [{ locale: 'de-DE', text: 'Your perfume is running low.' }] } },
      pushNotification: { status: 'ENABLED' },
    });
    expect(request.trigger).not.toHaveProperty('timeZoneId');
  });

  it.each(['2026-11-25T09:00:00Z', '2026-11-25', 'tomorrow', '2026-11-25T09:00:00+01:00'])('refuses %s as a time (a zone would override the device\'s)', (at) => {
    expect(() => buildReminderRequest({ at, text: 'x' }, 'en-US')).toThrow(InvalidReminderError);
  });

  it('refuses empty text', () => {
    expect(() => buildReminderRequest({ at: '2026-11-25T09:00', text: '  ' }, 'en-US')).toThrow(InvalidReminderError);
  });
});

describe('reminders against the fake Reminders API', () => {
  const amazon = new FakeAmazonApi();
  let log: MemoryLog;
  let core: RecordingCore;
  const catalog = new WordMatchCatalog(PRODUCTS);

  beforeAll(async () => {
    await amazon.start();
  });
  afterAll(async () => {
    await amazon.stop();
  });
  beforeEach(() => {
    amazon.calls.length = 0;
    amazon.reminders.length = 0;
    log = new MemoryLog();
    core = new RecordingCore();
  });

  const reminderClient = (token: string) => new RemindersClient({ apiEndpoint: amazon.baseUrl, apiAccessToken: token });

  const skill = () => createAlexaSkill({ core, log, config: { ALEXA_SKILL_ID: SKILL_ID } });
  /** The real core over memory stores: a message's reminders are the core's decision, not the adapter's. */
  const realSkill = () => createAlexaSkill({ core: createConversationCore(memoryCoreDeps({ catalog })), log, config: { ALEXA_SKILL_ID: SKILL_ID } });

  function envelope(request: Record<string, unknown>, options: { token?: string; granted?: boolean; session?: boolean } = {}): RequestEnvelope {
    return {
      version: '1.0',
      ...(options.session === false
        ? {}
        : { session: { new: false, sessionId: 'amzn1.echo-api.session.1', application: { applicationId: SKILL_ID }, user: { userId: 'amzn1.ask.account.SHOPPER' }, attributes: {} } }),
      context: {
        System: {
          application: { applicationId: SKILL_ID },
          user: {
            userId: 'amzn1.ask.account.SHOPPER',
            ...(options.granted ? { permissions: { scopes: { [REMINDERS_SCOPE]: { status: 'GRANTED' } } } } : {}),
          },
          device: { deviceId: 'amzn1.ask.device.1', supportedInterfaces: {} },
          apiEndpoint: amazon.baseUrl,
          ...(options.token ? { apiAccessToken: options.token } : {}),
        },
      },
      request: { requestId: 'amzn1.echo-api.request.1', timestamp: new Date().toISOString(), locale: 'en-US', ...request },
    } as unknown as RequestEnvelope;
  }

  const enableReminders = (options: { token?: string; granted?: boolean }) =>
    envelope({ type: 'IntentRequest', intent: { name: 'EnableRemindersIntent', confirmationStatus: 'NONE', slots: {} } }, options);

  const messageReceived = (data: Record<string, string>, token: string, locale = 'en-US') =>
    envelope({ type: 'Messaging.MessageReceived', locale, message: data }, { token, session: false });

  const speechOf = (response: ResponseEnvelope) => stripSsml((response.response.outputSpeech as { ssml?: string } | undefined)?.ssml);

  it('creates the reminders through vocart\'s client with the right body and bearer token', async () => {
    const token = amazon.sessionToken({ reminders: true });
    const outcome = await createReminders(reminderClient(token), [{ at: '2026-11-25T09:00:00.000', text: 'Your perfume is running low.' }], { locale: 'en-US', log });
    expect(outcome).toMatchObject({ created: 1, failed: 0, permissionLost: false });
    expect(amazon.callsTo('reminders')[0]?.authorization).toBe(`Bearer ${token}`);
    expect(amazon.reminders[0]?.body).toMatchObject({
      trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-25T09:00:00.000' },
      alertInfo: { spokenInfo: { content: [{ locale: 'en-US', text: 'Your perfume is running low.' }] } },
      pushNotification: { status: 'ENABLED' },
    });
  });

  it.each([
    ['revoked permission (403)', (token: string) => amazon.revokeReminders(token), 'permission', true],
    ['throttling (429)', () => amazon.failNext('reminders', 429), 'throttled', false],
    ['an outage (503)', () => amazon.failNext('reminders', 503), 'unavailable', false],
    ['a hanging API', () => amazon.failNext('reminders', 503, 1, { delayMs: 1500 }), 'timeout', false],
  ] as const)('reports %s without throwing, stops at the first such failure, and logs no text', async (_label, arrange, failure, permissionLost) => {
    const token = amazon.sessionToken({ reminders: true });
    arrange(token);
    const reminders = [
      { at: '2026-11-25T09:00:00.000', text: 'Your perfume is running low.' },
      { at: '2026-11-26T09:00:00.000', text: 'Your cat food is running low.' },
    ];
    const outcome = await createReminders(reminderClient(token), reminders, { locale: 'en-US', log, deadlineMs: 300 });
    expect(outcome).toMatchObject({ created: 0, failed: 2, permissionLost, failures: [failure] });
    expect(amazon.callsTo('reminders')).toHaveLength(1);
    expect(JSON.stringify(log.entries)).not.toMatch(/perfume|cat food|SHOPPER/i);
  });

  describe('RemindersClient', () => {
    const request = () => buildReminderRequest({ at: '2026-11-25T09:00:00.000', text: 'Your perfume is running low.' }, 'en-US');

    it('POSTs JSON to {apiEndpoint}/v1/alerts/reminders with the bearer token and returns Amazon\'s answer', async () => {
      const token = amazon.sessionToken({ reminders: true });
      // A trailing slash on the endpoint does not double the one in the path.
      const created = await new RemindersClient({ apiEndpoint: `${amazon.baseUrl}/`, apiAccessToken: token }).createReminder(request());
      expect(created).toMatchObject({ alertToken: amazon.reminders[0]?.alertToken, status: 'ON', version: '1' });
      expect(amazon.callsTo('reminders')[0]).toMatchObject({ method: 'POST', path: '/v1/alerts/reminders', contentType: 'application/json', status: 200 });
    });

    it('lists the reminders of the token\'s user with GET', async () => {
      const token = amazon.sessionToken({ reminders: true });
      const client = reminderClient(token);
      await client.createReminder(request());
      const listed = await client.getReminders();
      expect(listed.totalCount).toBe('1');
      expect(listed.alerts?.[0]?.trigger?.scheduledTime).toBe('2026-11-25T09:00:00.000');
      expect(amazon.callsTo('reminders').map((call) => `${call.method} ${call.authorization}`)).toEqual([`POST Bearer ${token}`, `GET Bearer ${token}`]);
    });

    it('turns Amazon\'s error answer into RemindersApiError with its status, code and message', async () => {
      const token = amazon.sessionToken({ reminders: true });
      const bad = { ...request(), trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: 'tomorrow' } } as never;
      const error = await reminderClient(token).createReminder(bad).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RemindersApiError);
      expect(error).toMatchObject({ name: 'RemindersApiError', statusCode: 400, code: 'INVALID_TRIGGER_SCHEDULED_TIME', detail: expect.stringContaining('scheduledTime') });
      expect(classifyReminderError(error)).toBe('invalid');
    });

    it('gives up at its deadline on a server that never answers, and says so', async () => {
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const client = new RemindersClient({ apiEndpoint: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, apiAccessToken: 'token', timeoutMs: 200 });
        const started = Date.now();
        const error = await client.createReminder(request()).catch((caught: unknown) => caught);
        expect(Date.now() - started).toBeLessThan(2000);
        expect(error).toBeInstanceOf(RemindersUnreachableError);
        expect(error).toMatchObject({ name: 'RemindersUnreachableError', timedOut: true });
        expect(classifyReminderError(error)).toBe('timeout');
      } finally {
        silent.closeAllConnections();
        await new Promise<void>((resolve) => silent.close(() => resolve()));
      }
    });

    it('reports a refused connection as unreachable, not as a timeout', async () => {
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const error = await new RemindersClient({ apiEndpoint: `http://127.0.0.1:${port}`, apiAccessToken: 'token' }).getReminders().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'RemindersUnreachableError', timedOut: false });
      expect(classifyReminderError(error)).toBe('unavailable');
    });
  });

  it('a bearer Amazon does not know (401) also counts as a lost permission', async () => {
    const outcome = await createReminders(reminderClient('not-a-token'), [{ at: '2026-11-25T09:00', text: 'x' }], { locale: 'en-US', log });
    expect(outcome).toMatchObject({ permissionLost: true, failures: ['permission'] });
  });

  describe('in a session (Reply.reminders)', () => {
    const reply: Reply = {
      speech: "Okay, I'll remind you when something runs low.",
      reprompt: 'Anything else?',
      endSession: false,
      sessionState: {},
      reminders: [{ at: '2026-11-25T09:00:00.000', text: 'Your Rose Perfume is probably running low.' }],
      ifRemindersRefused: { speech: "Okay, I'll remind you when something runs low. Alexa needs your permission.", askPermission: 'reminders' },
    };

    it('with the permission, creates the reply\'s reminders and answers as the core said', async () => {
      core.reply = reply;
      const token = amazon.sessionToken({ reminders: true });
      const response = await skill().invoke(enableReminders({ token, granted: true }));
      expect(amazon.reminders.map((reminder) => reminder.body.alertInfo.spokenInfo.content[0]?.text)).toEqual(['Your Rose Perfume is probably running low.']);
      expect(speechOf(response)).toContain("Okay, I'll remind you");
      expect(response.response.card).toBeUndefined();
    });

    it('without the permission in the request, creates nothing', async () => {
      core.reply = reply;
      await skill().invoke(enableReminders({ token: amazon.sessionToken({ reminders: false }), granted: false }));
      expect(amazon.callsTo('reminders')).toEqual([]);
    });

    it('when Amazon says the permission is gone, still answers and asks for it again by voice', async () => {
      core.reply = reply;
      const token = amazon.sessionToken({ reminders: false });
      const response = await skill().invoke(enableReminders({ token, granted: true }));
      expect(speechOf(response)).toContain("Okay, I'll remind you");
      expect(speechOf(response)).toMatch(/Alexa needs your permission/);
      expect(response.response.directives).toEqual([
        expect.objectContaining({ type: 'Connections.SendRequest', name: 'AskFor', payload: expect.objectContaining({ permissionScope: REMINDERS_SCOPE }) }),
      ]);
    });

    it("on Alexa's answer to the voice permission request, schedules the core's reminders with the new permission", async () => {
      core.reply = reply;
      const token = amazon.sessionToken({ reminders: true });
      // The answer arrives as a Connections.Response, before the context necessarily lists the scope.
      const answer = envelope(
        { type: 'Connections.Response', status: { code: '200', message: 'OK' }, name: 'AskFor', payload: { permissionScope: REMINDERS_SCOPE, status: 'ACCEPTED' }, token: 'reminders' },
        { token },
      );
      const response = await skill().invoke(answer);
      expect(core.lastTurn).toMatchObject({ intent: 'PermissionAnswer', permissionAnswer: 'granted', permissions: ['reminders'] });
      expect(amazon.callsTo('reminders')).toHaveLength(1);
      expect(speechOf(response)).toContain("Okay, I'll remind you");
    });

    it('when the API is down, the shopper hears the reply unchanged', async () => {
      core.reply = reply;
      amazon.failNext('reminders', 500);
      const response = await skill().invoke(enableReminders({ token: amazon.sessionToken({ reminders: true }), granted: true }));
      expect(speechOf(response)).toBe("Okay, I'll remind you when something runs low.");
      expect(response.response.card).toBeUndefined();
    });
  });

  describe('Messaging.MessageReceived', () => {
    const message = (locale?: 'en-US' | 'de-DE') => encodeReplenishmentMessage({ ...(locale ? { locale } : {}), dueDay: '2026-11-25', productIds: ['p-perfume', 'p-catfood'] });

    it('creates one reminder per product on the due day, in the message\'s locale, and answers silently', async () => {
      const token = amazon.sessionToken({ reminders: true });
      const response = await realSkill().invoke(messageReceived(message('de-DE'), token));
      expect(response.response).toEqual({});
      expect(amazon.reminders.map((reminder) => reminder.body)).toEqual([
        expect.objectContaining({
          trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: '2026-11-25T09:00:00.000' },
          alertInfo: { spokenInfo: { content: [{ locale: 'de-DE', text: expect.stringContaining('Rosenparfüm') }] } },
          pushNotification: { status: 'ENABLED' },
        }),
        expect.objectContaining({ alertInfo: { spokenInfo: { content: [{ locale: 'de-DE', text: expect.stringContaining('Katzentrockenfutter') }] } } }),
      ]);
    });

    it('asks the core, with a ReplenishmentDue turn, and creates the reminders its reply holds', async () => {
      core.reply = { speech: '', endSession: true, sessionState: {}, reminders: [{ at: '2026-11-25T09:00:00.000', text: 'Chosen by the core.' }] };
      await skill().invoke(messageReceived(message('de-DE'), amazon.sessionToken({ reminders: true })));
      expect(core.lastTurn).toMatchObject({
        intent: 'ReplenishmentDue',
        locale: 'de-DE',
        newSession: true,
        replenishmentDue: { dueDay: '2026-11-25', productIds: ['p-perfume', 'p-catfood'] },
      });
      expect(amazon.reminders.map((reminder) => reminder.body.alertInfo.spokenInfo.content[0]?.text)).toEqual(['Chosen by the core.']);
    });

    it('falls back to the request\'s locale when the message carries none', async () => {
      await realSkill().invoke(messageReceived(message(), amazon.sessionToken({ reminders: true }), 'de-AT'));
      expect(amazon.reminders[0]?.body.alertInfo.spokenInfo.content[0]).toMatchObject({ locale: 'de-DE', text: expect.stringContaining('Rosenparfüm') });
    });

    it('does not set the same reminders twice when Amazon delivers the message again', async () => {
      const token = amazon.sessionToken({ reminders: true });
      await realSkill().invoke(messageReceived(message('en-US'), token));
      await realSkill().invoke(messageReceived(message('en-US'), token));
      expect(amazon.reminders).toHaveLength(2);
      expect(log.entries.at(-1)?.fields).toMatchObject({ created: 0, duplicates: 2 });
    });

    it('acknowledges a message without an apiAccessToken and calls nobody', async () => {
      const request = messageReceived(message('en-US'), 'unused');
      delete (request.context.System as { apiAccessToken?: string }).apiAccessToken;
      const response = await realSkill().invoke(request);
      expect(response.response).toEqual({});
      expect(amazon.calls).toEqual([]);
      expect(log.entries.some((entry) => entry.message.includes('no apiEndpoint/apiAccessToken'))).toBe(true);
    });

    it('acknowledges a message it cannot use (malformed, unknown products, no permission) without creating anything', async () => {
      const token = amazon.sessionToken({ reminders: true });
      await realSkill().invoke(messageReceived({ type: 'vocart.replenishment.due', dueDay: 'soon', productIds: '[]' }, token));
      await realSkill().invoke(messageReceived(encodeReplenishmentMessage({ dueDay: '2026-11-25', productIds: ['p-gone'] }), token));
      await realSkill().invoke(messageReceived({ type: 'someone.else' }, token));
      const denied = await realSkill().invoke(messageReceived(message('en-US'), amazon.sessionToken({ reminders: false })));
      expect(denied.response).toEqual({});
      expect(amazon.reminders).toEqual([]);
      expect(log.entries.some((entry) => entry.message.includes('malformed'))).toBe(true);
    });
  });
});
