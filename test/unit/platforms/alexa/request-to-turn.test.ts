import type { IntentRequest, RequestEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { toTurn } from '../../../../skill/platforms/alexa/request-to-turn';
import { alexaFixture } from '../../../fixtures/alexa/load';

function intentRequest(envelope: RequestEnvelope): IntentRequest {
  if (envelope.request.type !== 'IntentRequest') throw new Error('fixture is not an IntentRequest');
  return envelope.request;
}

/** What Alexa sends back after a Connections.SendRequest: a new session, the answer in the payload. */
function connectionsResponse(name: string, payload: Record<string, unknown>): RequestEnvelope {
  const envelope = alexaFixture('launch-echo-dot');
  envelope.request = {
    type: 'Connections.Response',
    requestId: 'amzn1.echo-api.request.permission-answer',
    timestamp: '2026-11-23T18:00:00Z',
    locale: 'en-US',
    status: { code: '200', message: 'OK' },
    name,
    payload,
    token: 'reminders',
  };
  return envelope;
}

function withIntent(name: string): RequestEnvelope {
  const envelope = alexaFixture('search-echo-show');
  intentRequest(envelope).intent.name = name;
  return envelope;
}

describe('toTurn', () => {
  it('translates a LaunchRequest into a new-session Launch turn for the Alexa user', () => {
    const turn = toTurn(alexaFixture('launch-echo-dot'));
    expect(turn).toMatchObject({
      intent: 'Launch',
      slots: {},
      locale: 'en-US',
      customer: { platform: 'alexa', platformUserId: 'amzn1.ask.account.AFTESTUSERID0001' },
      session: {},
      newSession: true,
      dialog: { confirmation: 'NONE' },
      // Every Alexa user has the Alexa app (its cards, the linking card) and can be reminded outside a session.
      device: { hasScreen: false, app: true, accountLinkingCard: true, outOfSessionReminders: true },
      requestId: 'amzn1.echo-api.request.1d5e2b7c-3f4a-4b9e-8c21-6a0d9e3f7b52',
      permissions: [],
    });
    expect(turn?.customer.accessToken).toBeUndefined();
  });

  it('translates a SessionEndedRequest and still carries the session it ended', () => {
    const turn = toTurn(alexaFixture('session-ended'));
    expect(turn?.intent).toBe('SessionEnded');
    expect(turn?.session).toEqual({ lastResults: ['p-0042', 'p-0043'] });
    expect(turn?.newSession).toBe(false);
  });

  it.each([
    ['AMAZON.HelpIntent', 'Help'],
    ['AMAZON.StopIntent', 'Stop'],
    ['AMAZON.CancelIntent', 'Cancel'],
    ['AMAZON.FallbackIntent', 'Fallback'],
    ['AMAZON.YesIntent', 'Yes'],
    ['AMAZON.NoIntent', 'No'],
    ['AMAZON.MoreIntent', 'More'],
    ['AMAZON.NavigateHomeIntent', 'Launch'],
    ['SearchProductIntent', 'SearchProductIntent'],
    ['AddToCartIntent', 'AddToCartIntent'],
    ['RemoveFromCartIntent', 'RemoveFromCartIntent'],
    ['ReadCartIntent', 'ReadCartIntent'],
    ['ClearCartIntent', 'ClearCartIntent'],
    ['SelectItemIntent', 'SelectItemIntent'],
    ['AMAZON.PauseIntent', 'Fallback'],
    ['OrderPizzaIntent', 'Fallback'],
    // The core's request-level names must not be reachable as intent names.
    ['Launch', 'Fallback'],
    ['SessionEnded', 'Fallback'],
  ])('maps intent %s to %s', (alexaName, coreIntent) => {
    expect(toTurn(withIntent(alexaName))?.intent).toBe(coreIntent);
  });

  it('keeps the spoken slot value and the ids of every successful entity resolution', () => {
    const turn = toTurn(alexaFixture('search-echo-show'));
    expect(turn?.slots).toEqual({ product: { raw: 'oat milk', ids: ['p-0042', 'p-0043'] } });
  });

  it('leaves ids out when entity resolution found no match, and drops slots the shopper did not fill', () => {
    const envelope = alexaFixture('search-echo-show');
    const slots = intentRequest(envelope).intent.slots!;
    slots.product!.resolutions = {
      resolutionsPerAuthority: [{ authority: 'a', status: { code: 'ER_SUCCESS_NO_MATCH' }, values: [] }],
    };
    slots.quantity = { name: 'quantity', confirmationStatus: 'NONE' };
    slots.ordinal = { name: 'ordinal', value: '   ', confirmationStatus: 'NONE' };
    expect(toTurn(envelope)?.slots).toEqual({ product: { raw: 'oat milk' } });
  });

  it('reads a multi-value slot given as a simple slotValue', () => {
    const envelope = alexaFixture('search-echo-show');
    intentRequest(envelope).intent.slots = {
      product: { name: 'product', confirmationStatus: 'NONE', slotValue: { type: 'Simple', value: 'bananas' } },
    };
    expect(toTurn(envelope)?.slots).toEqual({ product: { raw: 'bananas' } });
  });

  it('caps an absurdly long slot value instead of passing it to the core', () => {
    const envelope = alexaFixture('search-echo-show');
    intentRequest(envelope).intent.slots!.product!.value = 'x'.repeat(5000);
    expect(toTurn(envelope)?.slots.product?.raw).toHaveLength(200);
  });

  it.each([
    ['de-DE', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['en-US', 'en-US'],
    ['en-GB', 'en-US'],
    ['fr-FR', 'en-US'],
    [undefined, 'en-US'],
  ])('maps locale %s to %s', (alexaLocale, coreLocale) => {
    const envelope = alexaFixture('launch-echo-dot');
    envelope.request.locale = alexaLocale;
    expect(toTurn(envelope)?.locale).toBe(coreLocale);
  });

  it('reads confirmation, screen, granted reminders and the context access token', () => {
    const turn = toTurn(alexaFixture('search-echo-show'));
    expect(turn?.device.hasScreen).toBe(true);
    expect(turn?.permissions).toEqual(['reminders']);
    expect(turn?.customer.accessToken).toBe('Atza|context-token-example');
    expect(toTurn(alexaFixture('clear-cart-confirmed'))?.dialog.confirmation).toBe('CONFIRMED');
  });

  it('does not count a reminders scope that was denied', () => {
    const envelope = alexaFixture('search-echo-show');
    envelope.context.System.user.permissions!.scopes!['alexa::alerts:reminders:skill:readwrite'] = { status: 'DENIED' };
    expect(toTurn(envelope)?.permissions).toEqual([]);
  });

  it('falls back to the session access token when the context has none', () => {
    const envelope = alexaFixture('search-echo-show');
    delete envelope.context.System.user.accessToken;
    expect(toTurn(envelope)?.customer.accessToken).toBe('Atza|session-token-example');
  });

  it('round-trips well-formed session attributes into Turn.session', () => {
    const turn = toTurn(alexaFixture('search-echo-show'));
    expect(turn?.session).toEqual({ misses: 1, lastResults: ['p-0001'], resultOffset: 0 });
    expect(toTurn(alexaFixture('clear-cart-confirmed'))?.session).toEqual({ pending: { kind: 'clearCart' } });
  });

  it.each([
    ['a string', 'hello'],
    ['an array', [1, 2]],
    ['lastResults that are not ids', { lastResults: [1, 2, 3] }],
    ['a negative offset', { resultOffset: -4 }],
    ['a pending action without kind', { pending: { productId: 'p-1' } }],
    ['an oversized blob', { notes: 'x'.repeat(20_000) }],
  ])('drops session attributes that are %s', (_label, attributes) => {
    const envelope = alexaFixture('search-echo-show');
    envelope.session!.attributes = attributes as Record<string, unknown>;
    expect(toTurn(envelope)?.session).toEqual({});
  });

  it('gives no turn for request types the core has no part in', () => {
    expect(toTurn(alexaFixture('skill-enabled-event'))).toBeUndefined();
    expect(toTurn(alexaFixture('exception-encountered'))).toBeUndefined();
    expect(toTurn(connectionsResponse('Buy', { purchaseResult: 'ACCEPTED' }))).toBeUndefined();
  });

  describe('the answer to a voice permission request', () => {
    const scope = 'alexa::alerts:reminders:skill:readwrite';

    it('turns an accepted AskFor into PermissionAnswer, with the permission granted before the context lists it', () => {
      const turn = toTurn(connectionsResponse('AskFor', { permissionScope: scope, status: 'ACCEPTED' }));
      expect(turn).toMatchObject({ intent: 'PermissionAnswer', permissionAnswer: 'granted', permissions: ['reminders'], locale: 'en-US' });
    });

    it.each([
      ['DENIED', 'denied'],
      ['NOT_ANSWERED', 'unanswered'],
      [undefined, 'unanswered'],
    ])('reads %s as %s, without the permission', (status, answer) => {
      const turn = toTurn(connectionsResponse('AskFor', { permissionScope: scope, ...(status ? { status } : {}) }));
      expect(turn).toMatchObject({ intent: 'PermissionAnswer', permissionAnswer: answer, permissions: [] });
    });

    it('does not take an answer about another scope as the reminders permission', () => {
      const turn = toTurn(connectionsResponse('AskFor', { permissionScope: 'alexa::alerts:timers:skill:readwrite', status: 'ACCEPTED' }));
      expect(turn).toMatchObject({ permissionAnswer: 'unanswered', permissions: [] });
    });
  });
});

/** What Alexa sends when a SendEvent command runs on the screen (a tap on the APL list). */
function userEvent(args: unknown[]): RequestEnvelope {
  const envelope = alexaFixture('search-echo-show');
  envelope.request = {
    type: 'Alexa.Presentation.APL.UserEvent',
    requestId: 'amzn1.echo-api.request.tap',
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    token: 'vocart-product-list',
    arguments: args,
    source: { type: 'TouchWrapper', handler: 'Press', id: '' },
  } as unknown as RequestEnvelope['request'];
  return envelope;
}

describe('toTurn for the handoff intents (issue 13)', () => {
  it('passes "tell them …" on with the words Alexa heard in the free-text slot, and no confidence or words of its own', () => {
    const turn = toTurn(alexaFixture('handoff-reply-en'));
    expect(turn?.intent).toBe('HandoffReplyIntent');
    expect(turn?.slots).toEqual({ message: { raw: 'the box was wet when it arrived' } });
    // Alexa sends neither an intent confidence nor the transcribed utterance.
    expect(turn?.confidence).toBeUndefined();
    expect(turn?.utterance).toBeUndefined();
  });

  it('passes an order problem on as the resolved id with the German words said', () => {
    const turn = toTurn(alexaFixture('order-problem-de'));
    expect(turn?.intent).toBe('OrderProblemIntent');
    expect(turn?.locale).toBe('de-DE');
    expect(turn?.slots).toEqual({ problem: { raw: 'beschädigt', ids: ['damaged'] } });
  });

  it('maps a person asked for, and bounds a forged message like any slot', () => {
    expect(toTurn(withIntent('HumanHandoffIntent'))?.intent).toBe('HumanHandoffIntent');
    const envelope = alexaFixture('handoff-reply-en');
    const slot = intentRequest(envelope).intent.slots!.message!;
    slot.value = `${'wet box '.repeat(60)}\u0000`;
    const raw = toTurn(envelope)?.slots.message?.raw ?? '';
    expect(raw.length).toBeLessThanOrEqual(200);
    expect(raw).not.toContain('\u0000');
  });
});

describe('toTurn for a tap on the screen', () => {
  it('turns the APL UserEvent of a listed product into a selection naming that product', () => {
    const turn = toTurn(userEvent(['vocart.select', 'p-0001']));
    expect(turn).toMatchObject({ intent: 'SelectItemIntent', slots: { choice: { raw: 'p-0001', ids: ['p-0001'] } }, newSession: false });
    // The session's results travel with it: the core checks the id against what was listed.
    expect(turn?.session.lastResults).toEqual(['p-0001']);
  });

  it('has no turn for a UserEvent that is not a product tap', () => {
    expect(toTurn(userEvent(['something-else', 'p-0001']))).toBeUndefined();
    expect(toTurn(userEvent(['vocart.select']))).toBeUndefined();
    expect(toTurn(userEvent(['vocart.select', 42]))).toBeUndefined();
  });
});
