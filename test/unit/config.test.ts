/**
 * skill/config.ts: the environment is validated once at start, and a bad value stops the process with a message
 * that names the variable. The messages are pinned here word for word: the schema is written with zod/mini (small
 * on the Lambdas' cold path), which has no messages of its own, so what an operator reads is vocart's
 * (skill/validation-messages.ts).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, shopTableProblems } from '../../skill/config';
import { SHOPS } from '../../skill/core/orders/shop-settings';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error(`expected ${JSON.stringify(env)} to be refused`);
}

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    expect(loadConfig({})).toEqual({
      TABLE_NAME: 'vocart',
      AWS_REGION: 'us-east-1',
      DYNAMODB_TIMEOUT_MS: 1500,
      PORT: 3000,
      ALEXA_VERIFY_SIGNATURE: true,
      GOOGLE_TRUST_PAYLOAD_USER_ID: false,
      SELLER_NAME: 'vocart demo shop',
      PIN_THRESHOLD_CENTS: 10000,
      TAX_RATE_BASIS_POINTS: 825,
      DELIVERY_FEE_CENTS: 499,
      FREE_DELIVERY_FROM_CENTS: 5000,
      DELIVERY_DAYS: 2,
      CANCEL_WINDOW_HOURS: 12,
      PAYMENT_TIMEOUT_MS: 2500,
      PAYMENT_LATENCY_MS: 0,
      PAYMENT_FAILURE: 'none',
      LOG_LEVEL: 'INFO',
      AMAZON_API_ENDPOINT: 'https://api.amazonalexa.com',
      LWA_TOKEN_URL: 'https://api.amazon.com/auth/o2/token',
      HANDOFF_HOURS: 'Mon-Fri 09:00-17:00',
      HANDOFF_RESPONSE_HOURS: 4,
      HANDOFF_TIME_ZONE: 'America/New_York',
      HANDOFF_MIN_CONFIDENCE: 0.5,
      HELPDESK: 'inbox',
    });
  });

  it('reads numbers, switches and optional values from strings, and treats empty strings as unset', () => {
    const config = loadConfig({
      PORT: '8080',
      CANCEL_WINDOW_HOURS: '1.5',
      ALEXA_VERIFY_SIGNATURE: 'no',
      GOOGLE_TRUST_PAYLOAD_USER_ID: '1',
      GOOGLE_WEBHOOK_SECRET: 's'.repeat(16),
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      ALEXA_SKILL_ID: 'amzn1.ask.skill.abc',
      TABLE_NAME: '',
      PAYMENT_FAILURE: 'timeout',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      CANCEL_WINDOW_HOURS: 1.5,
      ALEXA_VERIFY_SIGNATURE: false,
      GOOGLE_TRUST_PAYLOAD_USER_ID: true,
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      ALEXA_SKILL_ID: 'amzn1.ask.skill.abc',
      TABLE_NAME: 'vocart',
      PAYMENT_FAILURE: 'timeout',
    });
  });

  it('keeps a URL as the URL parser reads it: trimmed, without tabs or line breaks', () => {
    expect(loadConfig({ DYNAMODB_ENDPOINT: ' http://127.0.0.1:8000\n', CHATWOOT_BASE_URL: 'https://chat.example.org/' })).toMatchObject({
      DYNAMODB_ENDPOINT: 'http://127.0.0.1:8000',
      CHATWOOT_BASE_URL: 'https://chat.example.org/',
    });
  });

  it.each([
    [{ TABLE_NAME: 'ab' }, 'TABLE_NAME: must have at least 3 characters'],
    [{ TABLE_NAME: 'x'.repeat(256) }, 'TABLE_NAME: must have at most 255 characters'],
    [{ DYNAMODB_ENDPOINT: 'not a url' }, 'DYNAMODB_ENDPOINT: must be a URL such as https://example.com'],
    [{ DYNAMODB_TIMEOUT_MS: 'abc' }, 'DYNAMODB_TIMEOUT_MS: must be a number'],
    [{ DYNAMODB_TIMEOUT_MS: '12.5' }, 'DYNAMODB_TIMEOUT_MS: must be a whole number, not 12.5'],
    [{ DYNAMODB_TIMEOUT_MS: '10' }, 'DYNAMODB_TIMEOUT_MS: must be at least 50'],
    [{ PORT: '70000' }, 'PORT: must be at most 65535'],
    [{ PAYMENT_LATENCY_MS: 'Infinity' }, 'PAYMENT_LATENCY_MS: must be a number, not Infinity'],
    [{ CANCEL_WINDOW_HOURS: '1000' }, 'CANCEL_WINDOW_HOURS: must be at most 720'],
    [{ ALEXA_VERIFY_SIGNATURE: 'maybe' }, 'ALEXA_VERIFY_SIGNATURE: must be one of "0", "1", "true", "false", "yes", "no"'],
    [{ ALEXA_SKILL_ID: 'skill-1' }, 'ALEXA_SKILL_ID: must start with "amzn1.ask.skill."'],
    [{ GOOGLE_WEBHOOK_SECRET: 'short' }, 'GOOGLE_WEBHOOK_SECRET: GOOGLE_WEBHOOK_SECRET must be at least 16 characters'],
    [{ CURRENCY: 'EUR' }, "CURRENCY: no longer read: each locale's shop has its own currency (en-US USD, de-DE EUR, skill/core/orders/shop-settings.ts); unset it"],
    [{ LOG_LEVEL: 'debug' }, 'LOG_LEVEL: must be one of "DEBUG", "INFO", "WARN", "ERROR", "SILENT"'],
    [{ ALEXA_CLIENT_ID: 'x'.repeat(513), ALEXA_CLIENT_SECRET: 's' }, 'ALEXA_CLIENT_ID: must have at most 512 characters'],
    [{ LWA_TOKEN_URL: '://' }, 'LWA_TOKEN_URL: must be a URL such as https://example.com'],
    [{ HANDOFF_HOURS: 'weekdays 9 to 5' }, 'HANDOFF_HOURS: HANDOFF_HOURS must look like "Mon-Fri 09:00-17:00", closing after it opens'],
    [{ HANDOFF_HOURS: 'Mon-Fri 17:00-09:00' }, 'HANDOFF_HOURS: HANDOFF_HOURS must look like "Mon-Fri 09:00-17:00", closing after it opens'],
    [{ HANDOFF_TIME_ZONE: 'Mars/Olympus' }, 'HANDOFF_TIME_ZONE: HANDOFF_TIME_ZONE must be an IANA time zone such as Europe/Berlin'],
    [{ HANDOFF_MIN_CONFIDENCE: '1.5' }, 'HANDOFF_MIN_CONFIDENCE: must be at most 1'],
    [{ CONSOLE_TOKEN: 'too-short' }, 'CONSOLE_TOKEN: CONSOLE_TOKEN must be at least 24 characters'],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(problems(env)).toEqual([message]);
  });

  it('lists every bad variable at once, in one readable error', () => {
    expect(() => loadConfig({ TABLE_NAME: 'ab', PORT: 'x', CURRENCY: 'EURO' })).toThrow(
      'Invalid configuration:\n' +
        '  TABLE_NAME: must have at least 3 characters\n' +
        '  PORT: must be a number\n' +
        "  CURRENCY: no longer read: each locale's shop has its own currency (en-US USD, de-DE EUR, skill/core/orders/shop-settings.ts); unset it",
    );
  });

  it('refuses a Chatwoot help desk without the settings it needs', () => {
    expect(problems({ HELPDESK: 'chatwoot', CHATWOOT_BASE_URL: 'http://127.0.0.1:3001' })).toEqual([
      'HELPDESK=chatwoot: set CHATWOOT_ACCOUNT_ID, CHATWOOT_INBOX_ID, CHATWOOT_WEBHOOK_SECRET',
    ]);
  });

  it('refuses half a credential pair and a trusted payload user id without a secret', () => {
    expect(problems({ ALEXA_CLIENT_ID: 'id' })).toEqual(['ALEXA_CLIENT_ID and ALEXA_CLIENT_SECRET: set both (skill messaging on) or neither (off)']);
    expect(problems({ GOOGLE_TRUST_PAYLOAD_USER_ID: 'yes' })).toEqual([
      'GOOGLE_TRUST_PAYLOAD_USER_ID: needs GOOGLE_WEBHOOK_SECRET (only an authenticated caller may name the shopper)',
    ]);
  });

  it('holds the shop table to an ISO currency and a known tax rule for every locale (checked here, not at every cold start: the table is code)', () => {
    expect(shopTableProblems(SHOPS)).toEqual([]);
    const broken = { ...SHOPS, 'de-DE': { currency: 'euro', tax: { kind: 'vat-included', reducedBasisPoints: 700, standardBasisPoints: 19000 } } };
    expect(shopTableProblems(broken)).toEqual([
      'shop de-DE.currency: currency must be an ISO 4217 code such as EUR',
      'shop de-DE.tax.standardBasisPoints: must be at most 5000',
    ]);
    expect(shopTableProblems({ 'en-US': SHOPS['en-US'] })[0]).toMatch(/^shop de-DE: /);
  });
});
