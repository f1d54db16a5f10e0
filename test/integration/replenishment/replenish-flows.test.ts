/**
 * Replenishment in the conversation against DynamoDB Local: the demo history replayed into predictions, the
 * launch nudge only after consent and once per product per cycle, "not now", withdrawing consent, the ledger.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildVoiceCatalog } from '../../../skill/core/catalog/build/catalog-builder';
import { createConversationCore } from '../../../skill/core/conversation/engine';
import type { Locale, Reply, Turn } from '../../../skill/core/turn';
import { emptyPriors } from '../../../skill/core/replenishment/priors';
import { LocalPaymentGateway } from '../../../skill/payments/local-gateway';
import { seedDemoCustomer } from '../../../skill/store/seed';
import { FixedClock, SilentLog, turn } from '../../helpers/fakes';
import { createTestStore, storeCoreDeps } from '../../helpers/store';

const catalog = buildVoiceCatalog(JSON.parse(readFileSync(new URL('../../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));
const demo = JSON.parse(readFileSync(new URL('../../../skill/data/demo-customer.json', import.meta.url), 'utf8'));
const onGoogle = { platform: 'google' as const, platformUserId: 'df-session-user', accessToken: demo.accessToken as string };
const onAlexa = { platform: 'alexa' as const, platformUserId: 'amzn1.ask.account.DEMO', accessToken: demo.accessToken as string };
/** What the Alexa adapter says an Alexa surface can do: reminders reach the shopper outside a session. */
const alexaDevice = { hasScreen: false, app: true, accountLinkingCard: true, outOfSessionReminders: true };

// In the demo history the perfume (p172, every ~60 days) and the cat food (p196, every ~4 weeks) are overdue;
// milk, bananas and coffee were bought three days ago.
const PERFUME = 'Maison Lumière No. 5 Eau de Parfum';
const CAT_FOOD = 'Dry Cat Food Indoor';

