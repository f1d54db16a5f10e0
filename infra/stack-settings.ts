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

export interface StackSettings {
  alexaSkillId: string;
  usesPlaceholderSkillId: boolean;
  /** Secret name of the skill messaging credentials, when given. */
  alexaMessagingSecret?: string;
  /** Priors file as given (relative to the project root), when given. */
  replenishmentPriors?: string;
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
  return {
    alexaSkillId,
    ...(typeof priors === 'string' && priors !== '' ? { replenishmentPriors: priors } : {}),
    usesPlaceholderSkillId: alexaSkillId === PLACEHOLDER_ALEXA_SKILL_ID,
    ...(typeof secret === 'string' && secret !== '' ? { alexaMessagingSecret: secret } : {}),
  };
}
