/**
 * Where the inbox function finds its bearer token: CONSOLE_TOKEN when set (tests, a self-hosted deployment), else
 * the Secrets Manager secret CONSOLE_TOKEN_SECRET_ARN names, read once per container on the first request that
 * needs it (init stays free of network calls). A failed read is not kept: the next request tries again. A token
 * too short to trust counts as no token: the router then answers 503 and lets no one in.
 */
import { ConfigError, type Config } from '../../skill/config';
import { MIN_CONSOLE_TOKEN_LENGTH } from '../../skill/config';

/** Reads a secret's string value by ARN (secrets-manager.ts in AWS; a map in tests). */
export type SecretReader = (secretArn: string) => Promise<string | undefined>;

export class InboxTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'InboxTokenError';
  }
}

/**
 * The token a secret holds: its plain string (what the stack's generated secret is), or the `token` field of a JSON
 * secret, for a shop that keeps several values in one secret.
 */
export function tokenFromSecret(value: string | undefined): string {
  let token = value?.trim();
  if (token?.startsWith('{')) {
    try {
      const parsed = JSON.parse(token) as { token?: unknown };
      token = typeof parsed.token === 'string' ? parsed.token.trim() : undefined;
    } catch (error) {
      throw new InboxTokenError('the token secret is neither a plain string nor JSON with a "token" field', { cause: error });
    }
  }
  if (!token || token.length < MIN_CONSOLE_TOKEN_LENGTH) throw new InboxTokenError(`the token secret holds no token of at least ${MIN_CONSOLE_TOKEN_LENGTH} characters`);
  return token;
}

export function tokenSource(config: Pick<Config, 'CONSOLE_TOKEN' | 'CONSOLE_TOKEN_SECRET_ARN'>, readSecret: SecretReader): () => Promise<string> {
  if (config.CONSOLE_TOKEN) {
    const token = config.CONSOLE_TOKEN;
    return async () => token;
  }
  const arn = config.CONSOLE_TOKEN_SECRET_ARN;
  if (!arn) throw new ConfigError(['CONSOLE_TOKEN_SECRET_ARN or CONSOLE_TOKEN: set one; the inbox lets no one in without a token']);
  let pending: Promise<string> | undefined;
  return () => {
    pending ??= readSecret(arn).then(tokenFromSecret);
    pending.catch(() => {
      pending = undefined;
    });
    return pending;
  };
}
