/**
 * Deployment settings the stack reads from CDK context, validated before any resource is created, so a
 * missing or mistyped value stops `cdk synth` with one sentence instead of deploying a function that no
 * skill can invoke.
 */
import type { Construct } from 'constructs';

/** Context key: `npx cdk deploy -c alexaSkillId=amzn1.ask.skill.…`. */
export const ALEXA_SKILL_ID_CONTEXT = 'alexaSkillId';

/**
 * A well-formed id that belongs to no skill: enough for `cdk synth` in tests and CI. A stack built with it
 * deploys, but Alexa can never invoke its function, so the stack also prints a warning when it sees it.
 */
export const PLACEHOLDER_ALEXA_SKILL_ID = 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000';

/**
 * Skill ids are `amzn1.ask.skill.` + a lowercase UUID. Lambda compares the event source token literally,
 * so an id with upper-case letters would synthesize but never match: reject it here.
 */
const SKILL_ID_PATTERN = /^amzn1\.ask\.skill\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export class StackSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StackSettingsError';
  }
}

/**
 * Context key: name of a Secrets Manager secret holding the skill's messaging credentials as JSON
 * `{"clientId": "...", "clientSecret": "..."}` (developer console → Permissions). Without it the daily
 * replenishment run delivers nothing.
 */
export const ALEXA_MESSAGING_SECRET_CONTEXT = 'alexaMessagingSecret';

/** Secrets Manager names: letters, digits and /_+=.@- (up to 512). */
const SECRET_NAME_PATTERN = /^[A-Za-z0-9/_+=.@-]{1,512}$/;

/**
 * Context key: a replenishment priors file (`npm run replenish:priors`), relative to the project root, shipped with
 * the conversation functions. Without it each shopper's own history decides.
 */
export const REPLENISHMENT_PRIORS_CONTEXT = 'replenishmentPriors';

/**
 * Context keys of the help desk the cases are relayed to. `helpdesk` is `inbox` (the default: the built-in agent
 * inbox only) or `chatwoot`, which then needs the other four: the Chatwoot URL, the account and API-channel inbox
 * ids, and the name of a Secrets Manager secret holding `{"apiToken": "...", "webhookSecret": "..."}` (an agent's
 * access token, and the inbox's webhook secret Chatwoot signs its deliveries with).
 */
export const HELPDESK_CONTEXT = 'helpdesk';
export const CHATWOOT_BASE_URL_CONTEXT = 'chatwootBaseUrl';
export const CHATWOOT_ACCOUNT_ID_CONTEXT = 'chatwootAccountId';
export const CHATWOOT_INBOX_ID_CONTEXT = 'chatwootInboxId';
export const CHATWOOT_SECRET_CONTEXT = 'chatwootSecret';

export interface ChatwootSettings {
  baseUrl: string;
  accountId: number;
  inboxId: number;
  /** Secret name of {"apiToken", "webhookSecret"}. */
  secretName: string;
}

export interface StackSettings {
  alexaSkillId: string;
  usesPlaceholderSkillId: boolean;
  /** Secret name of the skill messaging credentials, when given. */
  alexaMessagingSecret?: string;
  /** Priors file as given (relative to the project root), when given. */
  replenishmentPriors?: string;
  /** Set when cases are relayed to Chatwoot (helpdesk=chatwoot). */
  chatwoot?: ChatwootSettings;
}

export function readStackSettings(scope: Construct): StackSettings {
  const raw: unknown = scope.node.tryGetContext(ALEXA_SKILL_ID_CONTEXT);
  const howToFix =
    `Pass the id from the Alexa developer console: npx cdk deploy -c ${ALEXA_SKILL_ID_CONTEXT}=amzn1.ask.skill.<uuid> ` +
    `(for a synth without a skill, use the placeholder ${PLACEHOLDER_ALEXA_SKILL_ID}).`;
  if (raw === undefined || raw === null || raw === '') {
    throw new StackSettingsError(`Missing context value "${ALEXA_SKILL_ID_CONTEXT}". ${howToFix}`);
  }
  if (typeof raw !== 'string' || !SKILL_ID_PATTERN.test(raw.trim())) {
    throw new StackSettingsError(
      `Context value "${ALEXA_SKILL_ID_CONTEXT}" is ${JSON.stringify(raw)}, not an Alexa skill id ` +
        `(amzn1.ask.skill. followed by a lowercase UUID). ${howToFix}`,
    );
  }
  const alexaSkillId = raw.trim();
  const secret: unknown = scope.node.tryGetContext(ALEXA_MESSAGING_SECRET_CONTEXT);
  if (secret !== undefined && secret !== null && secret !== '' && (typeof secret !== 'string' || !SECRET_NAME_PATTERN.test(secret))) {
    throw new StackSettingsError(
      `Context value "${ALEXA_MESSAGING_SECRET_CONTEXT}" is ${JSON.stringify(secret)}, not a Secrets Manager secret name. ` +
        `Pass the name of a secret holding {"clientId", "clientSecret"}: -c ${ALEXA_MESSAGING_SECRET_CONTEXT}=vocart/alexa-messaging`,
    );
  }
  const priors: unknown = scope.node.tryGetContext(REPLENISHMENT_PRIORS_CONTEXT);
  if (priors !== undefined && priors !== null && priors !== '' && typeof priors !== 'string') {
    throw new StackSettingsError(`Context value "${REPLENISHMENT_PRIORS_CONTEXT}" must be a file path, e.g. -c ${REPLENISHMENT_PRIORS_CONTEXT}=data/priors.json`);
  }
  const chatwoot = readChatwootSettings(scope);
  return {
    alexaSkillId,
    ...(chatwoot ? { chatwoot } : {}),
    ...(typeof priors === 'string' && priors !== '' ? { replenishmentPriors: priors } : {}),
    usesPlaceholderSkillId: alexaSkillId === PLACEHOLDER_ALEXA_SKILL_ID,
    ...(typeof secret === 'string' && secret !== '' ? { alexaMessagingSecret: secret } : {}),
  };
}

