/**
 * Hundreds of damaged Alexa requests against the express handlers: every answer is a valid response or a 4xx
 * JSON error, never a 500, never a stack trace, and the server keeps answering.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { alexaExpressHandlers } from '../../../../skill/platforms/alexa/express';
import { alexaFixture, type AlexaFixtureName } from '../../../fixtures/alexa/load';
import { MemoryLog, RecordingCore } from './fake-core';

const FIXTURES: AlexaFixtureName[] = [
  'launch-echo-dot',
  'search-echo-show',
  'add-to-cart-de-dialog',
  'clear-cart-confirmed',
  'session-ended',
  'skill-enabled-event',
  'exception-encountered',
];

const ODD_VALUES: unknown[] = [null, 0, -1, 1e308, true, '', ' ', 'x'.repeat(3000), [], [null], {}, { type: 'IntentRequest' }, '<speak>', '\u0000'];

/** A small deterministic generator so a failure can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const children = Object.entries(value as Record<string, unknown>).flatMap(([key, child]) => paths(child, [...prefix, key]));
  return prefix.length > 0 ? [prefix, ...children] : children;
}

function mutate(target: Record<string, unknown>, path: string[], random: () => number): void {
  let parent: Record<string, unknown> = target;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
  const last = path.at(-1)!;
  if (random() < 0.35) delete parent[last];
  else parent[last] = structuredClone(ODD_VALUES[Math.floor(random() * ODD_VALUES.length)]);
}

const core = new RecordingCore();
const log = new MemoryLog();
let server: Server;
let base: string;

beforeAll(async () => {
  const app = express();
  app.post('/alexa', ...alexaExpressHandlers({ core, log, config: { ALEXA_VERIFY_SIGNATURE: false } }));
  await new Promise<void>((resolve) => {
    server = app.listen(0, '127.0.0.1', () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/alexa`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('malformed Alexa requests', () => {
  it('answers 300 damaged envelopes with 200 or a 4xx JSON error', async () => {
    const random = prng(20251114);
    const statuses = new Map<number, number>();
    for (let i = 0; i < 300; i += 1) {
      const envelope = alexaFixture(FIXTURES[i % FIXTURES.length]!) as unknown as Record<string, unknown>;
      const candidates = paths(envelope);
      const mutations = 1 + Math.floor(random() * 3);
      for (let m = 0; m < mutations; m += 1) {
        const path = candidates[Math.floor(random() * candidates.length)]!;
        try {
          mutate(envelope, path, random);
        } catch {
          // The path vanished with an earlier mutation of its parent; the envelope is damaged enough.
        }
      }
      const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(envelope) });
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      expect([200, 400], `mutation ${i}: ${text}`).toContain(response.status);
      expect(() => JSON.parse(text)).not.toThrow();
      expect(text).not.toMatch(/\bat .*\.(js|ts):\d+/);
    }
    // Both outcomes occur: the mutations are neither all harmless nor all fatal.
    expect(statuses.get(200)).toBeGreaterThan(0);
    expect(statuses.get(400)).toBeGreaterThan(0);
    // Whatever passed the shape check was translated without falling into the apology handler.
    expect(log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it.each([
    ['truncated JSON', '{"version":"1.0","request":{"type":"LaunchRequest"', 'invalid_json'],
    ['binary noise', '\u0000\u0001\u0002\u00ff', 'invalid_json'],
    ['a JSON string', '"LaunchRequest"', 'invalid_request'],
    ['JSON null', 'null', 'invalid_request'],
    ['a number', '42', 'invalid_request'],
    ['deeply nested arrays', '['.repeat(5000) + ']'.repeat(5000), 'too_deeply_nested'],
    ['arrays nested 100,000 deep', '['.repeat(100_000) + ']'.repeat(100_000), 'too_deeply_nested'],
  ])('answers %s with 400', async (_label, body, code) => {
    const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe(code);
  });
});
