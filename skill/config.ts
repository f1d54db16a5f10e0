/**
 * The environment, read and validated once. A bad value stops the process at start with a message that
 * names the variable, instead of failing on the first shopper's request.
 */
import * as z from 'zod/mini';
import { validationMessage } from './validation-messages';
import { _coercedNumber } from 'zod/v4/core';
import { parseBusinessHours } from './core/handoff/answer-time';
import { LOCALES } from './core/turn';

/*
 * zod/mini, not the full zod: this module is on every Lambda's cold path, and the full build is about 440 KB of
 * the minified bundle against about 20 KB for the same checks written functionally. zod/mini registers no
 * message of its own: the parse below says what is wrong in vocart's words (validation-messages.ts).
 */

/** Whether the reading of `text` succeeds: the format of a value has one home, the code that reads it. */
function readable(read: (text: string) => unknown): (text: string) => boolean {
  return (text) => {
    try {
      read(text);
      return true;
    } catch {
      return false;
    }
  };
}

/** A prefix check without zod's string-format check class (about 350 bytes) for two fields. */
const startsWith = (prefix: string) => z.refine<string>((text) => text.startsWith(prefix), `must start with "${prefix}"`);

const isTimeZone = readable((name) => new Intl.DateTimeFormat('en-US', { timeZone: name }));

/**
 * A URL, checked by the URL parser itself and kept trimmed, without the tabs and line breaks the parser skips: what
 * zod's url() did here, without the host-name and protocol machinery vocart never asks it for (about 1.8 KB of the
 * bundle).
 */
const url = () => z.string().check(z.overwrite((text) => text.trim().replace(/[\t\n\r]/g, '')), z.refine(readable((text) => new URL(text)), 'must be a URL such as https://example.com'));

/**
 * On/off variables: the words they may be set with, and each one's value when unset. They are read into booleans
 * after the parse (switches()), not by a zod transform: pipe and transform would cost about 1.2 KB for two values.
 */
const SWITCH_WORDS = ['true', 'false', '1', '0', 'yes', 'no'] as const;
const SWITCHES = { ALEXA_VERIFY_SIGNATURE: true, GOOGLE_TRUST_PAYLOAD_USER_ID: false };
type Switch = keyof typeof SWITCHES;
const switchWord = () => z.optional(z.enum(SWITCH_WORDS));

/**
 * A number read from a string as Number() reads it, then checked (NaN and Infinity are refused as not numbers): what
 * z.coerce.number() is, built the way zod/mini builds it (zod/v4/core's _coercedNumber on ZodMiniNumber). Reaching it
 * through z.coerce would bring zod's coercing string, boolean, bigint and date schemas along (about 1.2 KB).
 */
const numberFrom = (...checks: z.core.$ZodCheck<number>[]) => _coercedNumber(z.ZodMiniNumber, {}).check(...checks);

/** A whole number read from a string, between min and max when they are given. */
const wholeNumber = (min: number, max?: number) => numberFrom(z.int(), z.gte(min), ...(max === undefined ? [] : [z.lte(max)]));

/** The shortest inbox token accepted, from the environment or from the stack's secret (lambda/inbox/bearer.ts). */
export const MIN_CONSOLE_TOKEN_LENGTH = 24;

