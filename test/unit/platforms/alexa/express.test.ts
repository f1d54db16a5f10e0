import express from 'express';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { alexaExpressHandlers } from '../../../../skill/platforms/alexa/express';
import { listen } from '../../../../lambda/local/server';
import { alexaFixture } from '../../../fixtures/alexa/load';
import { MemoryLog, RecordingCore } from './fake-core';

const SKILL_ID = 'amzn1.ask.skill.0b9c4d2e-1a7f-4c6b-8e53-7d1f2a9b6c30';

/** express 5 with the Alexa handlers on two routes: verification on (the default) and off (npm start). */
const core = new RecordingCore();
const log = new MemoryLog();
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.post('/alexa', ...alexaExpressHandlers({ core, log, config: { ALEXA_VERIFY_SIGNATURE: true } }));
  app.post('/alexa-unverified', ...alexaExpressHandlers({ core, log, config: { ALEXA_VERIFY_SIGNATURE: false } }));
  app.post('/alexa-own-skill', ...alexaExpressHandlers({ core, log, config: { ALEXA_VERIFY_SIGNATURE: false, ALEXA_SKILL_ID: SKILL_ID } }));
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  core.failWith = undefined;
  core.reply = { speech: 'Hello.', endSession: false, sessionState: {} };
});

async function post(path: string, body: string | undefined, headers: Record<string, string> = { 'content-type': 'application/json' }) {
  const response = await fetch(`${base}${path}`, { method: 'POST', body, headers });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, json: () => JSON.parse(text) };
}

async function expectError(result: Awaited<ReturnType<typeof post>>, status: number, code: string): Promise<string> {
  expect(result.status).toBe(status);
  expect(result.contentType).toMatch(/^application\/json/);
  const body = result.json();
  expect(body.error.code).toBe(code);
  expect(body.error.message).toEqual(expect.any(String));
  expect(result.text).not.toMatch(/\bat .*\.(js|ts):\d+/);
  return body.error.message as string;
}

describe('alexaExpressHandlers with verification on', () => {
  it('rejects a request without signature headers with 400 and the reason', async () => {
    const turnsBefore = core.turns.length;
    const message = await expectError(await post('/alexa', JSON.stringify(alexaFixture('launch-echo-dot'))), 400, 'verification_failed');
    expect(message).toBe('The SignatureCertChainUrl header is missing.');
    expect(core.turns).toHaveLength(turnsBefore);
  });

  it('rejects a certificate URL outside Amazon’s bucket without fetching it', async () => {
    const result = await post('/alexa', JSON.stringify(alexaFixture('launch-echo-dot')), {
      'content-type': 'application/json',
      signaturecertchainurl: 'https://evil.example/echo.api/cert.pem',
      'signature-256': 'c2lnbmF0dXJl',
    });
    expect(await expectError(result, 400, 'verification_failed')).toMatch(/not an https URL under s3\.amazonaws\.com\/echo\.api/);
  });
});

describe('alexaExpressHandlers with verification off', () => {
  it('answers a real-shaped launch request with a response envelope', async () => {
    const result = await post('/alexa-unverified', JSON.stringify(alexaFixture('launch-echo-dot')));
    expect(result.status).toBe(200);
    expect(result.json()).toMatchObject({ version: '1.0', response: { outputSpeech: { ssml: '<speak>Hello.</speak>' } } });
  });

  it('accepts a charset parameter and a +json media type', async () => {
    const body = JSON.stringify(alexaFixture('launch-echo-dot'));
    expect((await post('/alexa-unverified', body, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect((await post('/alexa-unverified', body, { 'content-type': 'application/vnd.alexa+json' })).status).toBe(200);
  });

  it('answers unknown request types with a valid empty response', async () => {
    const result = await post('/alexa-unverified', JSON.stringify(alexaFixture('skill-enabled-event')));
    expect(result.status).toBe(200);
    expect(result.json()).toMatchObject({ version: '1.0', response: {} });
  });

  it('answers with a spoken apology, not a 500, when the conversation fails', async () => {
    core.failWith = new Error('boom at core.ts:12');
    const result = await post('/alexa-unverified', JSON.stringify(alexaFixture('launch-echo-dot')));
    expect(result.status).toBe(200);
    expect(result.text).toContain('Sorry');
    expect(result.text).not.toContain('boom');
  });

  it('rejects invalid JSON with 400', async () => {
    const message = await expectError(await post('/alexa-unverified', '{"version": "1.0", '), 400, 'invalid_json');
    // The parser's own words (and its position) stay inside.
    expect(message).toBe('The body is not valid JSON.');
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['a form', 'application/x-www-form-urlencoded'],
  ])('rejects %s with 415', async (_label, contentType) => {
    await expectError(await post('/alexa-unverified', JSON.stringify(alexaFixture('launch-echo-dot')), { 'content-type': contentType }), 415, 'unsupported_media_type');
  });

  it('rejects a body without content type with 415', async () => {
    const result = await fetch(`${base}/alexa-unverified`, { method: 'POST', body: new Blob(['{}']) });
    expect(result.status).toBe(415);
  });

  it('rejects an empty body with 400', async () => {
    await expectError(await post('/alexa-unverified', undefined), 400, 'empty_body');
    await expectError(await post('/alexa-unverified', ''), 400, 'empty_body');
  });

  it('rejects a body over 256 KB with 413', async () => {
    const envelope = alexaFixture('launch-echo-dot') as unknown as Record<string, unknown>;
    envelope.padding = 'x'.repeat(256 * 1024);
    await expectError(await post('/alexa-unverified', JSON.stringify(envelope)), 413, 'payload_too_large');
  });

  it('accepts a body just under 256 KB', async () => {
    const envelope = alexaFixture('launch-echo-dot') as unknown as Record<string, unknown>;
    envelope.padding = 'x'.repeat(250 * 1024);
    expect((await post('/alexa-unverified', JSON.stringify(envelope))).status).toBe(200);
  });

  it.each([
    ['JSON that is not an object', '[1,2,3]', /must be a JSON object/],
    ['a request without context', JSON.stringify({ version: '1.0', request: alexaFixture('launch-echo-dot').request }), /context/],
    ['a request without request', JSON.stringify({ version: '1.0', context: alexaFixture('launch-echo-dot').context }), /request/],
    [
      'an IntentRequest without intent',
      JSON.stringify({ ...alexaFixture('launch-echo-dot'), request: { type: 'IntentRequest', requestId: 'r', timestamp: 't' } }),
      /request\.intent/,
    ],
    ['a userId that is a number', JSON.stringify({ ...alexaFixture('launch-echo-dot'), context: { System: { application: { applicationId: 'a' }, user: { userId: 7 } } } }), /userId/],
  ])('rejects %s with 400 naming the problem', async (_label, body, reason) => {
    expect(await expectError(await post('/alexa-unverified', body), 400, 'invalid_request')).toMatch(reason);
  });

  it('refuses a request for another skill when ALEXA_SKILL_ID is set', async () => {
    const envelope = alexaFixture('launch-echo-dot');
    expect((await post('/alexa-own-skill', JSON.stringify(envelope))).status).toBe(200);
    envelope.context.System.application.applicationId = 'amzn1.ask.skill.someone-else';
    await expectError(await post('/alexa-own-skill', JSON.stringify(envelope)), 400, 'wrong_skill');
  });
});
