/**
 * What a caller can and cannot make the webhook believe: a payload user id names nobody unless configuration says
 * the caller is an authenticated integration; session state over the limits is a 400; what goes back is XML-safe.
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../../skill/config';
import { GoogleWebhook, SECRET_HEADER } from '../../../../skill/platforms/google/webhook';
import { RecordingLog, ScriptedCore, simpleReply } from './fakes';

const SECRET = 'a-long-enough-shared-secret-for-tests';
const SESSION = 'projects/demo/agent/sessions/attacker-session';

function body(options: { userId?: string; state?: string; parameters?: string } = {}): Buffer {
  const contexts = options.state === undefined ? [] : [{ name: `${SESSION}/contexts/vocart-session`, lifespanCount: 10, parameters: { state: options.state } }];
  const text = JSON.stringify({
    responseId: 'r-1',
    session: SESSION,
    queryResult: { queryText: 'what is on my list', languageCode: 'en', intent: { displayName: 'ReadCartIntent' }, parameters: {}, outputContexts: contexts },
    originalDetectIntentRequest: { source: 'google', payload: { user: { userId: options.userId ?? 'victim-user-id' } } },
  });
  return Buffer.from(options.parameters === undefined ? text : text.replace('"parameters":{}', `"parameters":{"x":${options.parameters}}`), 'utf8');
}

function webhook(config: { GOOGLE_WEBHOOK_SECRET?: string; GOOGLE_TRUST_PAYLOAD_USER_ID?: boolean } = {}, reply = simpleReply()) {
  const core = new ScriptedCore(() => reply);
  return { core, webhook: new GoogleWebhook({ core, log: new RecordingLog(), config }) };
}

const HEADERS = { 'content-type': 'application/json' };

describe('Dialogflow identity', () => {
  it('ignores an unauthenticated payload.user.userId: the session path names the shopper', async () => {
    const { core, webhook: hook } = webhook();
    expect((await hook.handle(HEADERS, body({ userId: 'victim-user-id' }))).statusCode).toBe(200);
    expect(core.lastTurn.customer.platformUserId).toMatch(/^session-[0-9a-f]{32}$/);
    expect(core.lastTurn.customer.platformUserId).not.toContain('victim');
  });

  it('takes the payload user id only when configured to trust an authenticated caller', async () => {
    const { core, webhook: hook } = webhook({ GOOGLE_WEBHOOK_SECRET: SECRET, GOOGLE_TRUST_PAYLOAD_USER_ID: true });
    expect((await hook.handle({ ...HEADERS, [SECRET_HEADER]: SECRET }, body({ userId: 'integration-user-7' }))).statusCode).toBe(200);
    expect(core.lastTurn.customer.platformUserId).toBe('integration-user-7');
  });

  it('refuses to start with GOOGLE_TRUST_PAYLOAD_USER_ID but no webhook secret', () => {
    expect(() => loadConfig({ GOOGLE_TRUST_PAYLOAD_USER_ID: 'true' })).toThrow(ConfigError);
    expect(loadConfig({ GOOGLE_TRUST_PAYLOAD_USER_ID: 'true', GOOGLE_WEBHOOK_SECRET: SECRET }).GOOGLE_TRUST_PAYLOAD_USER_ID).toBe(true);
    expect(loadConfig({}).GOOGLE_TRUST_PAYLOAD_USER_ID).toBe(false);
  });
});

describe('Dialogflow session state limits', () => {
  const deep = (depth: number) => `{"lastResults":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

  it.each([
    ['nested 20 levels', deep(20), 'session_too_deep'],
    ['nested 3,000 levels', deep(3000), 'session_too_deep'],
    ['nested 100,000 levels', deep(100_000), 'session_too_large'],
    ['of 20 KB', JSON.stringify({ lastSpeech: 'x'.repeat(20 * 1024) }), 'session_too_large'],
  ])('answers state %s with 400 and a reason, without calling the core', async (_label, state, code) => {
    const { core, webhook: hook } = webhook();
    const result = await hook.handle(HEADERS, body({ state }));
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body)).toEqual({ error: { code, message: expect.stringMatching(/^The session state is /) } });
    expect(core.turns).toHaveLength(0);
  });

  it.each([3000, 100_000])('answers parameters nested %i levels with 400', async (depth) => {
    const { webhook: hook } = webhook();
    const result = await hook.handle(HEADERS, body({ parameters: '['.repeat(depth) + ']'.repeat(depth) }));
    expect(result.statusCode).toBe(400);
    expect(JSON.parse(result.body).error.code).toBe('too_deeply_nested');
  });

  it('still drops malformed state within the limits and answers', async () => {
    const { core, webhook: hook } = webhook();
    expect((await hook.handle(HEADERS, body({ state: '{"misses":"many"' }))).statusCode).toBe(200);
    expect(core.lastTurn.session).toEqual({});
  });
});

describe('Dialogflow replies', () => {
  it('carry no NUL, control characters or lone surrogates', async () => {
    const { webhook: hook } = webhook({}, { ...simpleReply(), speech: 'Milk\u0000 and \uD83D honey\u0007 😀' });
    const result = await hook.handle(HEADERS, body());
    const response = JSON.parse(result.body);
    expect(response.fulfillmentText).toBe('Milk and  honey 😀');
    expect(response.payload.google.richResponse.items[0].simpleResponse.textToSpeech).toBe('<speak>Milk and  honey 😀</speak>');
    expect(result.body).not.toMatch(/\\u0000|\\u0007|\\ud83d"/i);
  });
});

describe('Dialogflow error bodies', () => {
  it('say a fixed reason, never the parser’s words or the caller’s content type', async () => {
    const { webhook: hook } = webhook();
    const invalid = await hook.handle(HEADERS, Buffer.from('{"queryResult": {', 'utf8'));
    expect(JSON.parse(invalid.body)).toEqual({ error: { code: 'invalid_json', message: 'The body is not valid JSON.' } });
    const mediaType = await hook.handle({ 'content-type': 'text/<script>' }, body());
    expect(mediaType.statusCode).toBe(415);
    expect(mediaType.body).not.toContain('script');
  });
});
