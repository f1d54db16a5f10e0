import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../skill/core/conversation/engine';
import type { Reply, Turn } from '../../../../skill/core/turn';
import { FixedClock, MemoryAccounts, MemoryCustomers, SAMPLE_PRODUCTS, SilentLog, WordMatchCatalog, memoryCoreDeps, turn } from '../../../helpers/fakes';

describe('conversation core', () => {
  let customers: MemoryCustomers;
  let log: SilentLog;
  let core: ReturnType<typeof createConversationCore>;
  let session: Turn['session'];

  /** Sends a turn carrying the session of the previous reply, like a platform does. */
  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Turn['locale'] = 'en-US'): Promise<Reply> {
    const reply = await core.handle(turn({ session, ...partial }, locale));
    session = reply.sessionState;
    return reply;
  }

  beforeEach(() => {
    customers = new MemoryCustomers();
    log = new SilentLog();
    session = {};
    core = createConversationCore(
      memoryCoreDeps({
        catalog: new WordMatchCatalog(SAMPLE_PRODUCTS),
        customers,
        accounts: new MemoryAccounts(new Map([['linked-token', 'merchant-7']])),
        clock: new FixedClock(),
        log,
      }),
    );
    // A shopper who has been greeted before: the first-contact disclosure has its own tests.
    customers.profiles.set('alexa:user-1', { customerId: 'alexa:user-1', firstContactAt: '2026-01-01T00:00:00.000Z' });
  });

  it('says it is an automated assistant when the very first request is not a launch, and only then', async () => {
    customers.profiles.clear();
    const first = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'lawn mower' } } });
    expect(first.speech).toBe("I'm vocart, an automated shopping assistant, not a person. Sorry, I couldn't find lawn mower. Try another name or a brand.");
    const next = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'lawn mower' } } });
    expect(next.speech).toBe("Sorry, I couldn't find lawn mower. Try another name or a brand.");
    const german = await core.handle(turn({ intent: 'ReadCartIntent', customer: { platform: 'google', platformUserId: 'neu' } }, 'de-DE'));
    expect(german.speech).toMatch(/^Ich bin vocart, ein automatischer Einkaufsassistent, kein Mensch\. /);
  });

  it('says it is an automated assistant at first contact only', async () => {
    customers.profiles.clear();
    const first = await say({ intent: 'Launch' });
    expect(first.speech).toMatch(/automated shopping assistant/);
    expect(first.endSession).toBe(false);
    const second = await say({ intent: 'Launch' });
    expect(second.speech).not.toMatch(/automated/);
    expect(second.speech).toMatch(/Welcome back/);
  });

  it('reads at most three results with size and price, then more on request', async () => {
    const reply = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'milk' } } });
    expect(reply.speech).toContain('I found 4');
    expect(reply.speech).toContain('1. Whole Milk, 1 gallon, $3.49');
    expect(reply.speech).toContain('3. Lactose Free Milk');
    expect(reply.speech).not.toContain('Skim Milk');
    expect(reply.display?.items).toHaveLength(4);
    const next = await say({ intent: 'More' });
    expect(next.speech).toContain('4. Skim Milk, 1 gallon, $2.79');
    const end = await say({ intent: 'More' });
    expect(end.speech).toMatch(/That's all/);
  });

  it('abstains with the words the shopper used when nothing matches', async () => {
    const reply = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'lawn mower' } } });
    expect(reply.speech).toBe("Sorry, I couldn't find lawn mower. Try another name or a brand.");
    expect(reply.endSession).toBe(false);
  });

  it('adds "the second one" and "the cheaper one" from the results read out', async () => {
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'milk' } } });
    const second = await say({ intent: 'SelectItemIntent', slots: { ordinal: { raw: '2nd' } } });
    expect(second.speech).toMatch(/^Added Oat Milk/);
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'milk' } } });
    const cheaper = await say({ intent: 'SelectItemIntent', slots: { choice: { raw: 'the cheaper one' } } });
    // Of the three read out (3.49, 2.99, 4.29) the cheaper is oat milk, not skim milk, which was not read yet.
    expect(cheaper.speech).toMatch(/^Added Oat Milk/);
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([{ productId: 'milk-2', quantity: 2 }]);
  });

  it('takes the size from the words to choose among close matches', async () => {
    const sized = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'sixty four ounces of milk' } } });
    expect(sized.speech).toMatch(/^Added Oat Milk/);
    const plain = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'milk' } } });
    expect(plain.speech).toMatch(/^Added Whole Milk/);
    const unknownSize = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'one liter of milk' } } });
    expect(unknownSize.speech).toMatch(/^Added Whole Milk/);
  });

  it('offers the plain product when the organic one is not sold, and adds nothing without a yes', async () => {
    const searched = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'organic skim milk' } } });
    expect(searched.speech).toBe("I don't have organic skim milk. I found Skim Milk, 1 gallon, $2.79. Shall I add it to your cart?");
    const asked = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'organic skim milk' } } });
    expect(asked.speech).toMatch(/^I don't have organic skim milk\. I found Skim Milk/);
    expect(customers.carts.get('alexa:user-1')?.lines ?? []).toEqual([]);
    const yes = await say({ intent: 'Yes' });
    expect(yes.speech).toMatch(/^Added Skim Milk/);
    const nothing = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'organic lawn mower' } } });
    expect(nothing.speech).toMatch(/^Sorry, I couldn't find organic lawn mower/);
  });

  it('adds a spoken list item by item, and says what it could not find', async () => {
    const both = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'eggs and two whole milk' } } });
    expect(both.speech).toBe('Added one pack of 12 Large Brown Eggs, $4.29 and 2 Whole Milk (1 gallon each), $6.98 to your cart. You now have 3 items. Anything else?');
    const partly = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'espresso beans, lawn mower' } } });
    expect(partly.speech).toBe("Added Espresso Beans (1 lb), $11.99 to your cart. I couldn't find lawn mower. You now have 4 items. Anything else?");
    const none = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'lawn mower and rake' } } });
    expect(none.speech).toMatch(/^Sorry, I couldn't find lawn mower and rake/);
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([
      { productId: 'eggs-1', quantity: 1 },
      { productId: 'milk-1', quantity: 2 },
      { productId: 'coffee-2', quantity: 1 },
    ]);
  });

  it('adds a spoken list in German', async () => {
    const reply = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'eier und vollmilch' } } }, 'de-DE');
    expect(reply.speech).toBe('Eine Packung Braune Eier mit 12 Stück, 4,29 € und Vollmilch (3,8 Liter), 3,49 € sind im Warenkorb. Du hast jetzt 2 Artikel. Noch etwas?');
  });

  it('adds a dozen eggs as one pack of twelve, and two dozen as two', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'a dozen eggs' } } });
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([{ productId: 'eggs-1', quantity: 1 }]);
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'two dozen eggs' } } });
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([{ productId: 'eggs-1', quantity: 3 }]);
  });

  it('reads the measure slot as the size asked for, not as a count', async () => {
    // Alexa and Dialogflow hand "add sixty four ounces of milk" over as measure "sixty four ounces" and product "milk".
    const sized = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'milk' }, measure: { raw: 'sixty four ounces' } } });
    expect(sized.speech).toMatch(/^Added Oat Milk/);
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([{ productId: 'milk-2', quantity: 1 }]);
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'skim milk' }, measure: { raw: 'a gallon' } } });
    expect(customers.carts.get('alexa:user-1')?.lines).toContainEqual({ productId: 'milk-4', quantity: 1 });
    // A gallon of lactose free milk, sold in half-gallon cartons: two cartons.
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'lactose free milk' }, measure: { raw: 'one gallon' } } });
    expect(customers.carts.get('alexa:user-1')?.lines).toContainEqual({ productId: 'milk-3', quantity: 2 });
  });

  it('takes the quantity from the slot or from the words, and keeps the cart across sessions', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' }, quantity: { raw: '2' } } });
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'three bottles of oat milk' } } });
    session = {};
    const read = await say({ intent: 'ReadCartIntent' });
    expect(read.speech).toBe("You have 5 items in your cart: 2 Whole Milk (1 gallon each), $6.98 and 3 Oat Milk (64 oz each), $8.97. That's $15.95 before tax and delivery.");
  });

  it('asks for a usable quantity instead of adding zero or a negative amount', async () => {
    const reply = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' }, quantity: { raw: '-3' } } });
    expect(reply.ask).toEqual({ kind: 'elicit', slot: 'quantity' });
    expect(customers.carts.size).toBe(0);
  });

  it('elicits the product when the slot is missing', async () => {
    const reply = await say({ intent: 'AddToCartIntent', slots: {} });
    expect(reply.ask).toEqual({ kind: 'elicit', slot: 'product' });
  });

  it('removes only what is in the cart', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'espresso beans' } } });
    const missing = await say({ intent: 'RemoveFromCartIntent', slots: { product: { raw: 'whole milk' } } });
    expect(missing.speech).toBe("I don't see whole milk in your cart.");
    const removed = await say({ intent: 'RemoveFromCartIntent', slots: { product: { raw: 'coffee' } } });
    expect(removed.speech).toMatch(/^Removed Espresso Beans/);
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([]);
  });

  it('clears the cart only after an explicit yes (session yes or Alexa confirmation)', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    const question = await say({ intent: 'ClearCartIntent' });
    expect(question.ask).toEqual({ kind: 'confirm' });
    const kept = await say({ intent: 'No' });
    expect(kept.speech).toMatch(/stays as it is/);
    expect(customers.carts.get('alexa:user-1')?.lines).toHaveLength(1);
    await say({ intent: 'ClearCartIntent' });
    await say({ intent: 'Yes' });
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([]);
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    // Alexa's CONFIRMED for an intent nobody asked to confirm is no answer: the question is asked first.
    const unasked = await say({ intent: 'ClearCartIntent', dialog: { confirmation: 'CONFIRMED' } });
    expect(unasked.ask).toEqual({ kind: 'confirm' });
    expect(customers.carts.get('alexa:user-1')?.lines).toHaveLength(1);
    await say({ intent: 'ClearCartIntent', dialog: { confirmation: 'CONFIRMED' } });
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([]);
  });

  it('offers help after repeated misses and resets when understood', async () => {
    const first = await say({ intent: 'Fallback' });
    expect(first.speech).toMatch(/didn't get that/);
    const second = await say({ intent: 'Fallback' });
    expect(second.speech).toMatch(/Say help/);
    await say({ intent: 'Help' });
    expect((await say({ intent: 'Fallback' })).speech).toMatch(/didn't get that/);
  });

  it('apologises when the database fails, keeps the session and loses no cart', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'coffee' } } });
    const before = structuredClone(session);
    customers.failing = true;
    const reply = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'oat milk' } } });
    expect(reply.speech).toMatch(/trouble reaching the shop.*cart is safe/);
    expect(reply.endSession).toBe(false);
    // The session comes back as it was sent; only the words to repeat are not kept after an apology.
    const { lastSpeech: _said, ...context } = before ?? {};
    expect(reply.sessionState).toEqual(context);
    customers.failing = false;
    expect(customers.carts.get('alexa:user-1')?.lines).toEqual([{ productId: 'milk-1', quantity: 1 }]);
    expect(JSON.stringify(log.entries)).not.toContain('oat milk');
  });

  it('uses the linked merchant account so both platforms share one cart', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } }, customer: { platform: 'alexa', platformUserId: 'a', accessToken: 'linked-token' } });
    const read = await say({ intent: 'ReadCartIntent', customer: { platform: 'google', platformUserId: 'g', accessToken: 'linked-token' } });
    expect(read.speech).toContain('Whole Milk');
    expect(customers.carts.has('merchant-7')).toBe(true);
  });

  it('speaks German in de-DE', async () => {
    const reply = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'milch' } } }, 'de-DE');
    expect(reply.speech).toMatch(/^Ich habe 4 gefunden: 1\. Vollmilch, 3,8 Liter, 3,49 €/);
    const added = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'zwei flaschen hafermilch' } } }, 'de-DE');
    expect(added.speech).toMatch(/^Ich habe 2 mal Hafermilch \(je 1,8 kg\)/);
  });

  it('ends quietly on SessionEnded and says goodbye on stop', async () => {
    expect(await say({ intent: 'SessionEnded' })).toMatchObject({ speech: '', endSession: true });
    expect(await say({ intent: 'Stop' })).toMatchObject({ endSession: true, speech: 'Goodbye, and happy shopping.' });
  });

  it('erases what it remembers only after an explicit yes', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    const question = await say({ intent: 'DeleteMyDataIntent' });
    expect(question.ask).toEqual({ kind: 'confirm' });
    expect(customers.carts.size).toBe(1);
    const done = await say({ intent: 'Yes' });
    expect(done.speech).toMatch(/deleted your cart, your profile/);
    expect(done.endSession).toBe(true);
    expect(customers.carts.size).toBe(0);
  });
});
