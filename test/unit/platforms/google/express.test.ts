/**
 * The webhook's HTTP edge through a real express server on a free port: what Dialogflow (or anyone else)
 * gets back for good and bad requests.
 */
import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { googleExpressHandlers } from '../../../../skill/platforms/google/express';
import { SECRET_HEADER } from '../../../../skill/platforms/google/webhook';
import { fixture, RecordingLog, ScriptedCore, simpleReply } from './fakes';

const SECRET = 'a-long-enough-shared-secret-for-tests';

interface Running {
  url: string;
  server: Server;
  core: ScriptedCore;
}

async function start(secret: string | undefined, answer = () => simpleReply()): Promise<Running> {
  const core = new ScriptedCore(answer);
  const app = express();
  app.post('/google', ...googleExpressHandlers({ core, log: new RecordingLog(), config: { GOOGLE_WEBHOOK_SECRET: secret } }));
  const server = await new Promise<Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/google`, server, core };
}

function post(url: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  return fetch(url, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body) });
}

async function expectError(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = await response.json();
  expect(body).toEqual({ error: { code, message: expect.any(String) } });
  expect(JSON.stringify(body)).not.toMatch(/at .*\.(ts|js):\d+/);
  return body.error.message as string;
}

describe('google express handlers without a secret', () => {
  let running: Running;
  beforeAll(async () => {
    running = await start(undefined);
  });
  afterAll(() => new Promise<void>((resolve) => running.server.close(() => resolve())));

  it('answers a real WebhookRequest with a WebhookResponse', async () => {
    const response = await post(running.url, JSON.stringify(fixture('console-search.en.json')));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.fulfillmentText).toBe('Here you go.');
    expect(body.fulfillmentMessages.length).toBeGreaterThan(0);
    expect(body.payload.google.richResponse.items[0].simpleResponse.textToSpeech).toBe('<speak>Here you go.</speak>');
    expect(running.core.lastTurn.intent).toBe('SearchProductIntent');
  });

  it('accepts a charset parameter and a gzip-encoded body', async () => {
    const json = JSON.stringify(fixture('console-search.en.json'));
    const withCharset = await post(running.url, json, { 'content-type': 'application/json; charset=utf-8' });
    expect(withCharset.status).toBe(200);
    const gzipped = await post(running.url, gzipSync(json), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(200);
  });

  it('refuses a wrong or missing content type with 415', async () => {
    const json = JSON.stringify(fixture('console-search.en.json'));
    await expectError(await post(running.url, json, { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
    await expectError(await post(running.url, 'product=milk', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    await expectError(await post(running.url, Buffer.from(json), {}), 415, 'unsupported_media_type');
  });

  it('refuses invalid JSON with 400', async () => {
    const message = await expectError(await post(running.url, '{"queryResult": {'), 400, 'invalid_json');
    expect(message).toMatch(/JSON/);
    await expectError(await post(running.url, ''), 400, 'invalid_json');
  });

  it('refuses JSON that is not a WebhookRequest with 400 and says why', async () => {
    for (const body of ['{}', '[]', 'null', '"text"', '42', '{"queryResult": "x"}', '{"result": {"metadata": {}}}']) {
      const message = await expectError(await post(running.url, body), 400, 'invalid_request');
      expect(message, body).toMatch(/queryResult|JSON object/);
    }
  });

  it('refuses a body over 256 KB with 413', async () => {
    const big = fixture('console-search.en.json');
    big.queryResult.queryText = 'x'.repeat(300 * 1024);
    await expectError(await post(running.url, JSON.stringify(big)), 413, 'payload_too_large');
  });

  it('answers odd but parseable requests with a spoken reply instead of an error', async () => {
    const odd = fixture('console-search.en.json');
    odd.queryResult.parameters = { product: { nested: [1, 2] }, quantity: 'lots', ordinal: null };
    odd.queryResult.intent = { displayName: 42 };
    odd.queryResult.outputContexts = [{ name: 5 }, { name: 'x/contexts/vocart-session', parameters: { state: '{broken' } }];
    odd.originalDetectIntentRequest = { payload: { user: { userStorage: '{not json', idToken: 'x.y.z' }, surface: 'yes' } };
    const response = await post(running.url, JSON.stringify(odd));
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.fulfillmentText).toBe('Here you go.');
    expect(running.core.lastTurn.intent).toBe('Fallback');
    expect(running.core.lastTurn.slots).toEqual({ quantity: { raw: 'lots' } });
  });
});

describe('google express handlers with a secret', () => {
  let running: Running;
  beforeAll(async () => {
    running = await start(SECRET);
  });
  afterAll(() => new Promise<void>((resolve) => running.server.close(() => resolve())));

  const json = () => JSON.stringify(fixture('console-search.en.json'));

  it(`refuses a request without the ${SECRET_HEADER} header`, async () => {
    const message = await expectError(await post(running.url, json()), 401, 'unauthorized');
    expect(message).toContain(SECRET_HEADER);
    expect(running.core.turns).toHaveLength(0);
  });

  it('refuses a wrong secret, including a prefix and a longer value', async () => {
    for (const wrong of ['nope', SECRET.slice(0, -1), `${SECRET}x`, SECRET.toUpperCase()]) {
      await expectError(await post(running.url, json(), { 'content-type': 'application/json', [SECRET_HEADER]: wrong }), 401, 'unauthorized');
    }
    expect(running.core.turns).toHaveLength(0);
  });

  it('checks the secret before the body: an unauthorised oversized body is 401, not 413', async () => {
    await expectError(await post(running.url, 'x'.repeat(300 * 1024)), 401, 'unauthorized');
  });

  it('accepts the right secret', async () => {
    const response = await post(running.url, json(), { 'content-type': 'application/json', [SECRET_HEADER]: SECRET });
    expect(response.status).toBe(200);
    expect(running.core.turns).toHaveLength(1);
  });
});

describe('google express handlers when the core throws', () => {
  it('answers 200 with a spoken apology, never a stack trace', async () => {
    const running = await start(undefined, () => {
      throw new TypeError('Cannot read properties of undefined');
    });
    try {
      const response = await post(running.url, JSON.stringify(fixture('assistant-welcome.en.json')));
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).not.toContain('Cannot read');
      expect(JSON.parse(text).fulfillmentText).toMatch(/^Sorry/);
    } finally {
      await new Promise<void>((resolve) => running.server.close(() => resolve()));
    }
  });
});