const schema = z.object({
  TABLE_NAME: z._default(z.string().check(z.minLength(3), z.maxLength(255)), 'vocart'),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'us-east-1'),
  /** Set to use a DynamoDB other than AWS's (DynamoDB Local, or a database the tester owns). */
  DYNAMODB_ENDPOINT: z.optional(url()),
  /** Every outbound call has a deadline well inside Alexa's 8 s and Dialogflow's 5 s. */
  DYNAMODB_TIMEOUT_MS: z._default(wholeNumber(50, 4000), 1500),
  PORT: z._default(wholeNumber(0, 65535), 3000),
  ALEXA_VERIFY_SIGNATURE: switchWord(),
  ALEXA_SKILL_ID: z.optional(z.string().check(startsWith('amzn1.ask.skill.'))),
  GOOGLE_WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(16, 'GOOGLE_WEBHOOK_SECRET must be at least 16 characters'))),
  /**
   * Take `originalDetectIntentRequest.payload.user.userId` as the shopper's identity. Anyone can write that field,
   * so only for an integration that authenticates its callers, and only with GOOGLE_WEBHOOK_SECRET set.
   */
  GOOGLE_TRUST_PAYLOAD_USER_ID: switchWord(),
  /** Path of a prebuilt search index; default: the demo catalog's, bundled with the code. */
  CATALOG_INDEX: z.optional(z.string()),
  /** Replenishment priors pooled from the shop's order history (`npm run replenish:priors`); default: none. */
  REPLENISHMENT_PRIORS: z.optional(z.string()),
  SELLER_NAME: z._default(z.string().check(z.minLength(1)), 'vocart demo shop'),
  /** Orders above this total (minor units) need the voice PIN. */
  PIN_THRESHOLD_CENTS: z._default(wholeNumber(0), 10000),
  /** The sales tax added at checkout by shops that add it (en-US); German prices include VAT (core/orders/shop-settings.ts). */
  TAX_RATE_BASIS_POINTS: z._default(wholeNumber(0, 5000), 825),
  DELIVERY_FEE_CENTS: z._default(wholeNumber(0), 499),
  FREE_DELIVERY_FROM_CENTS: z._default(wholeNumber(0), 5000),
  DELIVERY_DAYS: z._default(wholeNumber(0, 60), 2),
  CANCEL_WINDOW_HOURS: z._default(numberFrom(z.gte(0), z.lte(720)), 12),
  /** The local payment gateway: a deadline, a simulated latency and failure injection for rehearsals. */
  PAYMENT_TIMEOUT_MS: z._default(wholeNumber(50, 4000), 2500),
  PAYMENT_LATENCY_MS: z._default(wholeNumber(0, 10000), 0),
  PAYMENT_FAILURE: z._default(z.enum(['none', 'decline', 'timeout', 'error']), 'none'),
  LOG_LEVEL: z._default(z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR', 'SILENT']), 'INFO'),
  /**
   * The skill's Login with Amazon credentials (developer console → Permissions → Alexa Skill Messaging). The daily
   * replenishment run needs both to reach shoppers outside a session; without them it delivers nothing.
   */
  ALEXA_CLIENT_ID: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  ALEXA_CLIENT_SECRET: z.optional(z.string().check(z.minLength(1), z.maxLength(512))),
  /** Alexa's API host for the daily run (api.eu.amazonalexa.com for a European skill); tests point it at a fake. */
  AMAZON_API_ENDPOINT: z._default(url(), 'https://api.amazonalexa.com'),
  LWA_TOKEN_URL: z._default(url(), 'https://api.amazon.com/auth/o2/token'),
  /**
   * When people from the shop answer handoff cases, in the shop's time zone: what the shopper is told ("by tomorrow
   * around 10"). Days and hours as "Mon-Fri 09:00-17:00".
   */
  HANDOFF_HOURS: z._default(z.string().check(z.refine(readable(parseBusinessHours), 'HANDOFF_HOURS must look like "Mon-Fri 09:00-17:00", closing after it opens')), 'Mon-Fri 09:00-17:00'),
  /** How many business hours the shop promises for a first answer. */
  HANDOFF_RESPONSE_HOURS: z._default(wholeNumber(1, 200), 4),
  /** The IANA time zone of the shop's business hours. */
  HANDOFF_TIME_ZONE: z._default(z.string().check(z.refine(isTimeZone, 'HANDOFF_TIME_ZONE must be an IANA time zone such as Europe/Berlin')), 'America/New_York'),
  /** Below this intent confidence (where the platform sends one: Dialogflow) the bot counts itself unsure. */
  HANDOFF_MIN_CONFIDENCE: z._default(numberFrom(z.gte(0), z.lte(1)), 0.5),
  /**
   * The bearer token of the agent inbox's API (/api/handoffs). `npm start` makes one when unset; in AWS the inbox
   * function reads it from Secrets Manager (CONSOLE_TOKEN_SECRET_ARN) instead.
   */
  CONSOLE_TOKEN: z.optional(z.string().check(z.minLength(MIN_CONSOLE_TOKEN_LENGTH, `CONSOLE_TOKEN must be at least ${MIN_CONSOLE_TOKEN_LENGTH} characters`))),
  CONSOLE_TOKEN_SECRET_ARN: z.optional(z.string().check(startsWith('arn:'))),
  /** Where handoff cases go besides the built-in inbox: nowhere else (inbox) or a Chatwoot API-channel inbox. */
  HELPDESK: z._default(z.enum(['inbox', 'chatwoot']), 'inbox'),
  CHATWOOT_BASE_URL: z.optional(url()),
  CHATWOOT_ACCOUNT_ID: z.optional(wholeNumber(1)),
  CHATWOOT_INBOX_ID: z.optional(wholeNumber(1)),
  /** A Chatwoot agent or bot access token (api_access_token header); in AWS read from Secrets Manager instead. */
  CHATWOOT_API_TOKEN: z.optional(z.string().check(z.minLength(8))),
  /** The secret Chatwoot signs its webhooks with; a webhook that fails the check is refused. */
  CHATWOOT_WEBHOOK_SECRET: z.optional(z.string().check(z.minLength(16, 'CHATWOOT_WEBHOOK_SECRET must be at least 16 characters'))),
});

