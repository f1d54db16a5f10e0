/**
 * The inbox function's token: CONSOLE_TOKEN when set, else the Secrets Manager secret, read with the SDK's client
 * (against a local stand-in speaking the service's wire format) once per container; a failed read is retried on
 * the next request, and a secret without a usable token lets no one in.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../../skill/config';
import { secretsManagerReader } from '../../../lambda/inbox/secrets-manager';
import { InboxTokenError, tokenFromSecret, tokenSource } from '../../../lambda/inbox/token-source';
import { startFakeSecretsManager, type FakeSecretsManager } from './fake-secrets-manager';

const ARN = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:vocart-console-token-AbCdEf';
const TOKEN = 'S3cretTokenFromTheStack0123456789abcdefABCDEF';

let secrets: FakeSecretsManager;
const credentials = { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY };

beforeAll(async () => {
  secrets = await startFakeSecretsManager();
  // The SDK signs every call; the stand-in does not check the signature, but the client needs credentials to sign.
  process.env.AWS_ACCESS_KEY_ID ??= 'test';
  process.env.AWS_SECRET_ACCESS_KEY ??= 'test';
});

afterAll(async () => {
  await secrets.close();
  for (const [name, value] of Object.entries(credentials)) if (value === undefined) delete process.env[name];
});

beforeEach(() => {
  secrets.secrets.clear();
  secrets.reads.length = 0;
  secrets.failing = false;
});

const reader = () => secretsManagerReader({ region: 'us-east-1', endpoint: secrets.endpoint, timeoutMs: 2000 });

describe('tokenSource', () => {
  it('uses CONSOLE_TOKEN as it is, without asking Secrets Manager', async () => {
    const token = tokenSource({ CONSOLE_TOKEN: 'local-token-0123456789abcdef', CONSOLE_TOKEN_SECRET_ARN: ARN }, reader());
    expect(await token()).toBe('local-token-0123456789abcdef');
    expect(secrets.reads).toEqual([]);
  });

  it('reads the secret once per container, however many requests need it', async () => {
    secrets.secrets.set(ARN, TOKEN);
    const token = tokenSource({ CONSOLE_TOKEN_SECRET_ARN: ARN }, reader());
    expect(await Promise.all([token(), token()])).toEqual([TOKEN, TOKEN]);
    expect(await token()).toBe(TOKEN);
    expect(secrets.reads).toEqual([ARN]);
  });

  it('tries again on the next request after a failed read', async () => {
    secrets.failing = true;
    const token = tokenSource({ CONSOLE_TOKEN_SECRET_ARN: ARN }, reader());
    await expect(token()).rejects.toThrow();
    secrets.failing = false;
    secrets.secrets.set(ARN, TOKEN);
    expect(await token()).toBe(TOKEN);
  });

  it('refuses a missing secret and one too short to be a token', async () => {
    await expect(tokenSource({ CONSOLE_TOKEN_SECRET_ARN: ARN }, reader())()).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    secrets.secrets.set(ARN, 'short');
    await expect(tokenSource({ CONSOLE_TOKEN_SECRET_ARN: ARN }, reader())()).rejects.toBeInstanceOf(InboxTokenError);
  });

  it('stops at start when neither CONSOLE_TOKEN nor the secret is configured', () => {
    expect(() => tokenSource({}, reader())).toThrow(ConfigError);
  });
});

describe('tokenFromSecret', () => {
  it('takes a plain secret (what the stack generates) or the token field of a JSON secret', () => {
    expect(tokenFromSecret(`${TOKEN}\n`)).toBe(TOKEN);
    expect(tokenFromSecret(JSON.stringify({ token: TOKEN, other: 'x' }))).toBe(TOKEN);
    expect(() => tokenFromSecret(JSON.stringify({ password: TOKEN }))).toThrow(InboxTokenError);
    expect(() => tokenFromSecret('{not json')).toThrow(InboxTokenError);
    expect(() => tokenFromSecret(undefined)).toThrow(InboxTokenError);
  });
});
