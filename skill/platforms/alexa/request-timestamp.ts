/**
 * Alexa's replay protection: a request is only valid within 150 seconds of its timestamp, in either direction (a
 * timestamp in the future is as suspect as an old one). Skill lifecycle events (enabled, disabled, permission
 * and account-linking changes) may be delivered up to an hour late, so their past tolerance is an hour.
 */

export const TIMESTAMP_TOLERANCE_MS = 150_000;
const SKILL_EVENT_PAST_TOLERANCE_MS = 3_600_000;

const SKILL_EVENTS: ReadonlySet<string> = new Set([
  'AlexaSkillEvent.SkillEnabled',
  'AlexaSkillEvent.SkillDisabled',
  'AlexaSkillEvent.SkillPermissionChanged',
  'AlexaSkillEvent.SkillPermissionAccepted',
  'AlexaSkillEvent.SkillAccountLinked',
]);

/** ISO 8601 with a date, a time and a zone, as Alexa sends it ("2025-11-14T09:30:00Z"); nothing looser. */
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/;

export function isTimestampFresh(requestType: string, timestamp: string, nowMs: number): boolean {
  if (!ISO_TIMESTAMP.test(timestamp)) return false;
  const sentAt = Date.parse(timestamp);
  if (Number.isNaN(sentAt)) return false;
  const age = nowMs - sentAt;
  if (age < -TIMESTAMP_TOLERANCE_MS) return false;
  const pastTolerance = SKILL_EVENTS.has(requestType) ? SKILL_EVENT_PAST_TOLERANCE_MS : TIMESTAMP_TOLERANCE_MS;
  return age <= pastTolerance;
}
