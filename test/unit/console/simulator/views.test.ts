import { describe, expect, it } from 'vitest';
import { alexaView } from '../../../../lambda/console/simulator/alexa/view';
import { dialogflowView } from '../../../../lambda/console/simulator/dialogflow/view';
import { ssmlToText } from '../../../../lambda/console/simulator/speech';

describe('what a response shows', () => {
  it('reads SSML as text: tags dropped, entities decoded', () => {
    expect(ssmlToText('<speak>Bread &amp; butter <break time="1s"/>, $2.58 &#8211; done.</speak>')).toBe('Bread & butter, $2.58 – done.');
  });

  it('Alexa: speech, reprompt, card, the APL list from its data source, directives and the session attributes', () => {
    const view = alexaView({
      version: '1.0',
      sessionAttributes: { state: 'x' },
      response: {
        outputSpeech: { type: 'SSML', ssml: '<speak>I found Bananas.</speak>' },
        reprompt: { outputSpeech: { type: 'SSML', ssml: '<speak>Shall I add it?</speak>' } },
        card: { type: 'Standard', title: 'Results', text: '• Bananas', image: { largeImageUrl: 'https://img/bananas.jpg' } },
        directives: [{ type: 'Alexa.Presentation.APL.RenderDocument', token: 't', document: {}, datasources: { products: { title: 'Results for bananas', text: '', items: [{ id: 'p020', title: 'Bananas', detail: '2 lb · $1.29', imageUrl: 'https://img/bananas.jpg' }] } } }],
        shouldEndSession: false,
      },
    } as never);
    expect(view).toMatchObject({
      speech: 'I found Bananas.',
      reprompt: 'Shall I add it?',
      card: { type: 'Standard', title: 'Results', text: '• Bananas', imageUrl: 'https://img/bananas.jpg' },
      apl: { title: 'Results for bananas', items: [{ id: 'p020', title: 'Bananas', detail: '2 lb · $1.29', imageUrl: 'https://img/bananas.jpg' }] },
      directives: ['Alexa.Presentation.APL.RenderDocument'],
      endSession: false,
      sessionState: { state: 'x' },
    });
  });

  it('Dialogflow: the Assistant speech, list and chips, the generic messages, and the output contexts', () => {
    const view = dialogflowView({
      fulfillmentText: 'I found 2.',
      fulfillmentMessages: [{ text: { text: ['I found 2.'] } }, { card: { title: 'Bananas', subtitle: '2 lb · $1.29', imageUri: 'https://img/b.jpg' } }, { quickReplies: { quickReplies: ['the first one'] } }],
      payload: {
        google: {
          expectUserResponse: true,
          richResponse: { items: [{ simpleResponse: { textToSpeech: '<speak>I found 2.</speak>', displayText: 'I found 2.' } }], suggestions: [{ title: 'the first one' }] },
          systemIntent: { data: { listSelect: { title: 'Results', items: [{ optionInfo: { key: 'p020' }, title: 'Bananas', description: '2 lb · $1.29' }] } } },
          noInputPrompts: [{ textToSpeech: '<speak>Which one?</speak>' }],
        },
      },
      outputContexts: [{ name: 'projects/p/agent/sessions/s/contexts/vocart-session', lifespanCount: 5, parameters: { state: 'x' } }],
    });
    expect(view.speech).toBe('I found 2.');
    expect(view.reprompt).toBe('Which one?');
    expect(view.suggestions).toEqual(['the first one']);
    expect(view.richMessages).toContainEqual({ kind: 'Assistant list', title: 'Results', items: [{ id: 'p020', title: 'Bananas', detail: '2 lb · $1.29' }] });
    expect(view.richMessages).toContainEqual({ kind: 'card', title: 'Bananas', text: '2 lb · $1.29', items: [{ title: 'Bananas', imageUrl: 'https://img/b.jpg' }] });
    expect(view.directives).toEqual(['vocart-session (lifespan 5)']);
    expect(view.endSession).toBe(false);
  });
});
