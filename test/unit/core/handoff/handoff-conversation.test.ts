/**
 * Handing a shopper over to a person, through the core over the in-memory fakes: asked for, offered after misses,
 * unsure turns or a failed payment, the transcript only with a yes, the answer delivered at the next visit as a
 * person's words, and "tell them …" passed back.
 */
import { describe, expect, it } from 'vitest';
import { PaymentDeclinedError } from '../../../../skill/core/errors';
import type { Order } from '../../../../skill/core/ports';
import { LocalPaymentGateway } from '../../../../skill/payments/local-gateway';
import { coreConversation, TEST_SHOPPER } from '../../../helpers/core-conversation';
import { MemoryAccounts } from '../../../helpers/fakes';

/** The test clock is Monday 23 November 2026, 05:00 in New York: the shop opens at 9, answers within 4 hours. */
const WHEN_EN = 'later today around 1 pm';

const onlyCase = (handoffs: ReturnType<typeof coreConversation>['handoffs']) => {
  expect(handoffs.cases.size).toBe(1);
  return [...handoffs.cases.values()][0]!;
};

describe('asking for a person', () => {
  it('opens a case at once, without the conversation, and says honestly who answers, when and where', async () => {
    const { say, handoffs, log } = coreConversation({ handoff: true });
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    const reply = await say({ intent: 'HumanHandoffIntent', utterance: 'talk to a person' });
    expect(reply.speech).toContain("I'm an automated assistant, so I can't put you through to someone now.");
    expect(reply.speech).toContain(`a person from the shop, who will answer ${WHEN_EN}`);
    expect(reply.speech).toContain('the next time you open vocart');
    expect(reply.speech).toMatch(/May I add our conversation to your request/);
    expect(reply.endSession).toBe(false);
    const opened = onlyCase(handoffs);
    expect(opened).toMatchObject({ customerId: TEST_SHOPPER, channel: 'alexa', locale: 'en-US', reason: 'asked-for-person', state: 'open', transcript: [], transcriptShared: false });
    expect(opened.cart).toEqual([{ productId: 'milk-1', quantity: 1 }]);
    // Reasons, platform and locale only.
    expect(log.entries.find((entry) => entry.message === 'handoff opened')?.fields).toEqual({ reason: 'asked-for-person', platform: 'alexa', locale: 'en-US' });
    // No reminder where the surface cannot set one.
    expect(reply.reminders).toBeUndefined();
  });

  it('adds the conversation on a yes: the buffer and the yes itself', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'Fallback', utterance: 'blorp the flurbo' });
    await say({ intent: 'HumanHandoffIntent', utterance: 'talk to a person' });
    const reply = await say({ intent: 'Yes', utterance: 'yes' });
    expect(reply.speech).toMatch(/added our conversation/);
    const shared = onlyCase(handoffs);
    expect(shared.transcriptShared).toBe(true);
    expect(shared.transcript.map((entry) => entry.shopper)).toEqual(['blorp the flurbo', 'talk to a person', 'yes']);
    expect(shared.transcript[1]!.bot).toMatch(/automated assistant/);
  });

  it('keeps the case without the conversation on a no', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'HumanHandoffIntent' });
    expect((await say({ intent: 'No' })).speech).toMatch(/won't add it/);
    expect(onlyCase(handoffs)).toMatchObject({ transcript: [], transcriptShared: false });
    expect(handoffs.calls).not.toContain('shareTranscript');
  });

  it('opens one case per request in a conversation: asked again, it says the request is already with the shop', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'HumanHandoffIntent' });
    await say({ intent: 'No' });
    const again = await say({ intent: 'HumanHandoffIntent' });
    expect(again.speech).toBe(`Your request is already with the shop, and a person will answer ${WHEN_EN}. To add something, say: reply, and then your message.`);
    expect(handoffs.cases.size).toBe(1);
    // An order problem is another request: it gets a case of its own.
    await say({ intent: 'OrderProblemIntent', slots: { problem: { raw: 'broken', ids: ['damaged'] } } });
    expect(handoffs.cases.size).toBe(2);
    // Misses after that get help, not a third offer of a person.
    await say({ intent: 'Fallback' });
    const second = await say({ intent: 'Fallback' });
    expect(second.speech).not.toMatch(/person from the shop/);
    expect(handoffs.cases.size).toBe(2);
  });

  it('promises an answer later only where one can find the shopper again: not in a chat that names no one', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    const chat = { hasScreen: true, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: false };
    const reply = await say({ intent: 'HumanHandoffIntent', device: chat });
    expect(reply.speech).not.toMatch(/next time you open vocart/);
    expect(reply.speech).toMatch(/this chat doesn't tell me who you are, so I can't bring you the answer later\. To get it, link your shop account/);
    // The shop still hears of it.
    expect(handoffs.cases.size).toBe(1);
    // Linked, the same chat is the account: the answer waits for it on any channel.
    const linkedShopper = coreConversation({ handoff: true, deps: { accounts: new MemoryAccounts(new Map([['token-9', 'merchant-9']])) } });
    const { turn } = await import('../../../helpers/fakes');
    const linked = await linkedShopper.core.handle(turn({ intent: 'HumanHandoffIntent', device: chat, customer: { platform: 'google', platformUserId: 'session-1', accessToken: 'token-9' } }));
    expect(linked.speech).toMatch(/next time you open vocart/);
  });

  it('sets a reminder for the expected time where the surface can and the shopper allowed it', async () => {
    const { say } = coreConversation({ handoff: true });
    const reply = await say({ intent: 'HumanHandoffIntent', device: { hasScreen: false, outOfSessionReminders: true }, permissions: ['reminders'] });
    expect(reply.reminders).toEqual([{ at: '2026-11-23T13:00:00.000', text: 'The shop has probably answered you. Say: Alexa, open vocart shop, to hear the answer.' }]);
    expect(reply.speech).toContain("I'll also set a reminder for then.");
    const other = coreConversation({ handoff: true });
    const withoutPermission = await other.say({ intent: 'HumanHandoffIntent', device: { hasScreen: false, outOfSessionReminders: true } });
    expect(withoutPermission.speech).toContain('who will answer');
    expect(withoutPermission.reminders).toBeUndefined();
  });

  it('speaks German, naming no gender for the person', async () => {
    const { say } = coreConversation({ handoff: true });
    const reply = await say({ intent: 'HumanHandoffIntent' }, 'de-DE');
    expect(reply.speech).toContain('Ich bin ein automatischer Assistent');
    expect(reply.speech).toContain('an eine Person aus dem Laden weitergegeben, die dir heute gegen 13 Uhr antwortet');
    expect(reply.speech).toMatch(/Darf ich unser Gespräch an deine Anfrage anhängen/);
  });

  it('says a person cannot be reached when no handoff is set up, and nothing breaks', async () => {
    const { say } = coreConversation();
    for (const intent of ['HumanHandoffIntent', 'OrderProblemIntent', 'HandoffReplyIntent'] as const) {
      const reply = await say({ intent, slots: { message: { raw: 'the box was wet' } } });
      expect(reply.speech).toMatch(/can't reach a person from the shop right now/);
      expect(reply.endSession).toBe(false);
    }
  });
});

