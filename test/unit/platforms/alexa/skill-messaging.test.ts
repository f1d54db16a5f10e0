import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LwaTokenError, LwaTokenSource, SkillMessageError, SkillMessagingClient } from '../../../../skill/platforms/alexa/skill-messaging';
import { FakeAmazonApi } from '../../../helpers/fake-amazon-api';
import { FixedClock } from '../../../helpers/fakes';

describe('skill messaging against the fake Amazon API', () => {
  const amazon = new FakeAmazonApi();
  let clock: FixedClock;

  beforeAll(async () => {
    await amazon.start();
  });
  afterAll(async () => {
    await amazon.stop();
  });
  beforeEach(() => {
    amazon.calls.length = 0;
    amazon.messages.length = 0;
    clock = new FixedClock(new Date());
  });

  const tokens = (secret = amazon.clientSecret) => new LwaTokenSource({ tokenUrl: amazon.tokenUrl, clientId: amazon.clientId, clientSecret: secret, clock });
  const client = (source = tokens()) => new SkillMessagingClient({ apiEndpoint: amazon.baseUrl, tokens: source });

  describe('LwaTokenSource', () => {
    it('asks LWA with the client credentials grant and the skill messaging scope, as a form', async () => {
      const token = await tokens().token();
      expect(token).toMatch(/^Atc\|/);
      const [call] = amazon.callsTo('token');
      expect(call?.contentType).toMatch(/^application\/x-www-form-urlencoded/);
      expect(call?.body).toEqual({ grant_type: 'client_credentials', client_id: amazon.clientId, scope: 'alexa:skill_messaging', client_secret_sent: true });
    });

    it('reuses the token until shortly before it expires, then asks again', async () => {
      const source = tokens();
      const first = await source.token();
      clock.current = new Date(clock.current.getTime() + 30 * 60_000);
      expect(await source.token()).toBe(first);
      expect(amazon.callsTo('token')).toHaveLength(1);
      // 3600 s lifetime: at 59:30 the token is inside the renewal margin.
      clock.current = new Date(clock.current.getTime() + 29.5 * 60_000);
      const renewed = await source.token();
      expect(renewed).not.toBe(first);
      expect(amazon.callsTo('token')).toHaveLength(2);
    });

    it('shares one request between concurrent callers', async () => {
      const source = tokens();
      const all = await Promise.all([source.token(), source.token(), source.token()]);
      expect(new Set(all).size).toBe(1);
      expect(amazon.callsTo('token')).toHaveLength(1);
    });

    it('reports wrong credentials as a permanent LwaTokenError with LWA\'s code', async () => {
      const error = await tokens('wrong-secret').token().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(LwaTokenError);
      expect(error).toMatchObject({ status: 401, code: 'invalid_client', permanent: true });
      expect((error as Error).message).not.toContain('wrong-secret');
    });

    it('reports an LWA outage as a transient LwaTokenError', async () => {
      amazon.failNext('token', 503);
      const error = await tokens().token().catch((caught: unknown) => caught);
      expect(error).toMatchObject({ name: 'LwaTokenError', status: 503, permanent: false });
    });
  });

  describe('SkillMessagingClient', () => {
    it('posts {data, expiresAfterSeconds} with the bearer token and resolves on 202', async () => {
      await client().send('amzn1.ask.account.A', { type: 'x', productIds: '["p1"]' }, 3600);
      expect(amazon.messages).toEqual([{ userId: 'amzn1.ask.account.A', data: { type: 'x', productIds: '["p1"]' }, expiresAfterSeconds: 3600 }]);
      const [call] = amazon.callsTo('skillmessages');
      expect(call?.authorization).toMatch(/^Bearer Atc\|/);
      expect(call?.status).toBe(202);
    });

    it.each([
      ['user-gone', 404, (fake: FakeAmazonApi, user: string) => fake.userGone(user)],
      ['forbidden', 403, (fake: FakeAmazonApi, user: string) => fake.userForbidden(user)],
      ['throttled', 429, (fake: FakeAmazonApi) => fake.failNext('skillmessages', 429)],
      ['unavailable', 503, (fake: FakeAmazonApi) => fake.failNext('skillmessages', 503)],
    ] as const)('turns a refusal into SkillMessageError %s (HTTP %i)', async (failure, status, arrange) => {
      const user = `amzn1.ask.account.${failure}`;
      arrange(amazon, user);
      const error = await client().send(user, { type: 'x' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SkillMessageError);
      expect(error).toMatchObject({ failure, status });
      expect(amazon.messages).toEqual([]);
    });

    it('rejects a body Amazon refuses (non-string data values) as "rejected"', async () => {
      const error = await client()
        .send('amzn1.ask.account.C', { count: 3 } as unknown as Record<string, string>)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'rejected', status: 400 });
    });

    it('retries a 401 once with a fresh token (a revoked token is not an outage)', async () => {
      const source = tokens();
      const messaging = client(source);
      await messaging.send('amzn1.ask.account.D', { type: 'x' });
      amazon.revokeLwaTokens();
      await messaging.send('amzn1.ask.account.D', { type: 'y' });
      expect(amazon.callsTo('skillmessages').map((call) => call.status)).toEqual([202, 401, 202]);
      expect(amazon.callsTo('token')).toHaveLength(2);
      expect(amazon.messages.map((message) => message.data.type)).toEqual(['x', 'y']);
    });

    it('gives up after the second 401 with "unauthorized"', async () => {
      amazon.failNext('skillmessages', 401, 2, { body: { message: 'Request is not authorized.' } });
      const error = await client().send('amzn1.ask.account.E', { type: 'x' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'unauthorized', status: 401 });
    });

    it('times out a hanging call as "unavailable"', async () => {
      amazon.failNext('skillmessages', 503, 1, { delayMs: 1000 });
      const messaging = new SkillMessagingClient({ apiEndpoint: amazon.baseUrl, tokens: tokens(), timeoutMs: 100 });
      const error = await messaging.send('amzn1.ask.account.F', { type: 'x' }).catch((caught: unknown) => caught);
      expect(error).toMatchObject({ failure: 'unavailable', status: undefined });
    });
  });
});
