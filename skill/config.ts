/**
 * The environment, read and validated once. A bad value stops the process at start with a message that
 * names the variable, instead of failing on the first shopper's request.
 */
import { z } from 'zod';

const booleanFromString = (fallback: boolean) =>
  z
    .enum(['true', 'false', '1', '0', 'yes', 'no'])
    .optional()
    .transform((value) => (value === undefined ? fallback : ['true', '1', 'yes'].includes(value)));

const schema = z.object({
  TABLE_NAME: z.string().min(3).max(255).default('vocart'),
  AWS_REGION: z.string().min(1).default('us-east-1'),
  /** Set to use a DynamoDB other than AWS's (DynamoDB Local, or a database the tester owns). */
  DYNAMODB_ENDPOINT: z.url().optional(),
  /** Every outbound call has a deadline well inside Alexa's 8 s and Dialogflow's 5 s. */
  DYNAMODB_TIMEOUT_MS: z.coerce.number().int().min(50).max(4000).default(1500),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  ALEXA_VERIFY_SIGNATURE: booleanFromString(true),
  ALEXA_SKILL_ID: z.string().startsWith('amzn1.ask.skill.').optional(),
  GOOGLE_WEBHOOK_SECRET: z.string().min(16, 'GOOGLE_WEBHOOK_SECRET must be at least 16 characters').optional(),
  /** Path of a prebuilt search index; default: the demo catalog's, bundled with the code. */
  CATALOG_INDEX: z.string().optional(),
  SELLER_NAME: z.string().min(1).default('vocart demo shop'),
  /** Orders above this total (minor units) need the voice PIN. */
  PIN_THRESHOLD_CENTS: z.coerce.number().int().min(0).default(10000),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Treat empty strings as unset: `FOO= npm start` should mean the default, not an invalid value. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(withoutEmpty(env));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`));
  }
  return parsed.data;
}
