/**
 * Repairing the cart by voice: "add that", "make that three", "remove that", "change the milk to two", the total
 * alone, and a which-one question when a name fits several lines, answered only through the stored question.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { MemoryCustomers } from '../../../../helpers/fakes';
import { coreConversation } from '../../../../helpers/core-conversation';

describe('cart repair', () => {
  let customers: MemoryCustomers;
  let conversation: ReturnType<typeof coreConversation>;
  let say: ReturnType<typeof coreConversation>['say'];
  const product = (raw: string) => ({ product: { raw } });
  const cart = async () => (await customers.load('alexa:user-1')).cart.lines;

  beforeEach(() => {
    conversation = coreConversation();
    ({ customers, say } = conversation);
  });

  it('"add it" after "Shall I add it?" adds exactly the product offered', async () => {
    const offer = await say({ intent: 'SearchProductIntent', slots: product('oat milk') });
    expect(offer.speech).toMatch(/Shall I add it/);
    const added = await say({ intent: 'AddToCartIntent', slots: product('it') });
    expect(added.speech).toMatch(/^Added Oat Milk/);
    expect(await cart()).toEqual([{ productId: 'milk-2', quantity: 1 }]);
  });

  it('"add that" with nothing offered asks which product, and adds nothing', async () => {
    const reply = await say({ intent: 'AddToCartIntent', slots: product('that') });
    expect(reply.speech).toBe('Which product?');
    expect(await cart()).toEqual([]);
  });

  it('"add it" is no yes to another question: a pending clear-cart stays unanswered', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('oat milk') });
    await say({ intent: 'ClearCartIntent' });
    await say({ intent: 'AddToCartIntent', slots: product('it') });
    expect(await cart()).toEqual([{ productId: 'milk-2', quantity: 1 }]);
  });

  it('"make that three" changes the line just added; "remove that" removes it', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('eggs') });
    await say({ intent: 'AddToCartIntent', slots: product('oat milk') });
    const changed = await say({ intent: 'ChangeQuantityIntent', slots: { ...product('that'), quantity: { raw: 'three' } } });
    expect(changed.speech).toMatch(/^Done\. Your cart now has 3 Oat Milk/);
    expect(await cart()).toEqual([{ productId: 'eggs-1', quantity: 1 }, { productId: 'milk-2', quantity: 3 }]);
    const removed = await say({ intent: 'RemoveFromCartIntent', slots: product('that') });
    expect(removed.speech).toMatch(/^Removed Oat Milk/);
    expect(await cart()).toEqual([{ productId: 'eggs-1', quantity: 1 }]);
  });

  it('"remove that" with several lines and nothing just talked about asks which item', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('eggs') });
    await say({ intent: 'AddToCartIntent', slots: product('oat milk') });
    conversation.setSession({});
    const reply = await say({ intent: 'RemoveFromCartIntent', slots: product('that') });
    expect(reply.speech).toBe('Which item in your cart do you mean?');
    expect(await cart()).toHaveLength(2);
  });

  it('"change the oat milk to two" and "only one oat milk" set the quantity named', async () => {
    await say({ intent: 'AddToCartIntent', slots: { ...product('oat milk'), quantity: { raw: '4' } } });
    await say({ intent: 'AddToCartIntent', slots: product('eggs') });
    await say({ intent: 'ChangeQuantityIntent', slots: { ...product('oat milk'), quantity: { raw: '2' } } });
    expect(await cart()).toContainEqual({ productId: 'milk-2', quantity: 2 });
    await say({ intent: 'ChangeQuantityIntent', slots: { ...product('oat milk'), quantity: { raw: 'one' } } });
    expect(await cart()).toContainEqual({ productId: 'milk-2', quantity: 1 });
    const bad = await say({ intent: 'ChangeQuantityIntent', slots: product('oat milk') });
    expect(bad.ask).toEqual({ kind: 'elicit', slot: 'quantity' });
  });

  it('"remove the coffee" with two coffees asks which one; "the second one" removes exactly that one', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('ground coffee') });
    await say({ intent: 'AddToCartIntent', slots: product('espresso beans') });
    const question = await say({ intent: 'RemoveFromCartIntent', slots: product('coffee') });
    expect(question.speech).toMatch(/1\. Ground Coffee Medium Roast; 2\. Espresso Beans\. Which one should I remove\?/);
    expect(await cart()).toHaveLength(2);
    const done = await say({ intent: 'SelectItemIntent', slots: { ordinal: { raw: 'second' } } });
    expect(done.speech).toMatch(/^Removed Espresso Beans/);
    expect(await cart()).toEqual([{ productId: 'coffee-1', quantity: 1 }]);
  });

  it('asks even when the platform resolved the ambiguous word to one of the lines, and not when the name is said whole', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('ground coffee') });
    await say({ intent: 'AddToCartIntent', slots: product('espresso beans') });
    const question = await say({ intent: 'RemoveFromCartIntent', slots: { product: { raw: 'coffee', ids: ['coffee-2'] } } });
    expect(question.speech).toMatch(/Which one should I remove\?/);
    await say({ intent: 'Cancel' });
    await say({ intent: 'RemoveFromCartIntent', slots: { product: { raw: 'ground coffee medium roast', ids: ['coffee-1'] } } });
    expect(await cart()).toEqual([{ productId: 'coffee-2', quantity: 1 }]);
  });

  it('answers the which-one question by name, and "no" keeps the cart', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('ground coffee') });
    await say({ intent: 'AddToCartIntent', slots: product('espresso beans') });
    await say({ intent: 'RemoveFromCartIntent', slots: product('coffee') });
    await say({ intent: 'No' });
    expect(await cart()).toHaveLength(2);
    await say({ intent: 'ChangeQuantityIntent', slots: { ...product('coffee'), quantity: { raw: '3' } } });
    const done = await say({ intent: 'SearchProductIntent', slots: product('espresso') });
    expect(done.speech).toMatch(/^Done\. Your cart now has 3 Espresso Beans/);
    expect(await cart()).toContainEqual({ productId: 'coffee-2', quantity: 3 });
  });

  it('a choice only answers the question just asked: a forged session or a later turn picks nothing', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('ground coffee') });
    await say({ intent: 'AddToCartIntent', slots: product('espresso beans') });
    await say({ intent: 'RemoveFromCartIntent', slots: product('coffee') });
    await say({ intent: 'ReadCartIntent' });
    // The question was dropped by the turn that did not answer it; "the first one" now has nothing to choose from.
    await say({ intent: 'SelectItemIntent', slots: { ordinal: { raw: 'first' } } });
    expect(await cart()).toHaveLength(2);
    // Another conversation cannot answer it either.
    await say({ intent: 'RemoveFromCartIntent', slots: product('coffee') });
    await say({ intent: 'SelectItemIntent', slots: { ordinal: { raw: 'first' } }, sessionId: 'session-2' });
    expect(await cart()).toHaveLength(2);
  });

  it('"the third one" of two choices is asked again, the question kept', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('ground coffee') });
    await say({ intent: 'AddToCartIntent', slots: product('espresso beans') });
    await say({ intent: 'RemoveFromCartIntent', slots: product('coffee') });
    const again = await say({ intent: 'SelectItemIntent', slots: { ordinal: { raw: 'third' } } });
    expect(again.speech).toMatch(/no number 3.*Which one should I remove\?/);
    await say({ intent: 'SelectItemIntent', slots: { ordinal: { raw: 'first' } } });
    expect(await cart()).toEqual([{ productId: 'coffee-2', quantity: 1 }]);
  });

  it('"what\'s my total" says the sum, not every line', async () => {
    await say({ intent: 'AddToCartIntent', slots: { ...product('oat milk'), quantity: { raw: '2' } } });
    await say({ intent: 'AddToCartIntent', slots: product('eggs') });
    const total = await say({ intent: 'CartTotalIntent' });
    expect(total.speech).toBe('Your cart comes to $10.27 for 3 items, before tax and delivery.');
    const german = await say({ intent: 'CartTotalIntent' }, 'de-DE');
    expect(german.speech).toMatch(/^Dein Warenkorb kostet .*10,27.* für 3 Artikel/);
  });

  it('repairs "milk, no wait, oat milk" before adding', async () => {
    await say({ intent: 'AddToCartIntent', slots: product('milk, no wait, oat milk') });
    expect(await cart()).toEqual([{ productId: 'milk-2', quantity: 1 }]);
    await say({ intent: 'AddToCartIntent', slots: product('Milch, nein, Magermilch') }, 'de-DE');
    expect(await cart()).toContainEqual({ productId: 'milk-4', quantity: 1 });
  });
});
