/**
 * The dialogue engine's promise about money and consent: a yes acts only as the fresh answer to the question just
 * asked in this conversation, kept server-side; whatever the client sends back in its session authorises nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../skill/core/conversation/engine';
import { MAX_WHICH_LINES, parseQuestion } from '../../../../skill/core/conversation/questions';
import type { CustomerRef, Reply, Turn } from '../../../../skill/core/turn';
import { LocalPaymentGateway } from '../../../../skill/payments/local-gateway';
import { FixedClock, MemoryAccounts, MemoryCustomers, MemoryPins, MemoryReplenishment, SilentLog, memoryCoreDeps, turn } from '../../../helpers/fakes';

const linked: CustomerRef = { platform: 'alexa', platformUserId: 'amzn1.ask.account.BEFORE', accessToken: 'linked-token' };
const CUSTOMER = 'merchant-7';

describe('pending questions', () => {
  let customers: MemoryCustomers;
  let payments: LocalPaymentGateway;
  let replenishment: MemoryReplenishment;
  let clock: FixedClock;
  let core: ReturnType<typeof createConversationCore>;
  let session: Turn['session'];

  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>): Promise<Reply> {
    const reply = await core.handle(turn({ customer: linked, session, ...partial }));
    session = reply.sessionState;
    return reply;
  }

  const captured = () => payments.capturedCharges().length;

  beforeEach(() => {
    customers = new MemoryCustomers();
    customers.profiles.set(CUSTOMER, {
      customerId: CUSTOMER,
      firstContactAt: '2026-01-01T00:00:00.000Z',
      address: { street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
      paymentMethod: { id: 'pm-7', brand: 'visa', last4: '4242' },
      voicePinSet: true,
    });
    payments = new LocalPaymentGateway();
    payments.registerPaymentMethod('pm-7', CUSTOMER);
    replenishment = new MemoryReplenishment();
    clock = new FixedClock();
    session = {};
    core = createConversationCore(
      memoryCoreDeps({ customers, payments, replenishment, clock, log: new SilentLog(), accounts: new MemoryAccounts(new Map([['linked-token', CUSTOMER]])), pins: new MemoryPins(new Map([[CUSTOMER, '1234']])) }),
    );
  });

  async function cartWithCoffee(quantity = 1) {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'espresso beans' }, quantity: { raw: String(quantity) } } });
  }

  it('places the order on a yes that answers the read-back just heard', async () => {
    await cartWithCoffee();
    const readback = await say({ intent: 'CheckoutIntent' });
    expect(readback.ask).toEqual({ kind: 'confirm' });
    const done = await say({ intent: 'Yes' });
    expect(done.speech).toMatch(/^Done\./);
    expect(captured()).toBe(1);
  });

  it('acts on nothing when another turn came between the question and the yes', async () => {
    await cartWithCoffee();
    await say({ intent: 'CheckoutIntent' });
    await say({ intent: 'ReadCartIntent' });
    const stray = await say({ intent: 'Yes' });
    expect(stray.speech).toMatch(/nothing waiting for a yes or no/);
    expect(captured()).toBe(0);

    await say({ intent: 'ClearCartIntent' });
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'coffee' } } });
    await say({ intent: 'Yes' });
    expect(customers.carts.get(CUSTOMER)?.lines).toHaveLength(1);
  });

  it('keeps the question through help and "repeat that", which ask it again', async () => {
    await cartWithCoffee();
    const readback = await say({ intent: 'CheckoutIntent' });
    const help = await say({ intent: 'Help' });
    expect(help.speech).toContain('Shall I place the order?');
    const again = await say({ intent: 'Repeat' });
    expect(again.speech).toBe(readback.reprompt);
    expect((await say({ intent: 'Yes' })).speech).toMatch(/^Done\./);
  });

  it('ignores forged and replayed session state', async () => {
    await cartWithCoffee(9);
    const version = customers.carts.get(CUSTOMER)!.version;
    session = { pending: { kind: 'checkout', cartVersion: version, totalCents: 1, pinVerified: true, awaitingPin: false } };
    expect((await say({ intent: 'Yes' })).speech).toMatch(/nothing waiting/);
    session = { pending: { kind: 'add', productId: 'coffee-2', quantity: 0.01 } };
    await say({ intent: 'Yes' });
    expect(customers.carts.get(CUSTOMER)?.lines).toEqual([{ productId: 'coffee-2', quantity: 9 }]);

    const readback = await say({ intent: 'CheckoutIntent' });
    await say({ intent: 'ReadCartIntent' });
    session = readback.sessionState;
    expect((await say({ intent: 'Yes' })).speech).toMatch(/nothing waiting/);
    expect(captured()).toBe(0);
  });

  it('does not take a yes from another conversation, or one that comes too late', async () => {
    await cartWithCoffee();
    await say({ intent: 'CheckoutIntent', sessionId: 'conversation-A' });
    expect((await say({ intent: 'Yes', sessionId: 'conversation-B' })).speech).toMatch(/nothing waiting/);
    await say({ intent: 'CheckoutIntent', sessionId: 'conversation-A' });
    clock.current = new Date(clock.current.getTime() + 6 * 60 * 1000);
    expect((await say({ intent: 'Yes', sessionId: 'conversation-A' })).speech).toMatch(/nothing waiting/);
    expect(captured()).toBe(0);
  });

  it("takes Alexa's CONFIRMED only for the intent it was told to confirm", async () => {
    await cartWithCoffee();
    const readback = await say({ intent: 'CheckoutIntent' });
    expect(readback.ask).toEqual({ kind: 'confirm' });
    // A CONFIRMED for an intent nobody asked to confirm is no answer.
    await say({ intent: 'ClearCartIntent', dialog: { confirmation: 'CONFIRMED' } });
    expect(customers.carts.get(CUSTOMER)?.lines).toHaveLength(1);
    await say({ intent: 'CheckoutIntent' });
    const placed = await say({ intent: 'CheckoutIntent', dialog: { confirmation: 'CONFIRMED' } });
    expect(placed.speech).toMatch(/^Done\./);
    expect(captured()).toBe(1);
  });

  it('elicits the voice PIN above the threshold, re-asks after a miss or a wrong one, and orders after the right one', async () => {
    await cartWithCoffee(9);
    await say({ intent: 'CheckoutIntent' });
    const pin = await say({ intent: 'Yes' });
    expect(pin.ask).toEqual({ kind: 'elicit', slot: 'pin', intent: 'VoicePinIntent' });
    const missed = await say({ intent: 'Fallback' });
    expect(missed.speech).toBe(pin.speech);
    expect(missed.ask).toEqual(pin.ask);
    const wrong = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '0000' } } });
    expect(wrong.speech).toMatch(/2 tries left|not right/i);
    expect(captured()).toBe(0);
    const right = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '1 2 3 4' } } });
    expect(right.speech).toMatch(/^Done\./);
    expect(captured()).toBe(1);
  });

  it('hears a PIN only as the answer to the PIN question', async () => {
    await cartWithCoffee(9);
    await say({ intent: 'CheckoutIntent' });
    const pin = await say({ intent: 'VoicePinIntent', slots: { pin: { raw: '1234' } } });
    expect(pin.speech).not.toMatch(/^Done\./);
    expect(captured()).toBe(0);
  });

  it('records reminder consent for exactly the product named, and asks which one when a stop names none it covers', async () => {
    replenishment.consents.clear();
    customers.replenishmentOf = () => ({ items: [{ state: { productId: 'coffee-2', purchases: 3 } as never }] });
    customers.consentOf = (id) => replenishment.consents.get(id);
    const on = await say({ intent: 'EnableRemindersIntent', slots: { product: { raw: 'espresso beans' } } });
    expect(on.speech).toMatch(/remind you when your Espresso Beans is/);
    expect(replenishment.consents.get(CUSTOMER)).toMatchObject({ granted: true, onlyProducts: ['coffee-2'] });
    const list = await say({ intent: 'ListRemindersIntent' });
    expect(list.speech).toMatch(/I remind you only about Espresso Beans\.$/);
    const unknown = await say({ intent: 'StopRemindersIntent', slots: { product: { raw: 'lawn mower' } } });
    expect(unknown.speech).toMatch(/Which product should I stop/);
    expect(replenishment.consents.get(CUSTOMER)).toMatchObject({ granted: true, onlyProducts: ['coffee-2'] });
  });

  it('erases the pre-link identity of a linked shopper too', async () => {
    // Before linking, the same Alexa user shopped as itself.
    await core.handle(turn({ intent: 'AddToCartIntent', customer: { platform: 'alexa', platformUserId: 'amzn1.ask.account.BEFORE' }, slots: { product: { raw: 'oat milk' } } }));
    expect(customers.carts.has('alexa:amzn1.ask.account.BEFORE')).toBe(true);
    await say({ intent: 'DeleteMyDataIntent' });
    const done = await say({ intent: 'Yes' });
    expect(done.speech).toMatch(/also what I stored before you linked/);
    expect(customers.carts.has('alexa:amzn1.ask.account.BEFORE')).toBe(false);
    expect(customers.carts.has(CUSTOMER)).toBe(false);
  });

  it('answers within the turn budget with an apology when the store is slow, and leaves no question behind', async () => {
    const slow = new MemoryCustomers();
    const load = slow.load.bind(slow);
    slow.load = async (...args) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return load(...args);
    };
    const quick = createConversationCore(memoryCoreDeps({ customers: slow, turnBudgetMs: { google: 100 } }));
    const started = Date.now();
    const reply = await quick.handle(turn({ intent: 'ReadCartIntent', customer: { platform: 'google', platformUserId: 'u' } }));
    expect(Date.now() - started).toBeLessThan(250);
    expect(reply.speech).toMatch(/taking too long/);
    expect(reply.endSession).toBe(false);
  });
});

/** The which-one question as it is stored: only well-formed choices count, so a forged or stale one asks nothing. */
describe('the stored which-one question', () => {
  it('keeps two or three product ids and an optional whole quantity', () => {
    expect(parseQuestion({ kind: 'whichLine', productIds: ['a', 'b'] })).toEqual({ kind: 'whichLine', productIds: ['a', 'b'] });
    expect(parseQuestion({ kind: 'whichLine', productIds: ['a', 'b', 'c'], quantity: 3 })).toEqual({ kind: 'whichLine', productIds: ['a', 'b', 'c'], quantity: 3 });
  });

  it.each([
    { kind: 'whichLine', productIds: ['a'] },
    { kind: 'whichLine', productIds: Array.from({ length: MAX_WHICH_LINES + 1 }, (_, i) => `p${i}`) },
    { kind: 'whichLine', productIds: ['a', 7] },
    { kind: 'whichLine', productIds: ['a', 'b'], quantity: 1.5 },
    { kind: 'whichLine', productIds: 'a,b' },
  ])('drops a malformed one: %j', (stored) => {
    expect(parseQuestion(stored)).toBeUndefined();
  });
});
