/**
 * The certificate download against a local stand-in for s3.amazonaws.com: a server that accepts connections and
 * never answers. Every timed-out download must close its socket (the server sees each one end), so a flood of
 * forged requests cannot pile up open files.
 */
import { Agent, createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';
import { connect, type ConnectionOptions } from 'node:tls';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CertificateDownloadError, downloadCertificateChain } from '../../../../skill/platforms/alexa/cert-download';
import { createTestPki, type TestPki } from './test-pki';

const CERT_URL = new URL('https://s3.amazonaws.com/echo.api/echo-api-cert.pem');

let pki: TestPki;
beforeAll(() => {
  pki = createTestPki();
});

/** Connects every request to the local server, checking its certificate against the test root as if it were Amazon. */
function agentTo(port: number, ca: string): Agent {
  const agent = new Agent({ keepAlive: false });
  (agent as unknown as { createConnection: (options: ConnectionOptions, callback?: () => void) => Socket }).createConnection = (options, callback) =>
    connect({ ...options, host: '127.0.0.1', port, servername: 's3.amazonaws.com', ca }, callback);
  return agent;
}

/** Counts the server-side sockets that are still open. */
function track(server: TcpServer): { open: () => number; seen: () => number } {
  const sockets = new Set<Socket>();
  let seen = 0;
  server.on('connection', (socket: Socket) => {
    seen += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return { open: () => sockets.size, seen: () => seen };
}

async function listen(server: TcpServer): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as AddressInfo).port;
}

async function eventually(check: () => boolean, withinMs = 3000): Promise<void> {
  const until = Date.now() + withinMs;
  while (!check() && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
}

const servers: TcpServer[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    (server as { closeAllConnections?: () => void }).closeAllConnections?.();
    await new Promise((resolve) => server.close(resolve));
  }
});

describe('downloadCertificateChain', () => {
  it('downloads a chain over TLS', async () => {
    const server = createHttpsServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, (_req, res) => res.end(pki.chainPem));
    servers.push(server);
    const port = await listen(server);
    await expect(downloadCertificateChain(CERT_URL, { timeoutMs: 2000, maxBytes: 64 * 1024, agent: agentTo(port, pki.rootPem) })).resolves.toBe(pki.chainPem);
  });

  it('closes every socket of 50 downloads that time out waiting for an answer', async () => {
    // TLS completes, the request arrives, the answer never comes.
    const server = createHttpsServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, () => {});
    servers.push(server);
    const sockets = track(server);
    const port = await listen(server);
    const agent = agentTo(port, pki.rootPem);
    const results = await Promise.allSettled(
      // A deadline long enough for 50 TLS handshakes on a loaded 2-core machine: the answer is what never comes.
      Array.from({ length: 50 }, () => downloadCertificateChain(CERT_URL, { timeoutMs: 1500, maxBytes: 64 * 1024, agent })),
    );
    expect(results.every((result) => result.status === 'rejected' && result.reason instanceof CertificateDownloadError && result.reason.problem === 'timeout')).toBe(true);
    await eventually(() => sockets.seen() === 50 && sockets.open() === 0);
    expect(sockets.seen()).toBe(50);
    expect(sockets.open()).toBe(0);
  });

  it('closes every socket of 50 downloads that time out during the handshake', async () => {
    // A TCP server that reads (so it notices a close) and says nothing: the TLS handshake never finishes.
    const server = createTcpServer((socket) => socket.resume());
    servers.push(server);
    const sockets = track(server);
    const port = await listen(server);
    const agent = agentTo(port, pki.rootPem);
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, () => downloadCertificateChain(CERT_URL, { timeoutMs: 300, maxBytes: 64 * 1024, agent })),
    );
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(50);
    await eventually(() => sockets.seen() === 50 && sockets.open() === 0);
    expect(sockets.open()).toBe(0);
  });

  it('stops reading an answer larger than the cap', async () => {
    const server = createHttpsServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, (_req, res) => {
      res.write('x'.repeat(40 * 1024));
      res.write('x'.repeat(40 * 1024));
    });
    servers.push(server);
    const sockets = track(server);
    const port = await listen(server);
    const failure = downloadCertificateChain(CERT_URL, { timeoutMs: 2000, maxBytes: 64 * 1024, agent: agentTo(port, pki.rootPem) });
    await expect(failure).rejects.toMatchObject({ problem: 'too_large' });
    await eventually(() => sockets.open() === 0);
    expect(sockets.open()).toBe(0);
  });

  it('refuses a status other than 200', async () => {
    const server = createHttpsServer({ key: pki.serverKeyPem, cert: pki.serverCertPem }, (_req, res) => {
      res.statusCode = 403;
      res.end('denied');
    });
    servers.push(server);
    const port = await listen(server);
    await expect(downloadCertificateChain(CERT_URL, { timeoutMs: 2000, maxBytes: 64 * 1024, agent: agentTo(port, pki.rootPem) })).rejects.toMatchObject({ problem: 'status' });
  });
});
