/**
 * Alexa reminders through the Reminders API (reminders-client.ts, which calls POST {apiEndpoint}/v1/alerts/reminders
 * with the request's apiAccessToken). A failing API never breaks a turn: the caller learns what happened and
 * decides; nothing here throws.
 */
import type { services } from 'ask-sdk-model';
import type { Log } from '../../core/ports';
import type { Locale } from '../../core/turn';
import { RemindersUnreachableError } from './reminders-client';

type ReminderRequest = services.reminderManagement.ReminderRequest;

/** What this module needs of a Reminders API client (RemindersClient; tests may pass a recorder). */
export interface ReminderApi {
  createReminder(request: ReminderRequest): Promise<services.reminderManagement.ReminderResponse>;
  getReminders?(): Promise<services.reminderManagement.GetRemindersResponse>;
}

export interface PlannedReminder {
  /** ISO local date-time without zone (2026-11-25T09:00:00.000): Alexa rings it in the device's time zone. */
  at: string;
  text: string;
}

/** Alexa waits 8 s for the whole turn: reminders get a small share of it. */
export const REMINDER_DEADLINE_MS = 2500;

/** Local date-time, no offset: a zone would override the device's. Seconds and milliseconds optional. */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?$/;
/** Alexa's limit on spoken reminder text. */
const MAX_TEXT = 250;

export class InvalidReminderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidReminderError';
  }
}

function localIso(date: Date): string {
  // requestTime is informational; the UTC clock reading without the Z keeps to the documented format.
  return date.toISOString().replace(/Z$/, '');
}

/** The request body for one absolute reminder, spoken in the shopper's locale and pushed to the Alexa app. */
export function buildReminderRequest(reminder: PlannedReminder, locale: Locale, now: Date = new Date()): ReminderRequest {
  if (!LOCAL_DATE_TIME.test(reminder.at)) throw new InvalidReminderError(`not a local ISO date-time: ${reminder.at}`);
  const text = reminder.text.trim();
  if (text.length === 0) throw new InvalidReminderError('a reminder needs text');
  return {
    requestTime: localIso(now),
    trigger: { type: 'SCHEDULED_ABSOLUTE', scheduledTime: reminder.at },
    alertInfo: { spokenInfo: { content: [{ locale, text: text.slice(0, MAX_TEXT) }] } },
    pushNotification: { status: 'ENABLED' },
  };
}

export type ReminderFailure = 'permission' | 'invalid' | 'throttled' | 'unavailable' | 'timeout';

export class ReminderDeadlineError extends Error {
  constructor(ms: number) {
    super(`the Reminders API did not answer within ${ms} ms`);
    this.name = 'ReminderDeadlineError';
  }
}

/** RemindersApiError carries Amazon's `statusCode`; no answer in time or no network is RemindersUnreachableError. */
export function classifyReminderError(error: unknown): ReminderFailure {
  if (error instanceof ReminderDeadlineError) return 'timeout';
  if (error instanceof RemindersUnreachableError) return error.timedOut ? 'timeout' : 'unavailable';
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof status === 'number') {
    if (status === 401 || status === 403) return 'permission';
    if (status === 429) return 'throttled';
    if (status >= 400 && status < 500) return 'invalid';
  }
  return 'unavailable';
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | undefined)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new ReminderDeadlineError(ms)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

export interface ReminderOutcome {
  created: number;
  /** Already on the shopper's list with the same time and text (a repeated message): not created again. */
  duplicates: number;
  failed: number;
  /** Amazon said 401/403: the shopper revoked the permission (or never granted it); ask again. */
  permissionLost: boolean;
  failures: ReminderFailure[];
}

function sameReminder(existing: services.reminderManagement.Reminder, request: ReminderRequest): boolean {
  if (existing.status === 'COMPLETED') return false;
  const at = existing.trigger?.scheduledTime;
  const wanted = request.trigger?.scheduledTime;
  if (!at || !wanted || at.slice(0, 16) !== wanted.slice(0, 16)) return false;
  const texts = new Set((existing.alertInfo?.spokenInfo?.content ?? []).map((content) => content.text));
  return (request.alertInfo?.spokenInfo?.content ?? []).every((content) => texts.has(content.text));
}

export interface CreateRemindersOptions {
  locale: Locale;
  log: Log;
  now?: Date;
  deadlineMs?: number;
  /** Look at the skill's existing reminders first and skip identical ones (for messages Amazon may repeat). */
  skipExisting?: boolean;
}

/**
 * Creates the reminders one after another (the API rate-limits per skill and user, and there are at most a few),
 * stopping at a permission failure: the rest would fail the same way. Logs status codes only, never the text.
 */
export async function createReminders(api: ReminderApi, reminders: PlannedReminder[], options: CreateRemindersOptions): Promise<ReminderOutcome> {
  const outcome: ReminderOutcome = { created: 0, duplicates: 0, failed: 0, permissionLost: false, failures: [] };
  const deadlineMs = options.deadlineMs ?? REMINDER_DEADLINE_MS;
  const requests: ReminderRequest[] = [];
  for (const reminder of reminders) {
    try {
      requests.push(buildReminderRequest(reminder, options.locale, options.now));
    } catch (error) {
      outcome.failed++;
      outcome.failures.push('invalid');
      options.log.warn('alexa: reminder not built', { errorName: error instanceof Error ? error.name : typeof error });
    }
  }
  let existing: services.reminderManagement.Reminder[] = [];
  if (options.skipExisting && api.getReminders && requests.length > 0) {
    try {
      existing = (await withDeadline(api.getReminders(), deadlineMs)).alerts ?? [];
    } catch (error) {
      // Not knowing what exists is no reason to withhold the reminder; a rare duplicate beats a silent miss.
      const failure = classifyReminderError(error);
      if (failure === 'permission') {
        outcome.permissionLost = true;
        outcome.failed += requests.length;
        outcome.failures.push(failure);
        options.log.warn('alexa: reminders permission missing', { status: statusOf(error) });
        return outcome;
      }
      options.log.warn('alexa: could not list existing reminders', { failure, status: statusOf(error) });
    }
  }
  const notBuilt = outcome.failed;
  for (const request of requests) {
    if (existing.some((reminder) => sameReminder(reminder, request))) {
      outcome.duplicates++;
      continue;
    }
    try {
      await withDeadline(api.createReminder(request), deadlineMs);
      outcome.created++;
    } catch (error) {
      const failure = classifyReminderError(error);
      outcome.failures.push(failure);
      options.log.warn('alexa: reminder not created', { failure, status: statusOf(error), errorName: error instanceof Error ? error.name : typeof error });
      if (failure === 'permission') outcome.permissionLost = true;
      // Without permission the rest fail the same way, and a slow or overloaded API will not recover within this
      // turn: the shopper should not wait for it twice. Only a rejected request leaves the others worth trying.
      if (failure !== 'invalid') break;
    }
  }
  // Whatever was neither created nor found already is a failure, including those not tried after a stop.
  outcome.failed = notBuilt + requests.length - outcome.created - outcome.duplicates;
  return outcome;
}
