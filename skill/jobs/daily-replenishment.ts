/**
 * The daily replenishment run: read today's due partition, keep the products whose shopper agreed to reminders
 * on Alexa, claim each one (at most one reminder per product and purchase, whatever reruns or parallel runs do)
 * and ask Alexa, through skill messaging, to let the skill set the reminder.
 *
 * Delivery semantics, on purpose:
 * - Claim first, then send. A crash between the two loses that reminder for this cycle (the in-session nudge still
 *   covers it); the other order would send a second reminder after a crash, and a reminder twice is the worse
 *   failure for a shopper who agreed to be reminded, not nagged.
 * - A refusal that a retry cannot change (404/410 user gone, 403 forbidden, 400 rejected) keeps the claim: nobody
 *   retries it, and it is counted.
 * - A transient failure (429, 5xx, timeout, network) gives the claim back and marks the run `retryable`: the Lambda
 *   host then fails the invocation, Lambda's asynchronous retry runs it again within minutes, the claims skip
 *   everything already sent, and only the released items go out. Once those retries are spent the items stay
 *   unclaimed in a past day's partition, which no later run reads.
 * - Credentials Amazon refuses (LWA invalid_client, or 401 with a fresh token) stop the run: every further message
 *   would fail the same way. Claims made for the failed message are given back.
 */
import { consentCovers } from '../core/privacy/consent';
import { randomUUID } from 'node:crypto';
import type { Clock, Log } from '../core/ports';
import { dayOf } from '../core/replenishment/history';
import { isoDay } from '../core/replenishment/live';
import { encodeReplenishmentMessage, MAX_PRODUCTS_PER_MESSAGE } from '../platforms/alexa/replenishment-message';
import { LwaTokenError, SkillMessageError } from '../platforms/alexa/skill-messaging';
import type { DueItem, DuePage, ReminderAudience } from '../store/due-index';

/** Reminders outside a session interrupt; only products bought at least this often (a known rhythm) earn one. */
export const MIN_PURCHASES_FOR_REMINDER = 2;
/** Customers handled at once: enough to hide Amazon's latency, few enough to stay under its rate limits. */
export const DEFAULT_CONCURRENCY = 8;

export interface DueSource {
  pages(day: string): AsyncIterable<DuePage>;
  claim(item: DueItem, day: string, runId: string, at: Date): Promise<boolean>;
  release(item: DueItem, runId: string): Promise<boolean>;
  audiences(customerIds: string[]): Promise<Map<string, ReminderAudience>>;
}

export interface MessageSender {
  send(userId: string, data: Record<string, string>): Promise<void>;
}

export const SKIP_REASONS = [
  'unreadable',
  'not-due-today',
  'already-reminded',
  'no-consent',
  'no-alexa-user',
  'excluded',
  'snoozed',
  'too-little-history',
  'claimed-elsewhere',
  'delivery-disabled',
  'run-stopped',
] as const;
export type SkipReason = (typeof SKIP_REASONS)[number];

export const FAILURE_REASONS = ['user-gone', 'forbidden', 'rejected', 'transient', 'credentials'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];

export interface RunReport {
  day: string;
  deliveryEnabled: boolean;
  /** Items read from the day's partition. */
  read: number;
  /** Items that qualified for a reminder (consent, Alexa user, not excluded or snoozed, enough history). */
  due: number;
  /** Claims this run won. */
  claimed: number;
  /** Items whose message Alexa accepted, and how many messages that took. */
  sent: number;
  messages: number;
  /** Claims given back after a transient failure. */
  released: number;
  skipped: Record<SkipReason, number>;
  failed: Record<FailureReason, number>;
  /** Released items wait for a rerun of this day: the host should fail the invocation so it is retried. */
  retryable: boolean;
  /** Set when the run stopped early, naming why. */
  stopped?: 'credentials-rejected';
  durationMs: number;
}

export interface DailyRunDeps {
  due: DueSource;
  /** Undefined when the skill's messaging credentials are not configured: the run claims and sends nothing. */
  sender?: MessageSender;
  log: Log;
  clock: Clock;
  concurrency?: number;
}

