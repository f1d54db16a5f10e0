/**
 * lambda/google.ts invoked with real-shaped Lambda Function URL events (payload format 2.0, the same as an
 * API Gateway HTTP API) against DynamoDB Local: the handler builds the real app from the environment.
 */
import { readFileSync } from 'node:fs';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createStore, ensureTable } from '../../skill/store';
import { uniqueTableName } from '../helpers/store';

const SECRET = 'lambda-e2e-secret-abcdefghijk';
const TABLE = uniqueTableName('vocart-google-lambda');
const ENV = { TABLE_NAME: TABLE, GOOGLE_WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'SILENT', AWS_REGION: 'us-east-1' };
const saved: Record<string, string | undefined> = {};

let handler: typeof import('../../lambda/google').handler;

function fixture(name: string): Record<string, any> {
  return JSON.parse(readFileSync(new URL(`../fixtures/google/${name}`, import.meta.url), 'utf8'));
}

/** A Function URL event as Lambda delivers it: lower-case headers, body as text or base64. */
function functionUrlEvent(body: string, options: { headers?: Record<string, string>; base64?: boolean; method?: string } = {}): APIGatewayProxyEventV2 {
  const encoded = options.base64 ? Buffer.from(body, 'utf8').toString('base64') : body;
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: '/',
    rawQueryString: '',
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      host: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws',
      'user-agent': 'Google-Dialogflow',
      'x-amzn-trace-id': 'Root=1-65f0c0de-0123456789abcdef01234567',
      'x-forwarded-for': '66.249.83.1',
      'x-forwarded-port': '443',
      'x-forwarded-proto': 'https',
      [`x-vocart-webhook-secret`]: SECRET,
      ...options.headers,
    },
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abcdefghijklmnopqrstuvwxyz012345',
      domainName: 'abcdefghijklmnopqrstuvwxyz012345.lambda-url.us-east-1.on.aws',
      domainPrefix: 'abcdefghijklmnopqrstuvwxyz012345',
      http: { method: options.method ?? 'POST', path: '/', protocol: 'HTTP/1.1', sourceIp: '66.249.83.1', userAgent: 'Google-Dialogflow' },
      requestId: '7c1f3d2a-9b8e-4f6d-a5c4-3b2a1f0e9d8c',
      routeKey: '$default',
      stage: '$default',
      time: '02/May/2023:09:14:51 +0000',
      timeEpoch: 1683018891000,
    },
    body: encoded,
    isBase64Encoded: Boolean(options.base64),
  };
}

beforeAll(async () => {
  const env = { ...ENV, DYNAMODB_ENDPOINT: inject('dynamoEndpoint') };
  for (const [key, value] of Object.entries(env)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  const store = createStore({ endpoint: env.DYNAMODB_ENDPOINT, region: 'us-east-1', timeoutMs: 3000, tableName: TABLE }, { now: () => new Date() });
  await ensureTable(store.client, TABLE);
  ({ handler } = await import('../../lambda/google'));
});

afterAll(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

describe('lambda/google handler', () => {
  it('answers an Assistant welcome with a WebhookResponse', async () => {
    const result = await handler(functionUrlEvent(JSON.stringify(fixture('assistant-welcome.en.json'))));
    expect(result.statusCode).toBe(200);
    expect(result.headers?.['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(result.body!);
    expect(body.fulfillmentText).toMatch(/automated/i);
    expect(body.payload.google.expectUserResponse).toBe(true);
    expect(body.outputContexts[0].name).toBe('projects/vocart-demo-4f2a1/agent/sessions/ABwppHGx2dTtZ6Q1xJ9s-demo/contexts/vocart-session');
  });

  it('decodes a base64 body and keeps the cart between invocations', async () => {
    const add = fixture('messenger-add-to-cart.de.json');
    add.queryResult.parameters = { product: 'Bananen', quantity: 2 };
    add.queryResult.outputContexts = [];
    const added = await handler(functionUrlEvent(JSON.stringify(add), { base64: true }));
    expect(added.statusCode).toBe(200);
    expect(JSON.parse(added.body!).fulfillmentText).toMatch(/banane/i);

    const read = fixture('messenger-add-to-cart.de.json');
    read.responseId = 'read-after-add';
    read.queryResult.intent = { displayName: 'ReadCartIntent' };
    read.queryResult.parameters = {};
    read.queryResult.outputContexts = JSON.parse(added.body!).outputContexts;
    const listed = await handler(functionUrlEvent(JSON.stringify(read), { base64: true }));
    expect(JSON.parse(listed.body!).fulfillmentText).toMatch(/banane/i);
  });

  it('refuses a missing or wrong secret with 401 and no app work', async () => {
    const body = JSON.stringify(fixture('console-search.en.json'));
    const missing = await handler(functionUrlEvent(body, { headers: { 'x-vocart-webhook-secret': '' } }));
    expect(missing.statusCode).toBe(401);
    const wrong = await handler(functionUrlEvent(body, { headers: { 'x-vocart-webhook-secret': `${SECRET}!` } }));
    expect(wrong.statusCode).toBe(401);
    expect(JSON.parse(wrong.body!)).toEqual({ error: { code: 'unauthorized', message: expect.any(String) } });
  });

  it.each([
    ['wrong content type', () => functionUrlEvent('{}', { headers: { 'content-type': 'text/plain' } }), 415, 'unsupported_media_type'],
    ['invalid JSON', () => functionUrlEvent('{"queryResult":'), 400, 'invalid_json'],
    ['invalid base64 JSON', () => functionUrlEvent('not json at all', { base64: true }), 400, 'invalid_json'],
    ['no queryResult', () => functionUrlEvent('{"responseId":"x"}'), 400, 'invalid_request'],
    ['a body over 256 KB', () => functionUrlEvent(JSON.stringify({ queryResult: { queryText: 'x'.repeat(300_000) } })), 413, 'payload_too_large'],
    ['a base64 body over 256 KB', () => functionUrlEvent(JSON.stringify({ queryResult: { queryText: 'x'.repeat(300_000) } }), { base64: true }), 413, 'payload_too_large'],
    ['a GET', () => functionUrlEvent('', { method: 'GET' }), 405, 'method_not_allowed'],
  ])('answers %s with a JSON error', async (_name, event, status, code) => {
    const result = await handler(event());
    expect(result.statusCode).toBe(status);
    expect(JSON.parse(result.body!)).toEqual({ error: { code, message: expect.any(String) } });
  });
});
