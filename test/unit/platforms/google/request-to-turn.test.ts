import { describe, expect, it } from 'vitest';
import { confidenceOf, mapIntent, mapLocale, parameterText, toSlots, toTurn, utteranceOf } from '../../../../skill/platforms/google/request-to-turn';
import { MAX_SHOPPER_TEXT_CHARS } from '../../../../skill/platforms/request-limits';
import { parseWebhookRequest } from '../../../../skill/platforms/google/webhook-request';
import { fixture } from './fakes';

const SESSION = 'projects/vocart-demo/agent/sessions/abc-123';

function request(queryResult: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return parseWebhookRequest({
    responseId: 'resp-1',
    session: SESSION,
    queryResult: { languageCode: 'en', parameters: {}, ...queryResult },
    originalDetectIntentRequest: { payload: {} },
    ...extra,
  });
}

describe('mapIntent', () => {
  it.each([
    ['Default Welcome Intent', 'Launch'],
    ['Default Fallback Intent', 'Fallback'],
    ['HelpIntent', 'Help'],
    ['StopIntent', 'Stop'],
    ['CancelIntent', 'Cancel'],
    ['YesIntent', 'Yes'],
    ['NoIntent', 'No'],
    ['MoreIntent', 'More'],
    ['SearchProductIntent', 'SearchProductIntent'],
    ['AddToCartIntent', 'AddToCartIntent'],
    ['RemoveFromCartIntent', 'RemoveFromCartIntent'],
    ['ReadCartIntent', 'ReadCartIntent'],
    ['ClearCartIntent', 'ClearCartIntent'],
    ['SelectItemIntent', 'SelectItemIntent'],
    ['VoicePinIntent', 'VoicePinIntent'],
    ['DeleteMyDataIntent', 'DeleteMyDataIntent'],
    ['HumanHandoffIntent', 'HumanHandoffIntent'],
    ['OrderProblemIntent', 'OrderProblemIntent'],
    ['HandoffReplyIntent', 'HandoffReplyIntent'],
  ])('maps %s to %s', (displayName, intent) => {
    expect(mapIntent(displayName)).toBe(intent);
  });

  it.each([['SomethingNew'], ['Launch'], ['SessionEnded'], ['Help'], ['searchproductintent'], [''], [undefined]])(
    'maps %s (unknown, or a core name the agent must not use) to Fallback',
    (displayName) => {
      expect(mapIntent(displayName)).toBe('Fallback');
    },
  );
});

