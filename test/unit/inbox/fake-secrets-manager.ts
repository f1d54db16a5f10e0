/**
 * A local stand-in for AWS Secrets Manager's GetSecretValue, answering in its documented wire format (JSON 1.1:
 * POST / with X-Amz-Target secretsmanager.GetSecretValue; a secret's ARN, Name, SecretString and VersionId back,
 * or a ResourceNotFoundException), so the SDK's own client is what the tests exercise.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeSecretsManager {
  endpoint: string;
  secrets: Map<string, string>;
  /** The secret ids asked for, in order. */
  reads: string[];
  /** Set to answer every call with a 500 InternalServiceError. */
  failing: boolean;
  close(): Promise<void>;
}

export async function startFakeSecretsManager(): Promise<FakeSecretsManager> {
  const fake: Omit<FakeSecretsManager, 'endpoint' | 'close'> = { secrets: new Map(), reads: [], failing: false };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const answer = (status: number, json: unknown) => {
        res.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${fake.reads.length}` });
        res.end(JSON.stringify(json));
      };
      if (req.method !== 'POST' || req.headers['x-amz-target'] !== 'secretsmanager.GetSecretValue') {
        answer(400, { __type: 'UnknownOperationException', message: 'Unknown operation' });
        return;
      }
      const { SecretId: id } = JSON.parse(body) as { SecretId: string };
      fake.reads.push(id);
      if (fake.failing) return answer(500, { __type: 'InternalServiceError', message: 'An error occurred on the server side.' });
      const value = fake.secrets.get(id);
      if (value === undefined) return answer(400, { __type: 'ResourceNotFoundException', message: "Secrets Manager can't find the specified secret." });
      answer(200, { ARN: id, Name: id.split(':').at(-1), SecretString: value, VersionId: 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111', VersionStages: ['AWSCURRENT'], CreatedDate: 1764547200 });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(fake, {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as FakeSecretsManager;
}