describe('replenishment conversations on DynamoDB Local', () => {
  const clock = new FixedClock();
  let store: Awaited<ReturnType<typeof createTestStore>>;
  let payments: LocalPaymentGateway;
  let session: Turn['session'] = {};
  let log: SilentLog;

  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Locale = 'en-US'): Promise<Reply> {
    const core = createConversationCore(storeCoreDeps(store, { catalog, payments, clock, log }));
    const reply = await core.handle(turn({ customer: onGoogle, session, ...partial }, locale));
    session = reply.sessionState;
    return reply;
  }

  /** "Turn on reminders" names no product, so it asks about everything bought regularly; the yes grants it. */
  async function enableAll(partial: Partial<Turn> = {}, locale: Locale = 'en-US'): Promise<Reply> {
    const question = await say({ intent: 'EnableRemindersIntent', ...partial }, locale);
    expect(question.ask).toEqual({ kind: 'confirm' });
    return say({ intent: 'Yes', ...partial }, locale);
  }

  async function launch(partial: Partial<Turn> = {}, locale: Locale = 'en-US'): Promise<Reply> {
    session = {};
    return say({ intent: 'Launch', newSession: true, ...partial }, locale);
  }

  beforeEach(async () => {
    store = await createTestStore(clock);
    await seedDemoCustomer(store.tableName, demo, clock, { catalog, priors: emptyPriors() });
    payments = new LocalPaymentGateway();
    payments.registerPaymentMethod(demo.paymentMethod.id, demo.customerId);
    session = {};
    log = new SilentLog();
  });

  afterEach(() => {
    // Every turn of these conversations should work: an apology would hide a broken store call.
    expect(log.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });

  it('replays the seeded history into predictions with due days in the index', async () => {
    const snapshot = { replenishment: await store.customers.replenishment(demo.customerId) };
    expect(snapshot.replenishment?.rhythm?.orders).toBe(demo.orders.length);
    const perfume = snapshot.replenishment?.items.find((item) => item.state.productId === 'p172');
    expect(perfume?.state.purchases).toBe(2);
    // Bought 119 and 59 days ago: due about now, certainly not months away.
    expect(perfume?.dueDay! <= '2026-11-30').toBe(true);
    const milk = snapshot.replenishment?.items.find((item) => item.state.productId === 'p012');
    expect(milk?.dueDay! > '2026-11-23').toBe(true);
  });

  it('nudges nobody who has not agreed to reminders, but answers "what\'s running low"', async () => {
    const welcome = await launch();
    expect(welcome.speech).toBe('Welcome back to vocart. What would you like to shop for?');
    const low = await say({ intent: 'ReplenishmentIntent' });
    expect(low.speech).toContain(PERFUME);
    expect(low.speech).toContain(CAT_FOOD);
    expect(low.speech).not.toContain('Whole Milk');
    expect(low.speech).toMatch(/Shall I add them to your cart\?$/);
  });

  it('puts what runs low into the cart on yes and goes straight to the checkout read-back', async () => {
    await say({ intent: 'ReplenishmentIntent' });
    const yes = await say({ intent: 'Yes' });
    expect(yes.speech).toMatch(/^I've put Maison Lumière No\. 5 Eau de Parfum, .*Dry Cat Food Indoor in your cart\. Your order from vocart demo shop: /);
    expect(yes.speech).toMatch(/Shall I place the order\?$/);
    const cart = (await store.customers.load(demo.customerId)).cart.lines.map((line) => line.productId);
    expect(cart).toEqual(expect.arrayContaining(['p172', 'p196']));
    expect(cart.length).toBeLessThanOrEqual(3);
  });

  it('nudges at launch after consent, once per product per cycle, and snoozes on "not now"', async () => {
    const on = await enableAll();
    expect(on.speech).toMatch(/^Okay, I'll remind you/);
    const first = await launch();
    expect(first.speech).toMatch(/^Welcome back to vocart\. By the way, your (.+) is probably running low\. Shall I add it to your cart\?$/);
    const firstProduct = /your (.+) is probably/.exec(first.speech)![1];
    const notNow = await say({ intent: 'No' });
    expect(notNow.speech).toMatch(/^Okay, not now/);

    const second = await launch();
    const secondProduct = /your (.+) is probably/.exec(second.speech)?.[1];
    expect(secondProduct).toBeDefined();
    expect(secondProduct).not.toBe(firstProduct);
    await say({ intent: 'No' });

    // Both were nudged this cycle and both are snoozed: the next launch is quiet, and so is "what's running low".
    const third = await launch();
    expect(third.speech).toBe('Welcome back to vocart. What would you like to shop for?');
    const low = await say({ intent: 'ReplenishmentIntent' });
    expect(low.speech).not.toContain(PERFUME);
    expect(low.speech).not.toContain(CAT_FOOD);

    // After the snooze they are due again but were already nudged this cycle: a later nudge is about something else.
    clock.current = new Date('2026-11-27T10:00:00.000Z');
    try {
      const later = await launch();
      expect(later.speech).not.toContain(PERFUME);
      expect(later.speech).not.toContain(CAT_FOOD);
    } finally {
      clock.current = new Date('2026-11-23T10:00:00.000Z');
    }
  });

  it('starts a new cycle when the product is bought again', async () => {
    await enableAll();
    await store.customers.saveCart(demo.customerId, [{ productId: 'p196', quantity: 1 }], 0);
    await say({ intent: 'CheckoutIntent' });
    const placed = await say({ intent: 'Yes' });
    expect(placed.speech).toMatch(/^Done\./);
    const snapshot = { replenishment: await store.customers.replenishment(demo.customerId) };
    const catFood = snapshot.replenishment?.items.find((item) => item.state.productId === 'p196');
    expect(catFood?.state.purchases).toBe(3);
    expect(catFood?.dueDay! > '2026-12-07').toBe(true);
    const low = await say({ intent: 'ReplenishmentIntent' });
    expect(low.speech).not.toContain(CAT_FOOD);
    expect(low.speech).toContain(PERFUME);
  });

  it('stops reminding about one product, then about everything, and reads the ledger', async () => {
    await enableAll();
    const off = await say({ intent: 'StopRemindersIntent', slots: { product: { raw: 'perfume' } } });
    expect(off.speech).toBe(`Okay, I won't remind you about ${PERFUME} any more.`);
    const launchNudge = await launch();
    expect(launchNudge.speech).toContain(CAT_FOOD);
    expect(launchNudge.speech).not.toContain(PERFUME);

    const list = await say({ intent: 'ListRemindersIntent' });
    expect(list.speech).toMatch(/^You turned on reminders with Google on Monday, November 23\./);
    expect(list.speech).toContain(`but not about ${PERFUME}`);

    const allOff = await say({ intent: 'StopRemindersIntent', slots: { product: { raw: 'all' } } });
    expect(allOff.speech).toMatch(/turned off all reminders/);
    const quiet = await launch();
    expect(quiet.speech).not.toMatch(/By the way/);
    const none = await say({ intent: 'ListRemindersIntent' });
    expect(none.speech).toMatch(/^Reminders are off\./);

    const ledger = (await store.customers.load(demo.customerId)).reminderConsent;
    expect(ledger?.granted).toBe(false);
    expect(ledger?.history.map((event) => [event.action, event.platform, event.productId ?? null])).toEqual([
      ['grant', 'google', null],
      ['exclude', 'google', 'p172'],
      ['withdraw', 'google', null],
    ]);
  });

  it('on Alexa asks for the Reminders permission, and with it schedules reminders for the due days ahead', async () => {
    const without = await enableAll({ customer: onAlexa, device: alexaDevice });
    expect(without.askPermission).toBe('reminders');
    expect(without.reminders).toBeUndefined();
    expect((await store.customers.load(demo.customerId)).reminderConsent?.alexaUserId).toBe(onAlexa.platformUserId);

    const granted = await enableAll({ customer: onAlexa, device: alexaDevice, permissions: ['reminders'] });
    expect(granted.askPermission).toBeUndefined();
    expect(granted.reminders?.length).toBeGreaterThan(0);
    // Should Amazon find the permission gone, the core has already said what the shopper hears instead.
    expect(granted.ifRemindersRefused).toEqual({ speech: expect.stringMatching(/Alexa needs your permission\.$/), askPermission: 'reminders' });
    for (const reminder of granted.reminders ?? []) {
      expect(reminder.at > '2026-11-23T23:59').toBe(true);
      expect(reminder.at).toMatch(/^\d{4}-\d{2}-\d{2}T09:00:00\.000$/);
      expect(reminder.text).toMatch(/is probably running low/);
    }
    // The ledger keeps the Alexa user id on its current state only, never in the history.
    const ledger = (await store.customers.load(demo.customerId)).reminderConsent;
    expect(JSON.stringify(ledger?.history)).not.toContain(onAlexa.platformUserId);
  });

  it("schedules reminders when the shopper grants Alexa's voice permission, and respects a refusal", async () => {
    await enableAll({ customer: onAlexa });
    const refused = await say({ intent: 'PermissionAnswer', customer: onAlexa, permissionAnswer: 'denied', newSession: true });
    expect(refused.speech).toMatch(/^Okay, no reminders outside the skill\./);
    expect(refused.reminders).toBeUndefined();
    expect(refused.endSession).toBe(false);
    // Consent inside the skill stays as given: refusing the platform permission is not withdrawing.
    expect((await store.customers.load(demo.customerId)).reminderConsent?.granted).toBe(true);

    const granted = await say({ intent: 'PermissionAnswer', customer: onAlexa, permissionAnswer: 'granted', permissions: ['reminders'], newSession: true });
    expect(granted.speech).toMatch(/^Thanks\. I'll remind you/);
    expect(granted.reminders?.length).toBeGreaterThan(0);
  });

  it('schedules nothing on a granted permission when the shopper withdrew consent meanwhile', async () => {
    await enableAll({ customer: onAlexa });
    await say({ intent: 'StopRemindersIntent', customer: onAlexa });
    const answer = await say({ intent: 'PermissionAnswer', customer: onAlexa, permissionAnswer: 'granted', permissions: ['reminders'], newSession: true });
    expect(answer.reminders).toBeUndefined();
  });

  it('nudges in German', async () => {
    await enableAll({}, 'de-DE');
    const nudge = await launch({}, 'de-DE');
    expect(nudge.speech).toMatch(/Übrigens: Bei (Maison Lumière No\. 5 Eau de Parfum|Katzentrockenfutter Indoor) wird es wahrscheinlich bald knapp\. Soll ich das in den Warenkorb legen\?$/);
  });
});