describe('mapLocale', () => {
  it.each([
    ['en', 'en-US'],
    ['en-US', 'en-US'],
    ['en-us', 'en-US'],
    ['de', 'de-DE'],
    ['de-DE', 'de-DE'],
    ['de-de', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['fr', 'en-US'],
    [undefined, 'en-US'],
  ])('maps %s to %s', (code, locale) => {
    expect(mapLocale(code)).toBe(locale);
  });
});

describe('parameterText', () => {
  it.each([
    ['milk', 'milk'],
    ['  milk ', 'milk'],
    ['', undefined],
    ['   ', undefined],
    [2, '2'],
    [2.5, '2.5'],
    [Number.NaN, undefined],
    [['', 'eggs'], 'eggs'],
    [{ amount: 3, unit: 'kg' }, '3'],
    [{ name: 'x' }, undefined],
    [true, undefined],
    [null, undefined],
  ])('reads %j as %j', (value, text) => {
    expect(parameterText(value)).toBe(text);
  });
});

describe('toTurn', () => {
  it('translates an Assistant welcome: Launch, English, new session, the Assistant user id (trusted), a screen, the confidence', () => {
    const turn = toTurn(parseWebhookRequest(fixture('assistant-welcome.en.json'), { trustPayloadUserId: true }));
    expect(turn).toEqual({
      intent: 'Launch',
      slots: {},
      locale: 'en-US',
      customer: { platform: 'google', platformUserId: 'ABwppHEAPgcgb2yFUFURYFEJGg4VdAVcL9UKO9cS7a7rVfasdqlLXBSMsh9PP8UzEZVAZG5nqjqtyRpYE4o' },
      session: {},
      newSession: true,
      dialog: { confirmation: 'NONE' },
      // The Assistant payload announces ACCOUNT_LINKING, but Dialogflow's Assistant integration is switched off and
      // its sign-in was a helper this webhook never sends: no app, no linking card (the link code serves instead).
      // Trusted: the payload's user id names the shopper again in their next conversation.
      device: { hasScreen: true, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: true },
      requestId: '6d7f4b0e-3c1a-4f8e-9b52-0c5a7e2d9f11-2a5e8d1c',
      sessionId: 'projects/vocart-demo-4f2a1/agent/sessions/ABwppHGx2dTtZ6Q1xJ9s-demo',
      confidence: 1,
      // queryText holds the event's name (GOOGLE_ASSISTANT_WELCOME): no words of the shopper's.
    });
  });

  it('gives an Assistant-shaped request no linking card and no app, whatever capabilities it lists (issue 12)', () => {
    const welcome = fixture('assistant-welcome.en.json');
    const assistant = toTurn(parseWebhookRequest(welcome));
    expect(assistant.device).toEqual({ hasScreen: true, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: false });
    // The same with the account-linking capability named as a context only, or with every capability there is.
    welcome.originalDetectIntentRequest.payload.surface.capabilities.push({ name: 'actions.capability.INTERACTIVE_CANVAS' });
    expect(toTurn(parseWebhookRequest(welcome)).device).toMatchObject({ app: false, accountLinkingCard: false });
    const linked = toTurn(parseWebhookRequest(fixture('assistant-linked-select.en.json')));
    expect(linked.device).toEqual({ hasScreen: true, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: false });
    // A token the caller forwards still names the account: only the card is gone.
    expect(linked.customer.accessToken).toBe('ya29.demo-linked-account-token');
    // A voice-only Assistant surface: no screen either.
    welcome.originalDetectIntentRequest.payload.surface.capabilities = [{ name: 'actions.capability.AUDIO_OUTPUT' }];
    welcome.queryResult.outputContexts = [];
    expect(toTurn(parseWebhookRequest(welcome)).device.hasScreen).toBe(false);
  });

  it('translates a Dialogflow Messenger add in German with the session state and what the shopper said', () => {
    const turn = toTurn(parseWebhookRequest(fixture('messenger-add-to-cart.de.json')));
    expect(turn.intent).toBe('AddToCartIntent');
    expect(turn.locale).toBe('de-DE');
    expect(turn.slots).toEqual({
      product: { raw: 'zwei liter vollmilch', ids: ['Vollmilch'] },
      quantity: { raw: '2' },
    });
    expect(turn.session).toEqual({ lastResults: ['p-de-0042', 'p-de-0043'], resultOffset: 0, misses: 1 });
    expect(turn.newSession).toBe(false);
    // A web chat: a screen, but no app and no linking card, nothing reaches the shopper after the chat, and without a
    // trusted user the next chat is somebody new.
    expect(turn.device).toEqual({ hasScreen: true, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: false });
  });

  it('says what a phone gateway can do: no screen, no app, no linking card, whatever capabilities the payload claims', () => {
    const request = parseWebhookRequest(fixture('assistant-welcome.en.json'));
    const phone = { ...request, originalDetectIntentRequest: { ...request.originalDetectIntentRequest, source: 'GOOGLE_TELEPHONY' } };
    expect(toTurn(phone).device).toEqual({ hasScreen: false, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: false });
    const bare = { ...request, originalDetectIntentRequest: undefined };
    expect(toTurn(bare).device).toMatchObject({ app: false, accountLinkingCard: false, outOfSessionReminders: false });
  });

  it('keeps the resolved value alone when the shopper said exactly it', () => {
    const turn = toTurn(parseWebhookRequest(fixture('console-search.en.json')));
    expect(turn.intent).toBe('SearchProductIntent');
    expect(turn.slots).toEqual({ product: { raw: 'organic bananas' } });
    expect(turn.device.hasScreen).toBe(false);
  });

  it('passes a choice on as the model\'s id, with or without the words said ("die größere" arrives as bigger)', () => {
    expect(toSlots({ choice: 'bigger' }, [])).toEqual({ choice: { raw: 'bigger', ids: ['bigger'] } });
    const said = [{ name: 'projects/p/agent/sessions/s/contexts/c', parameters: { 'choice.original': 'less expensive' } }];
    expect(toSlots({ choice: 'cheaper' }, said)).toEqual({ choice: { raw: 'less expensive', ids: ['cheaper'] } });
  });

  it('derives a stable, hashed customer id from the session path when no Assistant user is given', () => {
    const first = toTurn(parseWebhookRequest(fixture('console-search.en.json')));
    const again = toTurn(parseWebhookRequest(fixture('console-search.en.json')));
    const other = fixture('console-search.en.json');
    other.session = 'projects/vocart-demo-4f2a1/agent/sessions/another-session';
    const otherTurn = toTurn(parseWebhookRequest(other));
    expect(first.customer.platformUserId).toMatch(/^session-[0-9a-f]{32}$/);
    expect(again.customer.platformUserId).toBe(first.customer.platformUserId);
    expect(otherTurn.customer.platformUserId).not.toBe(first.customer.platformUserId);
    expect(first.customer.accessToken).toBeUndefined();
  });

  it('uses the user of an environment session path only from a trusted integration, never the "-" placeholder', () => {
    const body = (id: string) => ({ responseId: `r-${id}`, session: `projects/p1/agent/environments/prod/users/shopper-42/sessions/${id}`, queryResult: { queryText: 'x', languageCode: 'en', intent: { displayName: 'ReadCartIntent' } } });
    const trusted = { trustPayloadUserId: true };
    const withUser = toTurn(parseWebhookRequest(body('s1'), trusted));
    const sameUserOtherSession = toTurn(parseWebhookRequest(body('s2'), trusted));
    expect(withUser.customer.platformUserId).toMatch(/^user-[0-9a-f]{32}$/);
    expect(sameUserOtherSession.customer.platformUserId).toBe(withUser.customer.platformUserId);
    // Anyone can write a session path: untrusted, it names the conversation only.
    const untrusted = toTurn(parseWebhookRequest(body('s1')));
    const untrustedOther = toTurn(parseWebhookRequest(body('s2')));
    expect(untrusted.customer.platformUserId).toMatch(/^session-/);
    expect(untrustedOther.customer.platformUserId).not.toBe(untrusted.customer.platformUserId);
    const placeholder = { ...body('s3'), session: 'projects/p1/agent/environments/prod/users/-/sessions/s3' };
    expect(toTurn(parseWebhookRequest(placeholder, trusted)).customer.platformUserId).toMatch(/^session-/);

    const phone = toTurn(parseWebhookRequest(fixture('telephony-read-cart.en-US.json')));
    expect(phone.customer.platformUserId).toMatch(/^session-/);
    expect(phone.intent).toBe('ReadCartIntent');
    expect(phone.locale).toBe('en-US');
    expect(phone.newSession).toBe(false);
    expect(phone.session).toEqual({});
  });

  it('passes the account-linking token on, and turns a list tap into SelectItemIntent with the product id', () => {
    const turn = toTurn(parseWebhookRequest(fixture('assistant-linked-select.en.json')));
    // The payload's user id is not trusted by default: the token decides, else the session path.
    expect(turn.customer).toEqual({ platform: 'google', platformUserId: expect.stringMatching(/^session-[0-9a-f]{32}$/), accessToken: 'ya29.demo-linked-account-token' });
    expect(turn.intent).toBe('SelectItemIntent');
    expect(turn.slots.choice).toEqual({ raw: 'p-en-0107', ids: ['p-en-0107'] });
    expect(turn.session.lastResults).toEqual(['p-en-0106', 'p-en-0107']);
  });

  it('reads quantity as number, string, or empty string', () => {
    const asNumber = toTurn(request({ intent: { displayName: 'AddToCartIntent' }, parameters: { product: 'eggs', quantity: 3 } }));
    const asString = toTurn(request({ intent: { displayName: 'AddToCartIntent' }, parameters: { product: 'eggs', quantity: '3' } }));
    const empty = toTurn(request({ intent: { displayName: 'AddToCartIntent' }, parameters: { product: 'eggs', quantity: '' } }));
    expect(asNumber.slots.quantity).toEqual({ raw: '3' });
    expect(asString.slots.quantity).toEqual({ raw: '3' });
    expect(empty.slots.quantity).toBeUndefined();
    expect(empty.slots.product).toEqual({ raw: 'eggs' });
  });

  it('reads ordinal, choice and pin, and ignores parameters vocart does not know', () => {
    const select = toTurn(request({ intent: { displayName: 'SelectItemIntent' }, parameters: { ordinal: 2, choice: '', colour: 'red' } }));
    expect(select.slots).toEqual({ ordinal: { raw: '2' } });
    const pin = toTurn(request({ intent: { displayName: 'VoicePinIntent' }, parameters: { pin: '0427' } }));
    expect(pin.slots).toEqual({ pin: { raw: '0427' } });
    const choice = toTurn(request({ intent: { displayName: 'SelectItemIntent' }, parameters: { choice: ['the green one'] } }));
    // A choice entity value is the model's id whatever it is; the core ignores an id it does not know.
    expect(choice.slots).toEqual({ choice: { raw: 'the green one', ids: ['the green one'] } });
    const measured = toTurn(request({ intent: { displayName: 'AddToCartIntent' }, parameters: { product: 'skim milk', measure: 'one gallon' } }));
    expect(measured.slots).toEqual({ product: { raw: 'skim milk' }, measure: { raw: 'one gallon' } });
  });

  it('treats odd parameter types as absent instead of failing', () => {
    const turn = toTurn(request({ intent: { displayName: 'AddToCartIntent' }, parameters: { product: { deep: { x: 1 } }, quantity: true } }));
    expect(turn.intent).toBe('AddToCartIntent');
    expect(turn.slots).toEqual({});
  });

  it('drops a malformed session state but still knows the session is not new', () => {
    const contexts = (state: unknown) => [{ name: `${SESSION}/contexts/vocart-session`, lifespanCount: 5, parameters: { state } }];
    for (const state of ['{not json', '{"misses":-4}', '{"lastResults":"p1"}', 42, 'x'.repeat(9000), '[]']) {
      const turn = toTurn(request({ intent: { displayName: 'ReadCartIntent' }, outputContexts: contexts(state) }));
      expect(turn.session, String(state).slice(0, 20)).toEqual({});
      expect(turn.newSession).toBe(false);
    }
  });

  it('ignores foreign and cleared contexts when looking for the session', () => {
    const turn = toTurn(
      request({
        intent: { displayName: 'ReadCartIntent' },
        outputContexts: [
          { name: `${SESSION}/contexts/vocart-session`, lifespanCount: 0, parameters: { state: '{"misses":2}' } },
          { name: `${SESSION}/contexts/other`, lifespanCount: 5, parameters: { state: '{"misses":3}' } },
          'not a context',
        ],
      }),
    );
    expect(turn.newSession).toBe(true);
    expect(turn.session).toEqual({});
  });

  it('falls back to a generated request id and English when Dialogflow left fields out', () => {
    const turn = toTurn(parseWebhookRequest({ queryResult: {} }));
    expect(turn.intent).toBe('Fallback');
    expect(turn.locale).toBe('en-US');
    expect(turn.requestId).toMatch(/^google-/);
    expect(turn.customer.platformUserId).toMatch(/^session-/);
  });
});

describe('handoff: confidence, the shopper\'s words and the handoff slots (issue 13)', () => {
  it('reads a Messenger "tell them …" with its confidence, its words and the message as said', () => {
    const turn = toTurn(parseWebhookRequest(fixture('messenger-handoff-reply.en.json')));
    expect(turn.intent).toBe('HandoffReplyIntent');
    expect(turn.confidence).toBe(0.8734);
    expect(turn.utterance).toBe('tell them the box was wet when it arrived');
    expect(turn.slots).toEqual({ message: { raw: 'the box was wet when it arrived' } });
  });

  it('reads a phone line\'s order problem as the problem id with the words said, and a low confidence as sent', () => {
    const turn = toTurn(parseWebhookRequest(fixture('telephony-order-problem.de-DE.json')));
    expect(turn.intent).toBe('OrderProblemIntent');
    expect(turn.locale).toBe('de-DE');
    expect(turn.slots).toEqual({ problem: { raw: 'beschädigt', ids: ['damaged'] } });
    expect(turn.confidence).toBe(0.61);
    expect(turn.utterance).toBe('meine Lieferung ist beschädigt angekommen');
    expect(turn.device).toEqual({ hasScreen: false, app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn: false });
  });

  it('passes the problem on as an id even without the words said (the entity\'s reference value is the id)', () => {
    expect(toSlots({ problem: 'late' }, [])).toEqual({ problem: { raw: 'late', ids: ['late'] } });
  });

  it.each([
    ['a string', '0.9'],
    ['above one', 1.5],
    ['below zero', -0.2],
    ['an object', { value: 0.9 }],
    ['null', null],
  ])('ignores a malformed confidence (%s) instead of trusting it', (_what, value) => {
    const turn = toTurn(request({ intent: { displayName: 'HumanHandoffIntent' }, intentDetectionConfidence: value, queryText: 'talk to a person' }));
    expect(turn.intent).toBe('HumanHandoffIntent');
    expect(turn.confidence).toBeUndefined();
    expect(turn.utterance).toBe('talk to a person');
  });

  it('keeps the edges of the range and leaves the confidence out where Dialogflow sent none', () => {
    expect(confidenceOf(0)).toBe(0);
    expect(confidenceOf(1)).toBe(1);
    expect(confidenceOf(Number.NaN)).toBeUndefined();
    expect(confidenceOf(Number.POSITIVE_INFINITY)).toBeUndefined();
    expect('confidence' in toTurn(request({ intent: { displayName: 'ReadCartIntent' } }))).toBe(false);
  });

  it('bounds the shopper\'s words and the message, cuts between code points and drops what XML cannot carry', () => {
    const long = `tell them ${'the box was wet '.repeat(40)}`;
    const turn = toTurn(request({ intent: { displayName: 'HandoffReplyIntent' }, queryText: long, parameters: { message: `${'🍌'.repeat(150)}` } }));
    expect(turn.utterance!.length).toBeLessThanOrEqual(MAX_SHOPPER_TEXT_CHARS);
    expect(turn.slots.message!.raw.length).toBeLessThanOrEqual(MAX_SHOPPER_TEXT_CHARS);
    expect(turn.slots.message!.raw).toMatch(/^(🍌)+$/u);
    expect(utteranceOf('the box\u0000 was \u0007wet')).toBe('the box was wet');
    expect(utteranceOf('  ')).toBeUndefined();
  });

  it('hears no words in an event or a tap: their queryText is a name, not something the shopper said', () => {
    for (const name of ['GOOGLE_ASSISTANT_WELCOME', 'WELCOME', 'actions_intent_OPTION', 'actions_intent_SIGN_IN']) expect(utteranceOf(name), name).toBeUndefined();
    expect(toTurn(parseWebhookRequest(fixture('assistant-linked-select.en.json'))).utterance).toBeUndefined();
    // A shopper typing in capitals still typed words.
    expect(utteranceOf('OK')).toBe('OK');
    expect(utteranceOf('HELP')).toBe('HELP');
  });
});