const given = (value: unknown) => value !== undefined && value !== null && value !== '';

/** Context values arrive as strings from `-c` and as numbers from cdk.json: both name a positive whole number. */
function positiveId(key: string, value: unknown): number {
  const id = typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(id) || id < 1) {
    throw new StackSettingsError(`Context value "${key}" is ${JSON.stringify(value)}, not a Chatwoot id (a positive whole number, as in /app/accounts/<id>/…).`);
  }
  return id;
}

function readChatwootSettings(scope: Construct): ChatwootSettings | undefined {
  const helpdesk: unknown = scope.node.tryGetContext(HELPDESK_CONTEXT);
  if (!given(helpdesk) || helpdesk === 'inbox') return undefined;
  if (helpdesk !== 'chatwoot') {
    throw new StackSettingsError(`Context value "${HELPDESK_CONTEXT}" is ${JSON.stringify(helpdesk)}: use inbox (the built-in agent inbox only) or chatwoot.`);
  }
  const keys = [CHATWOOT_BASE_URL_CONTEXT, CHATWOOT_ACCOUNT_ID_CONTEXT, CHATWOOT_INBOX_ID_CONTEXT, CHATWOOT_SECRET_CONTEXT];
  const missing = keys.filter((key) => !given(scope.node.tryGetContext(key)));
  if (missing.length > 0) {
    throw new StackSettingsError(
      `${HELPDESK_CONTEXT}=chatwoot needs ${missing.join(', ')}: -c ${CHATWOOT_BASE_URL_CONTEXT}=https://chatwoot.example.com ` +
        `-c ${CHATWOOT_ACCOUNT_ID_CONTEXT}=1 -c ${CHATWOOT_INBOX_ID_CONTEXT}=2 -c ${CHATWOOT_SECRET_CONTEXT}=vocart/chatwoot`,
    );
  }
  const baseUrl: unknown = scope.node.tryGetContext(CHATWOOT_BASE_URL_CONTEXT);
  let url: URL | undefined;
  try {
    url = typeof baseUrl === 'string' ? new URL(baseUrl) : undefined;
  } catch {
    url = undefined;
  }
  // The API token travels in a header: never over plain HTTP to a deployed stack.
  if (!url || url.protocol !== 'https:') {
    throw new StackSettingsError(`Context value "${CHATWOOT_BASE_URL_CONTEXT}" is ${JSON.stringify(baseUrl)}, not an https:// URL of a Chatwoot installation.`);
  }
  const secretName: unknown = scope.node.tryGetContext(CHATWOOT_SECRET_CONTEXT);
  if (typeof secretName !== 'string' || !SECRET_NAME_PATTERN.test(secretName)) {
    throw new StackSettingsError(
      `Context value "${CHATWOOT_SECRET_CONTEXT}" is ${JSON.stringify(secretName)}, not a Secrets Manager secret name. ` +
        `Pass the name of a secret holding {"apiToken", "webhookSecret"}: -c ${CHATWOOT_SECRET_CONTEXT}=vocart/chatwoot`,
    );
  }
  return {
    baseUrl: url.href.replace(/\/+$/, ''),
    accountId: positiveId(CHATWOOT_ACCOUNT_ID_CONTEXT, scope.node.tryGetContext(CHATWOOT_ACCOUNT_ID_CONTEXT)),
    inboxId: positiveId(CHATWOOT_INBOX_ID_CONTEXT, scope.node.tryGetContext(CHATWOOT_INBOX_ID_CONTEXT)),
    secretName,
  };
}