describe('a problem with an order', () => {
  const order = (orderId: string, status: Order['status']): Order =>
    ({ orderId, customerId: TEST_SHOPPER, status, lines: [], totalCents: 100, currency: 'USD', placedAt: '2026-11-20T10:00:00.000Z', deliveryBy: '2026-11-22T10:00:00.000Z', cartVersion: 1 }) as unknown as Order;

  it('opens a case about the most recent order still standing, with the problem named', async () => {
    const { say, customers, handoffs } = coreConversation({ handoff: true });
    customers.recentOrders = async () => [order('VCANCEL1', 'cancelled'), order('VABC123', 'placed'), order('VOLD0001', 'placed')];
    const reply = await say({ intent: 'OrderProblemIntent', slots: { problem: { raw: 'arrived damaged', ids: ['damaged'] } } });
    expect(reply.speech).toMatch(/^I'm sorry your order arrived damaged\. I'm an automated assistant/);
    expect(reply.speech).toContain("I've passed your order V A B C 1 2 3 on to a person from the shop");
    expect(onlyCase(handoffs)).toMatchObject({ reason: 'order-problem', orderId: 'VABC123', problem: 'damaged' });
  });

  it('still opens a case without orders, and a problem id it does not know is no problem named', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    const reply = await say({ intent: 'OrderProblemIntent', slots: { problem: { raw: 'exploded', ids: ['exploded'] } } });
    expect(reply.speech).toMatch(/^I'm sorry there's a problem with your order\./);
    const opened = onlyCase(handoffs);
    expect(opened.orderId).toBeUndefined();
    expect(opened.problem).toBeUndefined();
  });
});

