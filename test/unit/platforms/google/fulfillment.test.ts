import { describe, expect, it } from 'vitest';
import type { Reply } from '../../../../skill/core/turn';
import { GoogleFulfillment, type WebhookResponse } from '../../../../skill/platforms/google/fulfillment';
import { parseWebhookRequest } from '../../../../skill/platforms/google/webhook-request';
import { fixture, RecordingLog, ScriptedCore, simpleReply } from './fakes';

const PRODUCTS = [
  { id: 'p-en-0106', title: 'Bananas', subtitle: '1 bunch', price: '$0.99', imageUrl: 'https://img.example/bananas.jpg' },
  { id: 'p-en-0107', title: 'Organic Bananas', price: '$1.49', imageUrl: 'https://img.example/organic-bananas.jpg' },
  { id: 'p-en-0108', title: 'Banana Chips' },
];

async function fulfil(reply: Reply | ((turn: any) => Reply), name = 'console-search.en.json') {
  const core = new ScriptedCore(typeof reply === 'function' ? reply : () => reply);
  const log = new RecordingLog();
  const response = await new GoogleFulfillment(core, log).fulfill(parseWebhookRequest(fixture(name)));
  return { response, core, log };
}

function googleItems(response: WebhookResponse): any[] {
  return (response.payload?.google?.richResponse as any)?.items ?? [];
}

