import { describe, expect, it } from 'vitest';
import {
  GoogleWebhook,
  SECRET_HEADER,
  WebhookHttpError,
  headerValue,
  verifyContentType,
  verifySecret,
} from '../../../../skill/platforms/google/webhook';
import { fixture, RecordingLog, ScriptedCore, simpleReply } from './fakes';


const SECRET = 'correct horse battery staple';

function refusal(action: () => void): WebhookHttpError {
  try {
    action();
  } catch (error) {
    if (error instanceof WebhookHttpError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('verifySecret', () => {
  it('lets every request through when no secret is configured', () => {
    expect(() => verifySecret({}, undefined)).not.toThrow();
  });

  it('refuses a missing, empty, repeated or wrong header and accepts the right one in any header case', () => {
    expect(refusal(() => verifySecret({}, SECRET)).statusCode).toBe(401);
    expect(refusal(() => verifySecret({ [SECRET_HEADER]: '' }, SECRET)).message).toMatch(/missing/);
    expect(refusal(() => verifySecret({ [SECRET_HEADER]: [SECRET, SECRET] }, SECRET)).statusCode).toBe(401);
    expect(refusal(() => verifySecret({ [SECRET_HEADER]: 'wrong' }, SECRET)).message).toMatch(/does not match/);
    expect(() => verifySecret({ [SECRET_HEADER]: SECRET }, SECRET)).not.toThrow();
    expect(() => verifySecret({ 'X-Vocart-Webhook-Secret': SECRET }, SECRET)).not.toThrow();
  });
});

describe('verifyContentType', () => {
  it.each(['application/json', 'application/json; charset=utf-8', 'Application/JSON'])('accepts %s', (type) => {
    expect(() => verifyContentType({ 'content-type': type })).not.toThrow();
  });

  it.each(['text/plain', 'application/xml', 'multipart/form-data; boundary=x', ''])('refuses "%s" with 415', (type) => {
    expect(refusal(() => verifyContentType({ 'content-type': type })).statusCode).toBe(415);
  });
});

describe('headerValue', () => {
  it('finds a header whatever its case', () => {
    expect(headerValue({ 'Content-Type': 'application/json' }, 'content-type')).toBe('application/json');
    expect(headerValue({}, 'content-type')).toBeUndefined();
  });
});

describe('GoogleWebhook.handle', () => {
  const webhook = (secret?: string) =>
    new GoogleWebhook({ core: new ScriptedCore(() => simpleReply()), log: new RecordingLog(), config: { GOOGLE_WEBHOOK_SECRET: secret } });
  const body = () => Buffer.from(JSON.stringify(fixture('console-search.en.json')));

  it('answers 200 with JSON for a good request', async () => {
    const result = await webhook().handle({ 'content-type': 'application/json' }, body());
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(result.body).fulfillmentText).toBe('Here you go.');
  });

  it('checks secret, then content type, then size, then JSON', async () => {
    const cases: Array<[Record<string, string>, Buffer, number]> = [
      [{ 'content-type': 'text/plain' }, Buffer.from('x'.repeat(300_000)), 401],
      [{ 'content-type': 'text/plain', [SECRET_HEADER]: SECRET }, Buffer.from('x'.repeat(300_000)), 415],
      [{ 'content-type': 'application/json', [SECRET_HEADER]: SECRET }, Buffer.from('x'.repeat(300_000)), 413],
      [{ 'content-type': 'application/json', [SECRET_HEADER]: SECRET }, Buffer.from('{'), 400],
      [{ 'content-type': 'application/json', [SECRET_HEADER]: SECRET }, body(), 200],
    ];
    for (const [headers, raw, status] of cases) {
      const result = await webhook(SECRET).handle(headers, raw);
      expect(result.statusCode).toBe(status);
    }
  });
});