function emptyReport(day: string, deliveryEnabled: boolean): RunReport {
  return {
    day,
    deliveryEnabled,
    read: 0,
    due: 0,
    claimed: 0,
    sent: 0,
    messages: 0,
    released: 0,
    skipped: Object.fromEntries(SKIP_REASONS.map((reason) => [reason, 0])) as Record<SkipReason, number>,
    failed: Object.fromEntries(FAILURE_REASONS.map((reason) => [reason, 0])) as Record<FailureReason, number>,
    retryable: false,
    durationMs: 0,
  };
}

/** Why an item gets no reminder, or undefined when it qualifies. */
export function skipReason(item: DueItem, audience: ReminderAudience | undefined, day: string): SkipReason | undefined {
  if (item.dueDay !== day) return 'not-due-today';
  if (item.remindedForPurchase === item.purchase) return 'already-reminded';
  if (!audience?.granted) return 'no-consent';
  if (!audience.alexaUserId) return 'no-alexa-user';
  if (!consentCovers(audience, item.productId)) return 'excluded';
  if (item.snoozedUntil && item.snoozedUntil > day) return 'snoozed';
  if (item.purchases < MIN_PURCHASES_FOR_REMINDER) return 'too-little-history';
  return undefined;
}

interface Group {
  customerId: string;
  audience: ReminderAudience;
  items: DueItem[];
}

/** Consecutive items of one customer (the index sorts by customer, then product) form one message. */
function groupByCustomer(items: Array<{ item: DueItem; audience: ReminderAudience }>): Group[] {
  const groups: Group[] = [];
  for (const { item, audience } of items) {
    const last = groups.at(-1);
    if (last && last.customerId === item.customerId) last.items.push(item);
    else groups.push({ customerId: item.customerId, audience, items: [item] });
  }
  return groups;
}

function chunks<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
  return out;
}

type DeliveryOutcome = { kind: 'sent' } | { kind: 'kept'; reason: FailureReason } | { kind: 'released'; reason: FailureReason; stop: boolean };

function outcomeOf(error: unknown): DeliveryOutcome {
  if (error instanceof SkillMessageError) {
    switch (error.failure) {
      case 'user-gone':
        return { kind: 'kept', reason: 'user-gone' };
      case 'forbidden':
        return { kind: 'kept', reason: 'forbidden' };
      case 'rejected':
        return { kind: 'kept', reason: 'rejected' };
      case 'unauthorized':
        return { kind: 'released', reason: 'credentials', stop: true };
      default:
        return { kind: 'released', reason: 'transient', stop: false };
    }
  }
  if (error instanceof LwaTokenError && error.permanent) return { kind: 'released', reason: 'credentials', stop: true };
  return { kind: 'released', reason: 'transient', stop: false };
}

export class DailyReplenishmentRun {
  private readonly runId = randomUUID();
  private readonly audiences = new Map<string, ReminderAudience | null>();
  private readonly report: RunReport;
  private stopped = false;

  constructor(
    private readonly deps: DailyRunDeps,
    private readonly day: string,
  ) {
    this.report = emptyReport(day, deps.sender !== undefined);
  }

  async run(): Promise<RunReport> {
    const started = Date.now();
    let carry: Array<{ item: DueItem; audience: ReminderAudience }> = [];
    for await (const page of this.deps.due.pages(this.day)) {
      this.report.read += page.items.length + page.unreadable;
      this.report.skipped.unreadable += page.unreadable;
      const qualified = [...carry, ...(await this.qualify(page.items))];
      const groups = groupByCustomer(qualified);
      // The last customer of a page may continue on the next one: hold them back so they get one message.
      const last = groups.pop();
      carry = last ? last.items.map((item) => ({ item, audience: last.audience })) : [];
      await this.deliverAll(groups);
    }
    await this.deliverAll(groupByCustomer(carry));
    this.report.durationMs = Date.now() - started;
    return this.report;
  }