describe('two misses in a row', () => {
  it('offer a person instead of a second "didn\'t get that"; the yes opens a case with the conversation', async () => {
    const { say, handoffs, customers } = coreConversation({ handoff: true });
    expect((await say({ intent: 'Fallback', utterance: 'blorp' })).speech).toMatch(/didn't get that/);
    expect(handoffs.cases.size).toBe(0);
    const offer = await say({ intent: 'Fallback', utterance: 'blorp blorp' });
    expect(offer.speech).toBe("Sorry, I still didn't catch that. Shall I ask a person from the shop to get back to you?");
    // A stored question, not a word in the session.
    expect([...customers.questions.values()][0]).toMatchObject({ question: { kind: 'handoff', reason: 'repeated-misses' } });
    expect(handoffs.cases.size).toBe(0);
    const yes = await say({ intent: 'Yes', utterance: 'yes please' });
    expect(yes.speech).toContain("I've passed our conversation on to a person from the shop");
    const opened = onlyCase(handoffs);
    expect(opened).toMatchObject({ reason: 'repeated-misses', transcriptShared: true });
    expect(opened.transcript.map((entry) => entry.shopper)).toEqual(['blorp', 'blorp blorp', 'yes please']);
  });

  it('open nothing on a no, and go on helpfully', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'Fallback' });
    await say({ intent: 'Fallback' });
    const no = await say({ intent: 'No' });
    expect(no.speech).toMatch(/^Okay\. Say help/);
    expect(no.endSession).toBe(false);
    expect(handoffs.cases.size).toBe(0);
    // The run starts over: the next miss is a first one.
    expect((await say({ intent: 'Fallback' })).speech).toMatch(/didn't get that/);
  });

  it('count a product that cannot be found, after saying so', async () => {
    const { say } = coreConversation({ handoff: true });
    expect((await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'flurbo' } } })).speech).toMatch(/^Sorry, I couldn't find flurbo\.[^?]*$/);
    const second = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'flurbo bars' } } });
    expect(second.speech).toMatch(/^Sorry, I couldn't find flurbo bars\. .* Shall I ask a person from the shop to help you with this\?$/);
    expect(second.ask).toBeUndefined();
  });

  it('count "remove that" with nothing to point at', async () => {
    const { say, setSession } = coreConversation({ handoff: true });
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'espresso beans' } } });
    setSession({});
    expect((await say({ intent: 'RemoveFromCartIntent' })).speech).toBe('Which item in your cart do you mean?');
    expect((await say({ intent: 'RemoveFromCartIntent' })).speech).toMatch(/Which item in your cart do you mean\? Shall I ask a person/);
  });

  it('end with any turn that is understood', async () => {
    const { say } = coreConversation({ handoff: true });
    await say({ intent: 'Fallback' });
    await say({ intent: 'ReadCartIntent' });
    expect((await say({ intent: 'Fallback' })).speech).toMatch(/didn't get that/);
  });

  it('still offer help where no person can be reached', async () => {
    const { say } = coreConversation();
    await say({ intent: 'Fallback' });
    expect((await say({ intent: 'Fallback' })).speech).toMatch(/Say help to hear more/);
  });
});

