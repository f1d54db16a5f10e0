import { describe, expect, it } from 'vitest';
import { MIN_PURCHASES_FOR_REMINDER, runDailyReplenishment, skipReason, type DueSource, type MessageSender } from '../../../skill/jobs/daily-replenishment';
import { decodeReplenishmentMessage } from '../../../skill/platforms/alexa/replenishment-message';
import { LwaTokenError, SkillMessageError } from '../../../skill/platforms/alexa/skill-messaging';
import type { DueItem, DuePage, ReminderAudience } from '../../../skill/store/due-index';
import { FixedClock, SilentLog } from '../../helpers/fakes';

const DAY = '2026-11-23';
const NOW = new Date(`${DAY}T06:00:00Z`);

const item = (customerId: string, productId: string, extra: Partial<DueItem> = {}): DueItem => ({ customerId, productId, purchase: 3, purchases: 3, dueDay: DAY, ...extra });
const granted = (customerId: string): ReminderAudience => ({ granted: true, alexaUserId: `user-${customerId}`, excludedProducts: [] });

/** Pages and claims in memory, with the store's claim rule: one claim per item and purchase. */
class MemoryDue implements DueSource {
  readonly claims = new Map<string, string>();
  readonly released: string[] = [];
  audienceCalls = 0;
  constructor(
    private readonly pageList: DueItem[][],
    private readonly people: Map<string, ReminderAudience>,
  ) {}
  async *pages(): AsyncGenerator<DuePage> {
    for (const items of this.pageList) yield { items, unreadable: 0 };
  }
  async claim(due: DueItem, _day: string, runId: string) {
    const key = `${due.customerId}/${due.productId}/${due.purchase}`;
    if (this.claims.has(key)) return false;
    this.claims.set(key, runId);
    return true;
  }
  async release(due: DueItem, runId: string) {
    const key = `${due.customerId}/${due.productId}/${due.purchase}`;
    if (this.claims.get(key) !== runId) return false;
    this.claims.delete(key);
    this.released.push(key);
    return true;
  }
  async audiences(ids: string[]) {
    this.audienceCalls++;
    return new Map(ids.flatMap((id) => (this.people.has(id) ? [[id, this.people.get(id)!] as const] : [])));
  }
}

class RecordingSender implements MessageSender {
  readonly sent: Array<{ userId: string; productIds: string[] }> = [];
  failures: unknown[] = [];
  async send(userId: string, data: Record<string, string>) {
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.sent.push({ userId, productIds: decodeReplenishmentMessage(data).productIds });
  }
}

const run = (due: DueSource, sender?: MessageSender) =>
  runDailyReplenishment({ due, log: new SilentLog(), clock: new FixedClock(NOW), concurrency: 1, ...(sender ? { sender } : {}) }, NOW);

describe('skipReason', () => {
  const audience = { ...granted('a'), excludedProducts: ['x'] };
  it.each([
    ['another day', item('a', 'p', { dueDay: '2026-11-22' }), audience, 'not-due-today'],
    ['already reminded this purchase', item('a', 'p', { remindedForPurchase: 3 }), audience, 'already-reminded'],
    ['no consent item', item('a', 'p'), undefined, 'no-consent'],
    ['consent withdrawn', item('a', 'p'), { ...audience, granted: false }, 'no-consent'],
    ['granted on Google', item('a', 'p'), { granted: true, excludedProducts: [] as string[] }, 'no-alexa-user'],
    ['excluded product', item('a', 'x'), audience, 'excluded'],
    ['snoozed past today', item('a', 'p', { snoozedUntil: '2026-11-24' }), audience, 'snoozed'],
    ['bought once', item('a', 'p', { purchases: MIN_PURCHASES_FOR_REMINDER - 1 }), audience, 'too-little-history'],
  ] as const)('skips %s', (_label, due, who, reason) => {
    expect(skipReason(due, who as ReminderAudience | undefined, DAY)).toBe(reason);
  });

  it('lets through an item reminded for an older purchase, snoozed until today', () => {
    expect(skipReason(item('a', 'p', { remindedForPurchase: 2, snoozedUntil: DAY }), audience, DAY)).toBeUndefined();
  });
});

describe('runDailyReplenishment', () => {
  it('sends one message per customer even when their items span pages, at most three products each', async () => {
    const due = new MemoryDue(
      [[item('a', 'p1'), item('a', 'p2')], [item('a', 'p3'), item('a', 'p4'), item('b', 'p1')], [item('b', 'p2')]],
      new Map([['a', granted('a')], ['b', granted('b')]]),
    );
    const sender = new RecordingSender();
    const report = await run(due, sender);
    expect(sender.sent).toEqual([
      { userId: 'user-a', productIds: ['p1', 'p2', 'p3'] },
      { userId: 'user-a', productIds: ['p4'] },
      { userId: 'user-b', productIds: ['p1', 'p2'] },
    ]);
    expect(report).toMatchObject({ read: 6, due: 6, claimed: 6, sent: 6, messages: 3 });
    // Consents are read once per customer per run: page 3 holds only b, already known from page 2.
    expect(due.audienceCalls).toBe(2);
  });

  it('keeps claims on refusals, releases them on transient failures and stops on refused credentials', async () => {
    const people = new Map(['a', 'b', 'c', 'd'].map((id) => [id, granted(id)] as const));
    const due = new MemoryDue([[item('a', 'p'), item('b', 'p'), item('c', 'p'), item('d', 'p')]], people);
    const sender = new RecordingSender();
    sender.failures = [
      new SkillMessageError('user-gone', 404, 'gone'),
      new SkillMessageError('throttled', 429, 'slow down'),
      new LwaTokenError(401, 'invalid_client', 'bad credentials'),
    ];
    const report = await run(due, sender);
    expect(report.failed).toMatchObject({ 'user-gone': 1, transient: 1, credentials: 1 });
    expect(report).toMatchObject({ retryable: true, stopped: 'credentials-rejected', released: 2, sent: 0 });
    expect(report.skipped['run-stopped']).toBe(1);
    expect([...due.claims.keys()]).toEqual(['a/p/3']);
  });

  it('without a sender claims nothing', async () => {
    const due = new MemoryDue([[item('a', 'p')]], new Map([['a', granted('a')]]));
    const report = await run(due);
    expect(report).toMatchObject({ deliveryEnabled: false, due: 1, claimed: 0 });
    expect(due.claims.size).toBe(0);
  });
});
