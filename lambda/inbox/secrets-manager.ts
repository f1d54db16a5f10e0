/**
 * Reading the inbox token's secret with the AWS SDK's Secrets Manager client, which the Node.js 22 runtime ships (the
 * bundle keeps @aws-sdk external: infra/bundling/options.ts). One call per container, with a deadline well inside
 * the function's timeout so a slow read answers 503 instead of hanging an agent's page.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SecretReader } from './token-source';

export interface SecretsManagerSettings {
  region: string;
  /** Another endpoint than AWS's (a local fake in tests). */
  endpoint?: string;
  timeoutMs?: number;
}

export function secretsManagerReader(settings: SecretsManagerSettings): SecretReader {
  const timeoutMs = settings.timeoutMs ?? 2000;
  const client = new SecretsManagerClient({
    region: settings.region,
    maxAttempts: 2,
    requestHandler: { requestTimeout: timeoutMs, connectionTimeout: Math.min(timeoutMs, 1000), throwOnRequestTimeout: true },
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  });
  return async (secretArn) => (await client.send(new GetSecretValueCommand({ SecretId: secretArn }))).SecretString;
}