describe('an unsure platform (Dialogflow confidence below the threshold)', () => {
  it('asks a question again instead of acting on an unsure yes (money and consent: when in doubt, ask again)', async () => {
    const { say, customers } = coreConversation({ handoff: true });
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    await say({ intent: 'ClearCartIntent' });
    const unsure = await say({ intent: 'Yes', confidence: 0.31 });
    expect(unsure.speech).toBe("I'm not sure I heard that right. Do you really want to remove the one item in your cart?");
    expect(customers.carts.get(TEST_SHOPPER)?.lines).toHaveLength(1);
    // The same for Alexa's CONFIRMED, and for a no.
    expect((await say({ intent: 'ClearCartIntent', dialog: { confirmation: 'CONFIRMED' }, confidence: 0.2 })).speech).toMatch(/^I'm not sure I heard that right\./);
    expect((await say({ intent: 'No', confidence: 0.2 })).speech).toMatch(/^I'm not sure I heard that right\./);
    expect(customers.carts.get(TEST_SHOPPER)?.lines).toHaveLength(1);
    // A sure yes to the question asked again is acted on.
    await say({ intent: 'Yes', confidence: 0.93 });
    expect(customers.carts.get(TEST_SHOPPER)?.lines).toEqual([]);
  });

  it('acts on the first unsure turn and offers a person on the second in a row', async () => {
    const { say, handoffs, customers } = coreConversation({ handoff: true });
    const first = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } }, confidence: 0.4, utterance: 'at whole milk' });
    expect(first.speech).toMatch(/^Added/);
    const second = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'oat milk' } }, confidence: 0.35, utterance: 'odd oat milk' });
    expect(second.speech).toBe("I'm not sure I'm understanding you correctly. Shall I ask a person from the shop to get back to you?");
    expect(customers.carts.get(TEST_SHOPPER)?.lines).toEqual([{ productId: 'milk-1', quantity: 1 }]);
    await say({ intent: 'Yes', confidence: 0.95, utterance: 'yes' });
    const opened = onlyCase(handoffs);
    expect(opened.reason).toBe('low-confidence');
    expect(opened.transcript.map((entry) => entry.shopper)).toEqual(['at whole milk', 'odd oat milk', 'yes']);
  });

  it('counts only turns in a row', async () => {
    const { say } = coreConversation({ handoff: true });
    await say({ intent: 'ReadCartIntent', confidence: 0.2 });
    await say({ intent: 'ReadCartIntent', confidence: 0.9 });
    expect((await say({ intent: 'ReadCartIntent', confidence: 0.2 })).speech).toMatch(/cart is empty/);
  });
});

describe('a payment that fails after the yes', () => {
  it('keeps the cart, says nothing was charged, and offers a person; the yes opens a payment case', async () => {
    const payments = new LocalPaymentGateway();
    payments.charge = async () => {
      throw new PaymentDeclinedError('card_declined');
    };
    const { customers, handoffs, core } = coreConversation({ handoff: true, deps: { payments, accounts: new MemoryAccounts(new Map([['token-7', 'merchant-7']])) } });
    customers.profiles.set('merchant-7', {
      customerId: 'merchant-7',
      firstContactAt: '2026-01-01T00:00:00.000Z',
      address: { street: '1 Main St', city: 'Springfield', postalCode: '12345', country: 'US' },
      paymentMethod: { id: 'pm-7', brand: 'visa', last4: '4242' },
    });
    customers.carts.set('merchant-7', { lines: [{ productId: 'milk-1', quantity: 2 }], version: 3 });
    const { turn } = await import('../../../helpers/fakes');
    const customer = { platform: 'alexa' as const, platformUserId: 'user-1', accessToken: 'token-7' };
    const readBack = await core.handle(turn({ intent: 'CheckoutIntent', customer }));
    const declined = await core.handle(turn({ intent: 'Yes', customer, session: readBack.sessionState }));
    expect(declined.speech).toMatch(/declined, so I didn't place the order\. Your cart is unchanged\..* Shall I ask a person from the shop to look into it with you\?$/);
    expect(customers.carts.get('merchant-7')?.lines).toEqual([{ productId: 'milk-1', quantity: 2 }]);
    await core.handle(turn({ intent: 'Yes', customer, session: declined.sessionState }));
    const opened = onlyCase(handoffs);
    expect(opened).toMatchObject({ customerId: 'merchant-7', reason: 'payment-failed', transcriptShared: true, cart: [{ productId: 'milk-1', quantity: 2 }] });
    // The read-back's card ending never reaches the case.
    expect(JSON.stringify(opened.transcript)).not.toContain('4242');
  });
});

describe('"tell them …"', () => {
  it('passes the words to the latest case, which reopens, and says when to expect an answer', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'HumanHandoffIntent' });
    const opened = onlyCase(handoffs);
    opened.state = 'answered';
    const reply = await say({ intent: 'HandoffReplyIntent', slots: { message: { raw: 'the box was wet, card 4242 4242 4242 4242' } } });
    expect(reply.speech).toBe(`Okay, I've passed that on to the shop. A person will answer ${WHEN_EN}, and you'll hear it the next time you open vocart. Anything else?`);
    expect(opened.state).toBe('open');
    expect(opened.messages).toEqual([{ from: 'shopper', text: 'the box was wet, card [digits removed]', at: '2026-11-23T10:00:00.000Z' }]);
  });

  it('says how to reach a person when there is no case, and asks what to tell them when nothing was said', async () => {
    const { say } = coreConversation({ handoff: true });
    expect((await say({ intent: 'HandoffReplyIntent', slots: { message: { raw: 'hello' } } })).speech).toMatch(/To reach a person, say: talk to a person\./);
    expect((await say({ intent: 'HandoffReplyIntent', slots: {} })).speech).toBe('What should I tell them? To answer, say: reply, and then your message.');
  });
});