describe('GoogleFulfillment', () => {
  it('answers with fulfillmentText, generic messages and the Assistant rich response', async () => {
    const { response } = await fulfil(simpleReply({ speech: 'Milk & eggs are <cheap>.', reprompt: 'What next?' }));
    expect(response.fulfillmentText).toBe('Milk & eggs are <cheap>.');
    expect(response.fulfillmentMessages[0]).toEqual({ text: { text: ['Milk & eggs are <cheap>.'] } });
    const google = response.payload?.google as any;
    expect(google.expectUserResponse).toBe(true);
    expect(googleItems(response)[0]).toEqual({
      simpleResponse: { textToSpeech: '<speak>Milk &amp; eggs are &lt;cheap&gt;.</speak>', displayText: 'Milk & eggs are <cheap>.' },
    });
    expect(google.noInputPrompts[0].textToSpeech).toBe('<speak>What next?</speak>');
  });

  it('carries the session state in the vocart-session output context of the request session', async () => {
    const state = { lastResults: ['p-en-0106'], resultOffset: 0, misses: 0 };
    const { response } = await fulfil(simpleReply({ sessionState: state }));
    expect(response.outputContexts).toEqual([
      {
        name: 'projects/vocart-demo-4f2a1/agent/sessions/7c0a2f4e-6b1d-4a3e-8f9c-2d5e7b1a3c6f/contexts/vocart-session',
        lifespanCount: expect.any(Number),
        parameters: { state: JSON.stringify(state) },
      },
    ]);
    expect(response.outputContexts[0]!.lifespanCount).toBeGreaterThan(0);
  });

  it('round-trips the session state: what one reply stores, the next turn receives', async () => {
    const core = new ScriptedCore((turn) => simpleReply({ sessionState: { misses: (turn.session.misses ?? 0) + 1, pending: { kind: 'clearCart' } } }));
    const fulfillment = new GoogleFulfillment(core, new RecordingLog());
    let body = fixture('console-search.en.json');
    for (let turnNumber = 0; turnNumber < 3; turnNumber++) {
      const response = await fulfillment.fulfill(parseWebhookRequest(body));
      body = fixture('console-search.en.json');
      body.responseId = `resp-${turnNumber}`;
      body.queryResult.outputContexts = response.outputContexts;
    }
    expect(core.turns.map((turn) => [turn.newSession, turn.session.misses])).toEqual([
      [true, undefined],
      [false, 1],
      [false, 2],
    ]);
    expect(core.lastTurn.session.pending).toEqual({ kind: 'clearCart' });
  });

  it('closes the conversation and clears the context when the session ends', async () => {
    const { response } = await fulfil(simpleReply({ speech: 'Goodbye.', reprompt: undefined, endSession: true, suggestions: ['Help'] }));
    expect((response.payload?.google as any).expectUserResponse).toBe(false);
    expect(response.outputContexts[0]).toMatchObject({ lifespanCount: 0 });
    expect(response.outputContexts[0]!.parameters).toBeUndefined();
    // Suggestions make no sense on a closed conversation (and the Assistant rejects them).
    expect(JSON.stringify(response)).not.toContain('Help');
  });

  it('shows several products as an Assistant list, cards, and Dialogflow Messenger rich content', async () => {
    const { response } = await fulfil(
      simpleReply({ display: { title: 'Bananas', items: PRODUCTS, choosable: true }, suggestions: ['Add the first one', 'Read my list', 'a suggestion far too long for a chip'] }),
    );
    const google = response.payload?.google as any;
    expect(google.systemIntent.intent).toBe('actions.intent.OPTION');
    const listItems = google.systemIntent.data.listSelect.items;
    expect(listItems.map((item: any) => item.optionInfo.key)).toEqual(['p-en-0106', 'p-en-0107', 'p-en-0108']);
    expect(listItems[0]).toMatchObject({ title: 'Bananas', description: '1 bunch · $0.99', image: { url: 'https://img.example/bananas.jpg' } });
    expect(google.richResponse.suggestions).toEqual([{ title: 'Add the first one' }, { title: 'Read my list' }]);

    const cards = response.fulfillmentMessages.filter((message) => message.card).map((message) => message.card);
    expect(cards).toEqual([
      { title: 'Bananas', subtitle: '1 bunch · $0.99', imageUri: 'https://img.example/bananas.jpg' },
      { title: 'Organic Bananas', subtitle: '$1.49', imageUri: 'https://img.example/organic-bananas.jpg' },
      { title: 'Banana Chips' },
    ]);
    expect(response.fulfillmentMessages).toContainEqual({ quickReplies: { quickReplies: ['Add the first one', 'Read my list'] } });
    const messenger = response.fulfillmentMessages.find((message) => message.payload)?.payload as any;
    expect(messenger.richContent[0]).toContainEqual({ type: 'chips', options: [{ text: 'Add the first one' }, { text: 'Read my list' }] });
    expect(messenger.richContent[0][0]).toEqual({ type: 'info', title: 'Bananas', subtitle: '1 bunch · $0.99', image: { src: { rawUrl: 'https://img.example/bananas.jpg' } } });
  });

  it('shows a cart (a display nobody chooses from) as a card, never as a list that waits for a selection', async () => {
    const { response } = await fulfil(simpleReply({ display: { title: 'Your cart', items: PRODUCTS } }));
    expect((response.payload?.google as any).systemIntent).toBeUndefined();
    expect(googleItems(response).find((item) => item.basicCard)?.basicCard.title).toBe('Bananas');
  });

  it('shows a single product as a basic card with its image', async () => {
    const { response } = await fulfil(simpleReply({ display: { title: 'Added', items: [PRODUCTS[0]!], text: 'In your list: 1' } }));
    const card = googleItems(response).find((item) => item.basicCard)?.basicCard;
    expect(card).toMatchObject({ title: 'Bananas', subtitle: '1 bunch · $0.99', formattedText: 'In your list: 1', image: { url: 'https://img.example/bananas.jpg', accessibilityText: 'Bananas' } });
    expect((response.payload?.google as any).systemIntent).toBeUndefined();
  });

  it('gives repeated product names distinct list titles, as the Assistant requires', async () => {
    const items = [
      { id: 'a', title: 'Milk' },
      { id: 'b', title: 'Milk' },
      { id: 'a', title: 'Milk' },
    ];
    const { response } = await fulfil(simpleReply({ display: { title: 'Milk', items, choosable: true } }));
    const listItems = (response.payload?.google as any).systemIntent.data.listSelect.items;
    expect(listItems.map((item: any) => [item.optionInfo.key, item.title])).toEqual([
      ['a', 'Milk'],
      ['b', 'Milk (2)'],
    ]);
  });

  it('explains how to link the account instead of a sign-in helper', async () => {
    const { response } = await fulfil(simpleReply({ speech: 'You need to link your account first.', linkAccount: true }), 'assistant-welcome.en.json');
    const google = response.payload?.google as any;
    expect(google.systemIntent).toBeUndefined();
    expect(googleItems(response).find((item) => item.basicCard)?.basicCard.title).toBe('Link your account');
    expect(response.fulfillmentMessages.some((message) => message.text?.text[0]?.includes('shop website'))).toBe(true);
  });

  it('apologises in the shopper’s language and keeps the session state when the core throws', async () => {
    const { response, log } = await fulfil(() => {
      throw new Error('boom at /secret/path');
    }, 'messenger-add-to-cart.de.json');
    expect(response.fulfillmentText).toMatch(/^Entschuldigung/);
    expect(JSON.stringify(response)).not.toContain('boom');
    expect(JSON.parse(response.outputContexts[0]!.parameters!.state!)).toEqual({ lastResults: ['p-de-0042', 'p-de-0043'], resultOffset: 0, misses: 1 });
    expect(log.entries.some((entry) => entry.level === 'error')).toBe(true);
  });

  it('logs ids and counts but not what the shopper said', async () => {
    const { log } = await fulfil(simpleReply(), 'messenger-add-to-cart.de.json');
    const logged = JSON.stringify(log.entries);
    expect(logged).toContain('AddToCartIntent');
    expect(logged).not.toContain('vollmilch');
    expect(logged).not.toContain('Vollmilch');
  });
});
