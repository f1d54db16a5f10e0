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
  /**
   * Take `originalDetectIntentRequest.payload.user.userId` as the shopper's identity. Anyone can write that field,
   * so only for an integration that authenticates its callers, and only with GOOGLE_WEBHOOK_SECRET set.
   */
  GOOGLE_TRUST_PAYLOAD_USER_ID: booleanFromString(false),
  /** Path of a prebuilt search index; default: the demo catalog's, bundled with the code. */
  CATALOG_INDEX: z.string().optional(),
  /** Replenishment priors pooled from the shop's order history (`npm run replenish:priors`); default: none. */
  REPLENISHMENT_PRIORS: z.string().optional(),
  SELLER_NAME: z.string().min(1).default('vocart demo shop'),
  CURRENCY: z.string().regex(/^[A-Z]{3}$/, 'CURRENCY must be an ISO 4217 code such as USD').default('USD'),
  /** Orders above this total (minor units) need the voice PIN. */
  PIN_THRESHOLD_CENTS: z.coerce.number().int().min(0).default(10000),
  TAX_RATE_BASIS_POINTS: z.coerce.number().int().min(0).max(5000).default(825),
  DELIVERY_FEE_CENTS: z.coerce.number().int().min(0).default(499),
  FREE_DELIVERY_FROM_CENTS: z.coerce.number().int().min(0).default(5000),
  DELIVERY_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  CANCEL_WINDOW_HOURS: z.coerce.number().min(0).max(720).default(12),
  /** The local payment gateway: a deadline, a simulated latency and failure injection for rehearsals. */
  PAYMENT_TIMEOUT_MS: z.coerce.number().int().min(50).max(4000).default(2500),
  PAYMENT_LATENCY_MS: z.coerce.number().int().min(0).max(10000).default(0),
  PAYMENT_FAILURE: z.enum(['none', 'decline', 'timeout', 'error']).default('none'),
  LOG_LEVEL: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']).default('INFO'),
  /**
   * The skill's Login with Amazon credentials (developer console → Permissions → Alexa Skill Messaging). The daily
   * replenishment run needs both to reach shoppers outside a session; without them it delivers nothing.
   */
  ALEXA_CLIENT_ID: z.string().min(1).max(512).optional(),
  ALEXA_CLIENT_SECRET: z.string().min(1).max(512).optional(),
  /** Alexa's API host for the daily run (api.eu.amazonalexa.com for a European skill); tests point it at a fake. */
  AMAZON_API_ENDPOINT: z.url().default('https://api.amazonalexa.com'),
  LWA_TOKEN_URL: z.url().default('https://api.amazon.com/auth/o2/token'),
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
  // Half a credential pair is a deployment mistake, not "delivery off": say so at start.
  if ((parsed.data.ALEXA_CLIENT_ID === undefined) !== (parsed.data.ALEXA_CLIENT_SECRET === undefined)) {
    throw new ConfigError(['ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET: set both (skill messaging on) or neither (off)']);
  }
  // Trusting the payload's user id without a secret would let any caller name any shopper.
  if (parsed.data.GOOGLE_TRUST_PAYLOAD_USER_ID && parsed.data.GOOGLE_WEBHOOK_SECRET === undefined) {
    throw new ConfigError(['GOOGLE_TRUST_PAYLOAD_USER_ID: needs GOOGLE_WEBHOOK_SECRET (only an authenticated caller may name the shopper)']);
  }
  return parsed.data;
}
