/**
 * An Assistant-shaped Dialogflow request (source "google", a payload with a user and surface capabilities, among
 * them ACCOUNT_LINKING) through the webhook and the real core: an unlinked checkout is told how to link with a code,
 * as on Messenger and the phone, never sent to "a card in your app" no Dialogflow integration can show (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { GoogleWebhook } from '../../../../skill/platforms/google/webhook';
import { coreConversation } from '../../../helpers/core-conversation';
import { fixture, RecordingLog } from './fakes';

function checkoutRequest(cart: 'en' | 'de') {
  const request = fixture('assistant-welcome.en.json');
  request.responseId = `assistant-checkout-${cart}`;
  request.queryResult.queryText = cart === 'en' ? 'check out' : 'zur Kasse';
  request.queryResult.languageCode = cart;
  request.queryResult.intent.displayName = 'CheckoutIntent';
  request.originalDetectIntentRequest.payload.inputs = [{ intent: 'actions.intent.TEXT', rawInputs: [{ inputType: 'VOICE', query: request.queryResult.queryText }] }];
  return request;
}

describe('an unlinked checkout on an Assistant-shaped request', () => {
  it.each(['en', 'de'] as const)('%s: explains the link code, keeps the conversation open and sends no linking card', async (language) => {
    const { core } = coreConversation();
    const webhook = new GoogleWebhook({ core, log: new RecordingLog(), config: {} });
    const result = await webhook.answer(Buffer.from(JSON.stringify(checkoutRequest(language)), 'utf8'));
    expect(result.statusCode).toBe(200);
    const body = JSON.parse(result.body);
    const said = String(body.fulfillmentText);
    expect(said).toMatch(language === 'en' ? /link code/i : /Verknüpfungscode|Code/);
    expect(said).not.toMatch(language === 'en' ? /card to your app|\bapp\b/i : /\bApp\b/);
    expect(body.payload.google.expectUserResponse).toBe(true);
    // Neither the generic linking card nor the Assistant's basic card that stood in for it.
    expect(body.fulfillmentMessages.filter((message: { card?: unknown }) => message.card)).toEqual([]);
    expect(JSON.stringify(body.payload.google.richResponse.items)).not.toContain('basicCard');
  });
});
