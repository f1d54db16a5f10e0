/**
 * The order of the Alexa route's checks: everything that needs no network (JSON, nesting, envelope, session
 * limits, skill id, timestamp, certificate URL) refuses a request before a certificate is downloaded, and every
 * refusal is the shared error body with a fixed reason.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CertificateCache } from '../../../../skill/platforms/alexa/certificate-cache';
import { alexaExpressHandlers } from '../../../../skill/platforms/alexa/express';
import { listen } from '../../../../lambda/local/server';
import { alexaFixture } from '../../../fixtures/alexa/load';
import { MemoryLog, RecordingCore } from './fake-core';
import { createTestPki, type TestPki } from './test-pki';

const SKILL_ID = 'amzn1.ask.skill.0b9c4d2e-1a7f-4c6b-8e53-7d1f2a9b6c30';
const CERT_URL = 'https://s3.amazonaws.com/echo.api/echo-api-cert-13.pem';

const core = new RecordingCore();
const log = new MemoryLog();
const downloads: string[] = [];
let serve: () => string = () => '';
let pki: TestPki;
let server: Server;
let base: string;

beforeAll(async () => {
  pki = createTestPki();
  serve = () => pki.chainPem;
  const certificates = new CertificateCache({
    download: async (url) => {
      downloads.push(url.href);
      return serve();
    },
    trustedRoots: () => [pki.root],
  });
  const app = express();
  app.post('/alexa', ...alexaExpressHandlers({ core, log, certificates, config: { ALEXA_VERIFY_SIGNATURE: true, ALEXA_SKILL_ID: SKILL_ID } }));
  app.post('/alexa-local', ...alexaExpressHandlers({ core, log, config: { ALEXA_VERIFY_SIGNATURE: false } }));
  server = await listen(app, 0);
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  downloads.length = 0;
  serve = () => pki.chainPem;
});

type Envelope = ReturnType<typeof alexaFixture>;

function launch(mutate: (envelope: Envelope) => void = () => {}): Envelope {
  const envelope = alexaFixture('launch-echo-dot');
  envelope.context.System.application.applicationId = SKILL_ID;
  mutate(envelope);
  return envelope;
}

async function send(body: string, headers: Record<string, string> = {}, path = '/alexa') {
  const response = await fetch(`${base}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } });
  const text = await response.text();
  return { status: response.status, text, json: () => JSON.parse(text) as { error: { code: string; message: string } } };
}

/** Signed with the test chain, sent with the certificate URL (or the one given). */
async function sendSigned(body: string, certUrl = CERT_URL) {
  return send(body, { signaturecertchainurl: certUrl, 'signature-256': pki.signBody(body) });
}

function expectRefusal(result: Awaited<ReturnType<typeof send>>, status: number, code: string): string {
  expect(result.status, result.text).toBe(status);
  const body = result.json();
  expect(Object.keys(body)).toEqual(['error']);
  expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
  expect(body.error.code).toBe(code);
  expect(result.text).not.toMatch(/\bat .*\.(js|ts):\d+|Cannot read|position \d+|Unexpected token/);
  return body.error.message;
}

/** `"attributes": <nested>` written as text, so depths JSON.stringify cannot reach are possible. */
function withAttributes(attributes: string): string {
  const envelope = launch((e) => {
    e.session = { ...e.session!, new: false, attributes: { placeholder: true } };
  });
  return JSON.stringify(envelope).replace('{"placeholder":true}', attributes);
}