  private async qualify(items: DueItem[]): Promise<Array<{ item: DueItem; audience: ReminderAudience }>> {
    const unknown = [...new Set(items.map((item) => item.customerId))].filter((id) => !this.audiences.has(id));
    if (unknown.length > 0) {
      const found = await this.deps.due.audiences(unknown);
      for (const id of unknown) this.audiences.set(id, found.get(id) ?? null);
    }
    return items.flatMap((item) => {
      const audience = this.audiences.get(item.customerId) ?? undefined;
      const reason = skipReason(item, audience, this.day);
      if (reason) {
        this.report.skipped[reason]++;
        return [];
      }
      this.report.due++;
      return [{ item, audience: audience! }];
    });
  }

  private async deliverAll(groups: Group[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        await this.deliver(group);
      }
    };
    const workers = Math.max(1, Math.min(this.deps.concurrency ?? DEFAULT_CONCURRENCY, groups.length));
    await Promise.all(Array.from({ length: workers }, worker));
  }

  private async deliver(group: Group): Promise<void> {
    const sender = this.deps.sender;
    if (!sender) {
      // Honest about it: nothing is claimed, so the day's reminders are not marked as sent when they were not.
      this.report.skipped['delivery-disabled'] += group.items.length;
      return;
    }
    for (const batch of chunks(group.items, MAX_PRODUCTS_PER_MESSAGE)) {
      if (this.stopped) {
        this.report.skipped['run-stopped'] += batch.length;
        continue;
      }
      const claimed: DueItem[] = [];
      for (const item of batch) {
        if (await this.deps.due.claim(item, this.day, this.runId, this.deps.clock.now())) claimed.push(item);
        else this.report.skipped['claimed-elsewhere']++;
      }
      if (claimed.length === 0) continue;
      this.report.claimed += claimed.length;
      await this.send(sender, group, claimed);
    }
  }

  private async send(sender: MessageSender, group: Group, claimed: DueItem[]): Promise<void> {
    let outcome: DeliveryOutcome;
    try {
      const data = encodeReplenishmentMessage({
        ...(group.audience.locale ? { locale: group.audience.locale } : {}),
        dueDay: this.day,
        productIds: claimed.map((item) => item.productId),
      });
      await sender.send(group.audience.alexaUserId!, data);
      outcome = { kind: 'sent' };
    } catch (error) {
      outcome = outcomeOf(error);
      // The error's name and status only: messages from Amazon may echo the user id.
      this.deps.log.warn('replenish: message not delivered', {
        errorName: error instanceof Error ? error.name : typeof error,
        status: (error as { status?: unknown }).status,
        outcome: outcome.kind,
      });
    }
    if (outcome.kind === 'sent') {
      this.report.sent += claimed.length;
      this.report.messages++;
      return;
    }
    this.report.failed[outcome.reason] += claimed.length;
    if (outcome.kind === 'kept') return;
    for (const item of claimed) if (await this.deps.due.release(item, this.runId)) this.report.released++;
    if (outcome.reason === 'transient') this.report.retryable = true;
    if (outcome.stop) {
      this.stopped = true;
      this.report.stopped = 'credentials-rejected';
    }
  }
}

/** The day whose partition a run reads: the UTC day of the scheduled time (a retried event keeps its time). */
export function runDay(at: Date): string {
  return isoDay(dayOf(at));
}

export async function runDailyReplenishment(deps: DailyRunDeps, at: Date = deps.clock.now()): Promise<RunReport> {
  const report = await new DailyReplenishmentRun(deps, runDay(at)).run();
  const level = report.stopped || report.retryable ? 'warn' : 'info';
  // Counts only: no customer, user or product ids.
  deps.log[level]('replenish: daily run finished', { ...report });
  if (!report.deliveryEnabled && report.due > 0) {
    deps.log.warn('replenish: delivery disabled (ALEXA_CLIENT_ID/ALEXA_CLIENT_SECRET not set); nothing was claimed or sent', { due: report.due });
  }
  return report;
}