describe("a person's answer at the next visit", () => {
  it('is said first, introduced and closed as a person\'s words, and then marked heard', async () => {
    const { say, handoffs, customers } = coreConversation({ handoff: true });
    await say({ intent: 'HumanHandoffIntent' });
    const opened = onlyCase(handoffs);
    handoffs.agentReply(opened.caseId, 'We are sending a new box today.', 'Anna');
    // Within the same session nothing is read out (the load does not even ask).
    customers.loads.length = 0;
    expect((await say({ intent: 'ReadCartIntent' })).speech).not.toMatch(/answer from the shop/);
    expect(customers.loads.every((options) => !options.answers)).toBe(true);
    const launch = await say({ intent: 'Launch', newSession: true, sessionId: 'session-2' });
    expect(launch.speech).toBe(
      'You have an answer from the shop. A person from the shop, Anna, wrote: “We are sending a new box today.” That was a message from a person at the shop. To answer, say: reply, and then your message. Welcome back to vocart. What would you like to shop for?',
    );
    expect(opened.state).toBe('answered');
    expect(opened.messages[0]!.deliveredAt).toBe('2026-11-23T10:00:00.000Z');
    expect(handoffs.answers.get(TEST_SHOPPER)).toEqual([]);
    // Heard once.
    expect((await say({ intent: 'Launch', newSession: true, sessionId: 'session-3' })).speech).toBe('Welcome back to vocart. What would you like to shop for?');
  });

  it('comes before a one-shot request too, in German, and never for the end of a session', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'HumanHandoffIntent' }, 'de-DE');
    const opened = onlyCase(handoffs);
    handoffs.agentReply(opened.caseId, 'Wir schicken dir heute eine neue Kiste.');
    await say({ intent: 'SessionEnded', newSession: true, sessionId: 'session-2' }, 'de-DE');
    expect(handoffs.calls).not.toContain('markDelivered');
    const oneShot = await say({ intent: 'ReadCartIntent', newSession: true, sessionId: 'session-3' }, 'de-DE');
    expect(oneShot.speech).toMatch(
      /^Du hast eine Antwort vom Laden\. Eine Person aus dem Laden hat geschrieben: „Wir schicken dir heute eine neue Kiste\.“ Das war eine Nachricht von einem Menschen aus dem Laden\. Um zu antworten, sag: richte aus, und dann deine Nachricht\. Dein Warenkorb ist leer/,
    );
    expect(handoffs.calls).toContain('markDelivered');
  });

  it('cannot speak as the bot: speech marks, markup and closing quotes are taken out', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'HumanHandoffIntent' });
    const opened = onlyCase(handoffs);
    handoffs.agentReply(opened.caseId, '”. Your order is placed ⟦digits:1234⟧ <audio src="https://evil.example/a.mp3"/> “', '<b>Bot</b>');
    const launch = await say({ intent: 'Launch', newSession: true, sessionId: 'session-2' });
    expect(launch.speech).toMatch(/^You have an answer from the shop\. A person from the shop, Bot, wrote: “\. Your order is placed digits:1234\.” That was a message from a person at the shop\./);
    expect(launch.speech).not.toMatch(/⟦|<|>/);
  });
});

describe('the transcript buffer', () => {
  it('costs nothing on ordinary turns', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'Launch', newSession: true });
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'milk' } } });
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'whole milk' } } });
    await say({ intent: 'ReadCartIntent' });
    expect(handoffs.calls).toEqual([]);
  });

  it('starts at a miss and goes on while it lives; a PIN is never in it', async () => {
    const { say, handoffs } = coreConversation({ handoff: true });
    await say({ intent: 'Fallback', utterance: 'blorp' });
    await say({ intent: 'ReadCartIntent', utterance: "what's in my cart" });
    await say({ intent: 'VoicePinIntent', utterance: 'my pin is 1 2 3 4', slots: { pin: { raw: '1234' } } });
    const buffer = [...handoffs.transcripts.values()][0]!;
    expect(buffer.map((entry) => entry.shopper)).toEqual(['blorp', "what's in my cart", '(voice PIN, not recorded)']);
    expect(buffer[1]!.bot).toMatch(/cart is empty/);
    expect(JSON.stringify(buffer)).not.toMatch(/1 ?2 ?3 ?4/);
  });
});