describe('Alexa request checks, verification on', () => {
  it('answers a correctly signed request after one certificate download', async () => {
    const first = await sendSigned(JSON.stringify(launch()));
    expect(first.status, first.text).toBe(200);
    const second = await sendSigned(JSON.stringify(launch()));
    expect(second.status).toBe(200);
    expect(downloads.length).toBeLessThanOrEqual(1);
  });

  it.each([
    ['a timestamp 10 minutes old', (e: Envelope) => (e.request.timestamp = new Date(Date.now() - 600_000).toISOString())],
    ['a timestamp 5 minutes in the future', (e: Envelope) => (e.request.timestamp = new Date(Date.now() + 300_000).toISOString())],
    ['a timestamp that is not a date', (e: Envelope) => (e.request.timestamp = 'yesterday')],
  ])('refuses %s without downloading the certificate', async (_label, mutate) => {
    const message = expectRefusal(await sendSigned(JSON.stringify(launch(mutate))), 400, 'verification_failed');
    expect(message).toMatch(/150 seconds/);
    expect(downloads).toEqual([]);
  });

  it('refuses another skill’s request and a malformed envelope without downloading', async () => {
    expectRefusal(await sendSigned(JSON.stringify(launch((e) => (e.context.System.application.applicationId = 'amzn1.ask.skill.other')))), 400, 'wrong_skill');
    expectRefusal(await sendSigned(JSON.stringify({ version: '1.0' })), 400, 'invalid_request');
    expectRefusal(await sendSigned('{"version":'), 400, 'invalid_json');
    expect(downloads).toEqual([]);
  });

  it.each([
    'https://s3.amazonaws.com/echo.api/../evil/cert.pem',
    'https://s3.amazonaws.com/echo.api/%2e%2e/evil/cert.pem',
    'https://s3.amazonaws.com/echo.api/..%2fevil/cert.pem',
    'https://s3.amazonaws.com/EcHo.aPi/cert.pem',
    'https://s3.amazonaws.com:563/echo.api/cert.pem',
    'http://s3.amazonaws.com/echo.api/cert.pem',
    'https://notamazon.com/echo.api/cert.pem',
  ])('refuses the certificate URL %s before any download', async (url) => {
    expectRefusal(await sendSigned(JSON.stringify(launch()), url), 400, 'verification_failed');
    expect(downloads).toEqual([]);
  });

  it('tries a failing certificate URL once for a flood of 100 requests', async () => {
    serve = () => {
      throw new TypeError("Cannot read properties of null (reading 'statusCode')");
    };
    const url = 'https://s3.amazonaws.com/echo.api/flood.pem';
    const results = await Promise.all(Array.from({ length: 100 }, () => sendSigned(JSON.stringify(launch()), url)));
    for (const result of results) expect(expectRefusal(result, 400, 'verification_failed')).toBe('The signing certificate could not be obtained.');
    expect(downloads).toEqual([url]);
  });

  it.each([
    ['nested 20 levels', '['.repeat(20) + ']'.repeat(20), 'session_too_deep'],
    ['nested 3,000 levels', '['.repeat(3000) + ']'.repeat(3000), 'too_deeply_nested'],
    ['nested 100,000 levels', '['.repeat(100_000) + ']'.repeat(100_000), 'too_deeply_nested'],
    ['of 20 KB', JSON.stringify({ lastSpeech: 'x'.repeat(20 * 1024) }), 'session_too_large'],
  ])('refuses session attributes %s with 400 before the signature check', async (_label, attributes, code) => {
    const message = expectRefusal(await sendSigned(withAttributes(attributes)), 400, code);
    expect(message).toMatch(/session state|nested deeper/);
    expect(downloads).toEqual([]);
  });
});

describe('Alexa request checks, ALEXA_VERIFY_SIGNATURE=false (local development)', () => {
  it('skips the timestamp with the signature: a replayed old request still answers', async () => {
    const old = launch((e) => (e.request.timestamp = new Date(Date.now() - 86_400_000).toISOString()));
    expect((await send(JSON.stringify(old), {}, '/alexa-local')).status).toBe(200);
  });

  it('still checks the envelope and the session limits', async () => {
    expectRefusal(await send(withAttributes('['.repeat(3000) + ']'.repeat(3000)), {}, '/alexa-local'), 400, 'too_deeply_nested');
    expectRefusal(await send(withAttributes(JSON.stringify({ a: { b: { c: { d: { e: { f: { g: { h: {} } } } } } } } })), {}, '/alexa-local'), 400, 'session_too_deep');
    expectRefusal(await send('{}', {}, '/alexa-local'), 400, 'invalid_request');
  });
});
