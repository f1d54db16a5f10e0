/**
 * Readiness: the store's ping against DynamoDB Local (a table that answers, a missing table, a database that is not
 * there) and GET /health of the local server on top of it.
 */
import express from 'express';
import type { Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, listen } from '../../../lambda/local/server';
import type { App } from '../../../skill/app';
import { createTablePing } from '../../../skill/store/ping';
import { createDynamoClient } from '../../../skill/store/dynamo-client';
import { createTestStore } from '../../helpers/store';
import { MemoryLog, RecordingCore } from '../../unit/platforms/alexa/fake-core';

let store: Awaited<ReturnType<typeof createTestStore>>;
/** Accepts connections and never answers: a database that hangs. */
let silent: TcpServer;
let silentEndpoint: string;

beforeAll(async () => {
  store = await createTestStore();
  silent = createTcpServer((socket) => socket.resume());
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', () => resolve()));
  silentEndpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => silent.close(resolve));
});

describe('store ping', () => {
  it('is ready when the table answers', async () => {
    expect(await store.ping()).toBe(true);
  });

  it('is not ready when the table is missing', async () => {
    expect(await createTablePing(store.client, 'vocart-no-such-table')()).toBe(false);
  });

  it('gives up on a database that does not answer within its deadline', async () => {
    const client = createDynamoClient({ region: 'us-east-1', endpoint: silentEndpoint, timeoutMs: 4000 });
    const started = Date.now();
    expect(await createTablePing(client, 'vocart', { timeoutMs: 300 })()).toBe(false);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('asks the database once for a flood of checks and again after the cache time', async () => {
    let sends = 0;
    let now = 0;
    const client = { send: async () => void (sends += 1) } as unknown as Parameters<typeof createTablePing>[0];
    const ping = createTablePing(client, 'vocart', { now: () => now, cacheMs: 2000 });
    expect(await Promise.all(Array.from({ length: 100 }, () => ping()))).toEqual(Array(100).fill(true));
    expect(sends).toBe(1);
    now = 1999;
    await ping();
    expect(sends).toBe(1);
    now = 2001;
    await ping();
    expect(sends).toBe(2);
  });
});

describe('GET /health', () => {
  async function healthOf(ping: () => Promise<boolean>) {
    const app = {
      core: new RecordingCore(),
      log: new MemoryLog(),
      config: { TABLE_NAME: 'vocart-test', ALEXA_VERIFY_SIGNATURE: false },
      store: { ping },
    } as unknown as App;
    const http: Server = await listen(createServer(app) as express.Express, 0);
    try {
      const response = await fetch(`http://127.0.0.1:${(http.address() as AddressInfo).port}/health`);
      return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    } finally {
      await new Promise((resolve) => http.close(resolve));
    }
  }

  it('is 200 ok while the table answers', async () => {
    expect(await healthOf(store.ping)).toEqual({ status: 200, body: { status: 'ok', table: 'vocart-test' } });
  });

  it('is 503 with a plain reason while the database is unreachable', async () => {
    const client = createDynamoClient({ region: 'us-east-1', endpoint: silentEndpoint, timeoutMs: 4000 });
    expect(await healthOf(createTablePing(client, 'vocart', { timeoutMs: 300 }))).toEqual({
      status: 503,
      body: { status: 'unavailable', reason: 'database unreachable' },
    });
  });
});
