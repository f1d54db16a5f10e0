import { ResponseFactory } from 'ask-sdk-core';
import type { Directive, RequestEnvelope, Response } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { sayDigits } from '../../../../skill/core/speech-marks';
import type { Reply } from '../../../../skill/core/turn';
import { buildResponse } from '../../../../skill/platforms/alexa/reply-to-response';
import { alexaFixture } from '../../../fixtures/alexa/load';

function respond(reply: Partial<Reply>, envelope: RequestEnvelope = alexaFixture('launch-echo-dot')): Response {
  const full: Reply = { speech: 'Okay.', endSession: false, sessionState: {}, ...reply };
  return buildResponse(full, envelope, ResponseFactory.init());
}

function directiveTypes(response: Response): string[] {
  return (response.directives ?? []).map((directive: Directive) => directive.type);
}

const productDisplay = {
  title: 'Milk',
  text: 'Here is what I found.',
  items: [
    { id: 'p-1', title: 'Whole milk', subtitle: '1 gallon', price: '$3.49', imageUrl: 'https://img.example/milk.png' },
    { id: 'p-2', title: 'Oat milk', price: '$4.29' },
  ],
};

describe('buildResponse', () => {
  it('speaks escaped SSML, reprompts and keeps the session open', () => {
    const response = respond({ speech: 'Added M&Ms.', reprompt: 'Anything else?' });
    expect(response.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Added M&amp;Ms.</speak>' });
    expect(response.reprompt?.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>Anything else?</speak>' });
    expect(response.shouldEndSession).toBe(false);
  });

  it('repeats the speech as reprompt when the core gave none but the session stays open', () => {
    const response = respond({ speech: 'What would you like?' });
    expect(response.reprompt?.outputSpeech).toEqual({ type: 'SSML', ssml: '<speak>What would you like?</speak>' });
  });

  it('ends the session without a reprompt', () => {
    const response = respond({ speech: 'Goodbye.', endSession: true });
    expect(response.shouldEndSession).toBe(true);
    expect(response.reprompt).toBeUndefined();
  });

  it('shows a standard card with the first HTTPS image when an item has one', () => {
    const response = respond({ display: productDisplay });
    expect(response.card).toEqual({
      type: 'Standard',
      title: 'Milk',
      text: 'Here is what I found.\n• Whole milk (1 gallon, $3.49)\n• Oat milk ($4.29)',
      image: { smallImageUrl: 'https://img.example/milk.png', largeImageUrl: 'https://img.example/milk.png' },
    });
  });

  it('shows a simple card when no item has an HTTPS image', () => {
    const response = respond({
      display: { title: 'Your cart', items: [{ id: 'p-3', title: 'Eggs', imageUrl: 'http://insecure.example/eggs.png' }] },
    });
    expect(response.card).toEqual({ type: 'Simple', title: 'Your cart', content: '• Eggs' });
  });

  it('sends the account-linking card ahead of any other card', () => {
    const response = respond({ linkAccount: true, askPermission: 'reminders', display: productDisplay });
    expect(response.card).toEqual({ type: 'LinkAccount' });
  });

  it('asks for the reminders permission by voice, handing the session to Alexa without a reprompt', () => {
    const response = respond({ askPermission: 'reminders' });
    expect(response.directives).toEqual([
      {
        type: 'Connections.SendRequest',
        name: 'AskFor',
        payload: { '@type': 'AskForPermissionsConsentRequest', '@version': '1', permissionScope: 'alexa::alerts:reminders:skill:readwrite' },
        token: 'reminders',
      },
    ]);
    expect(response.reprompt).toBeUndefined();
    expect(response.shouldEndSession).toBe(true);
    expect(response.card).toBeUndefined();
  });

  it('renders an APL product list on a device that supports APL, with the data as a data source', () => {
    const response = respond({ display: productDisplay }, alexaFixture('search-echo-show'));
    const [directive] = response.directives ?? [];
    expect(directive).toMatchObject({
      type: 'Alexa.Presentation.APL.RenderDocument',
      document: { type: 'APL' },
      datasources: {
        products: {
          title: 'Milk',
          items: [
            { id: 'p-1', title: 'Whole milk', detail: '1 gallon · $3.49', imageUrl: 'https://img.example/milk.png' },
            { id: 'p-2', title: 'Oat milk', detail: '$4.29', imageUrl: '' },
          ],
        },
      },
    });
    expect(JSON.stringify((directive as { document: unknown }).document)).not.toContain('Whole milk');
  });

  it('sends no APL to a device without a screen', () => {
    expect(directiveTypes(respond({ display: productDisplay }))).toEqual([]);
  });

  it('elicits a slot of the current intent when the intent is in a dialog', () => {
    const response = respond({ speech: 'Which product?', ask: { kind: 'elicit', slot: 'product' } }, alexaFixture('add-to-cart-de-dialog'));
    expect(response.directives).toEqual([
      {
        type: 'Dialog.ElicitSlot',
        slotToElicit: 'product',
        updatedIntent: {
          name: 'AddToCartIntent',
          confirmationStatus: 'NONE',
          slots: {
            product: { name: 'product', confirmationStatus: 'NONE' },
            quantity: { name: 'quantity', confirmationStatus: 'NONE', value: '2' },
          },
        },
      },
    ]);
    expect(response.shouldEndSession).toBe(false);
  });

  it('confirms the intent when asked to and the intent is in a dialog', () => {
    const envelope = alexaFixture('clear-cart-confirmed');
    const response = respond({ speech: 'Empty your cart?', ask: { kind: 'confirm' } }, envelope);
    expect(directiveTypes(response)).toEqual(['Dialog.ConfirmIntent']);
  });

  it('just asks, without a directive, when the request carries no dialog state', () => {
    const response = respond({ speech: 'Which product?', ask: { kind: 'elicit', slot: 'product' } }, alexaFixture('search-echo-show'));
    expect(directiveTypes(response)).toEqual([]);
    expect(response.shouldEndSession).toBe(false);
  });

  it('does not elicit a slot the intent does not have', () => {
    const response = respond({ speech: 'Which one?', ask: { kind: 'elicit', slot: 'ordinal' } }, alexaFixture('add-to-cart-de-dialog'));
    expect(directiveTypes(response)).toEqual([]);
  });

  it('does not send a dialog directive for a launch request', () => {
    const response = respond({ speech: 'What would you like?', ask: { kind: 'confirm' } });
    expect(directiveTypes(response)).toEqual([]);
  });

  it('drops the dialog directive when the reply ends the session (Alexa rejects that combination)', () => {
    const response = respond({ speech: 'Bye.', endSession: true, ask: { kind: 'confirm' } }, alexaFixture('clear-cart-confirmed'));
    expect(directiveTypes(response)).toEqual([]);
    expect(response.shouldEndSession).toBe(true);
  });
});

describe('buildResponse with speech marks', () => {
  it('reads the card ending of a checkout read-back digit by digit, in the speech and the reprompt', () => {
    const readback = `Paid with Visa ending in ${sayDigits('4242')}. Shall I place the order?`;
    const response = respond({ speech: readback, reprompt: readback });
    const digits = '<say-as interpret-as="digits">4242</say-as>';
    expect((response.outputSpeech as { ssml: string }).ssml).toBe(`<speak>Paid with Visa ending in ${digits}. Shall I place the order?</speak>`);
    expect((response.reprompt?.outputSpeech as { ssml: string }).ssml).toContain(digits);
  });
});