/**
 * The shop per locale is code, not environment: a currency only makes sense with the catalog's prices and the tax
 * rule that goes with it, and one CURRENCY for two locales gave German shoppers dollars in search and euros at
 * checkout. Being code, the table cannot change between deployments' starts, so its check runs in the unit tests
 * (test/unit/config.test.ts) rather than at every cold start; the schema is built inside the function so that a
 * bundle which never calls it carries none of zod's record, discriminated-union and literal code.
 */
export function shopTableProblems(table: unknown): string[] {
  const basisPoints = z.number().check(z.int(), z.gte(0), z.lte(5000));
  const shopsSchema = z.record(
    z.enum(LOCALES),
    z.object({
      currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'currency must be an ISO 4217 code such as EUR')),
      tax: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('sales-tax-added') }),
        z.object({ kind: z.literal('vat-included'), reducedBasisPoints: basisPoints, standardBasisPoints: basisPoints }),
      ]),
    }),
  );
  const parsed = z.safeParse(shopsSchema, table, { error: validationMessage });
  return parsed.success ? [] : parsed.error.issues.map((issue) => `shop ${issue.path.join('.')}: ${issue.message}`);
}

const CURRENCY_MOVED = "no longer read: each locale's shop has its own currency (en-US USD, de-DE EUR, skill/core/orders/shop-settings.ts); unset it";


export type Config = Omit<z.infer<typeof schema>, Switch> & Record<Switch, boolean>;

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

/** The switches as booleans: on for true, 1 and yes, off for false, 0 and no, the default when unset. */
function switches(data: Partial<Record<Switch, string>>): Record<Switch, boolean> {
  const on = (name: Switch) => {
    const word = data[name];
    return word === undefined ? SWITCHES[name] : ['true', '1', 'yes'].includes(word);
  };
  return Object.fromEntries((Object.keys(SWITCHES) as Switch[]).map((name) => [name, on(name)])) as Record<Switch, boolean>;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = z.safeParse(schema, withoutEmpty(env), { error: validationMessage });
  const issues = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(env)'}: ${issue.message}`);
  // A deployment that still sets CURRENCY expects it to mean something: say where the currency lives now.
  if (withoutEmpty(env).CURRENCY !== undefined) issues.push(`CURRENCY: ${CURRENCY_MOVED}`);
  if (!parsed.success || issues.length > 0) throw new ConfigError(issues);
  const config: Config = { ...parsed.data, ...switches(parsed.data) };
  // Half a credential pair is a deployment mistake, not "delivery off": say so at start.
  if ((config.ALEXA_CLIENT_ID === undefined) !== (config.ALEXA_CLIENT_SECRET === undefined)) {
    throw new ConfigError(['ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET: set both (skill messaging on) or neither (off)']);
  }
  // Trusting the payload's user id without a secret would let any caller name any shopper.
  if (config.GOOGLE_TRUST_PAYLOAD_USER_ID && config.GOOGLE_WEBHOOK_SECRET === undefined) {
    throw new ConfigError(['GOOGLE_TRUST_PAYLOAD_USER_ID: needs GOOGLE_WEBHOOK_SECRET (only an authenticated caller may name the shopper)']);
  }
  if (config.HELPDESK === 'chatwoot') {
    const missing = (['CHATWOOT_BASE_URL', 'CHATWOOT_ACCOUNT_ID', 'CHATWOOT_INBOX_ID', 'CHATWOOT_WEBHOOK_SECRET'] as const).filter((name) => config[name] === undefined);
    if (missing.length > 0) throw new ConfigError([`HELPDESK=chatwoot: set ${missing.join(', ')}`]);
  }
  return config;
}
