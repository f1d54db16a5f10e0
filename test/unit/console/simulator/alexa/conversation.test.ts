import type { RequestEnvelope } from 'ask-sdk-model';
import { describe, expect, it } from 'vitest';
import { AlexaConversation, RETURNING_ALEXA_USER } from '../../../../../lambda/console/simulator/alexa/conversation';
import { alexaModelFor } from '../../../../../lambda/console/simulator/alexa/model';
import type { ShopperOptions } from '../../../../../lambda/console/simulator/types';
import { understood } from '../understood';

const SKILL_ID = 'amzn1.ask.skill.unit-test';
const TOKEN = 'demo-access-token';

/** A skill that records what Alexa sent and answers with the next canned response. */
function recordingSkill(responses: Array<Record<string, unknown>> = []) {
  const sent: RequestEnvelope[] = [];
  return {
    sent,
    skill: {
      invoke: async (envelope: RequestEnvelope) => {
        sent.push(envelope);
        return { version: '1.0', sessionAttributes: { turn: sent.length }, response: { shouldEndSession: false }, ...(responses.shift() ?? {}) } as never;
      },
    },
  };
}

function conversation(options: Partial<ShopperOptions> = {}, responses?: Array<Record<string, unknown>>) {
  const recorder = recordingSkill(responses);
  const shopper: ShopperOptions = { platform: 'alexa', locale: 'en-US', screen: false, linked: false, returning: false, ...options };
  return { ...recorder, alexa: new AlexaConversation({ skill: recorder.skill, model: alexaModelFor(shopper.locale, SKILL_ID), options: shopper, accessToken: TOKEN }) };
}

describe('the Alexa requests a console conversation sends', () => {
  it('opens with a LaunchRequest on a new session and carries the session and its attributes to the next request', async () => {
    const { alexa, sent } = conversation();
    await alexa.launch();
    await alexa.say(understood('ReadCartIntent'));
    const [launch, read] = sent;
    expect(launch!.request.type).toBe('LaunchRequest');
    expect(launch!.session).toMatchObject({ new: true, attributes: {} });
    expect(read!.session).toMatchObject({ new: false, sessionId: launch!.session!.sessionId, attributes: { turn: 1 } });
    expect(read!.request).toMatchObject({ type: 'IntentRequest', locale: 'en-US', intent: { name: 'ReadCartIntent', confirmationStatus: 'NONE', slots: {} } });
    // Alexa sends dialogState only for intents of the dialog model; ReadCartIntent is not one.
    expect(read!.request).not.toHaveProperty('dialogState');
    expect(read!.context.System).toMatchObject({ application: { applicationId: SKILL_ID }, apiEndpoint: 'https://api.amazonalexa.com' });
    expect(typeof read!.context.System.apiAccessToken).toBe('string');
  });

  it('lists every slot of the intent, with entity resolution against the model, and dialogState for dialog-model intents', async () => {
    const { alexa, sent } = conversation();
    await alexa.say(understood('AddToCartIntent', { product: 'ground coffee', quantity: '2' }));
    await alexa.say(understood('SearchProductIntent', { product: 'unobtainium' }));
    const add = sent[0]!.request as any;
    expect(add.dialogState).toBe('STARTED');
    expect(Object.keys(add.intent.slots).sort()).toEqual(['measure', 'product', 'quantity']);
    expect(add.intent.slots.measure).toEqual({ name: 'measure', confirmationStatus: 'NONE' });
    expect(add.intent.slots.quantity).toMatchObject({ value: '2', source: 'USER' });
    expect(add.intent.slots.quantity.resolutions).toBeUndefined();
    const authority = add.intent.slots.product.resolutions.resolutionsPerAuthority[0];
    expect(authority).toMatchObject({ authority: `amzn1.er-authority.echo-sdk.${SKILL_ID}.ProductName`, status: { code: 'ER_SUCCESS_MATCH' } });
    // "ground coffee" is a synonym of two products: Alexa lists every value it names.
    expect(authority.values.map((value: any) => value.value.id)).toEqual(['p001', 'p002']);
    const search = sent[1]!.request as any;
    expect(search.intent.slots.product.resolutions.resolutionsPerAuthority[0].status.code).toBe('ER_SUCCESS_NO_MATCH');
  });

  it('sends the account-linking token only when linked, and announces APL only on a screen', async () => {
    const linked = conversation({ linked: true, screen: true });
    await linked.alexa.launch();
    expect(linked.sent[0]!.context.System.user.accessToken).toBe(TOKEN);
    expect(linked.sent[0]!.session!.user.accessToken).toBe(TOKEN);
    expect(linked.sent[0]!.context.System.device!.supportedInterfaces).toHaveProperty(['Alexa.Presentation.APL']);
    const plain = conversation();
    await plain.alexa.launch();
    expect(plain.sent[0]!.context.System.user.accessToken).toBeUndefined();
    expect(plain.sent[0]!.context.System.device!.supportedInterfaces).toEqual({});
  });

  it('keeps one user id for a returning shopper and a fresh one for each new shopper', () => {
    expect(conversation({ returning: true }).alexa.userId).toBe(RETURNING_ALEXA_USER);
    expect(conversation().alexa.userId).not.toBe(conversation().alexa.userId);
  });

  it('answers a Dialog.ConfirmIntent as Alexa does: yes and no become the same intent CONFIRMED or DENIED', async () => {
    const confirm = { response: { shouldEndSession: false, directives: [{ type: 'Dialog.ConfirmIntent', updatedIntent: { name: 'CheckoutIntent', confirmationStatus: 'NONE', slots: {} } }] } };
    const { alexa, sent } = conversation({}, [confirm, {}, confirm]);
    await alexa.say(understood('CheckoutIntent'));
    await alexa.say(understood('YesIntent'));
    expect(sent[1]!.request).toMatchObject({ type: 'IntentRequest', dialogState: 'IN_PROGRESS', intent: { name: 'CheckoutIntent', confirmationStatus: 'CONFIRMED' } });
    await alexa.say(understood('CheckoutIntent'));
    await alexa.say(understood('NoIntent'));
    expect(sent[3]!.request).toMatchObject({ intent: { name: 'CheckoutIntent', confirmationStatus: 'DENIED' } });
  });

  it('answers a Dialog.ElicitSlot with that intent and the slot filled, unless the shopper says stop', async () => {
    const elicit = { response: { shouldEndSession: false, directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'pin', updatedIntent: { name: 'VoicePinIntent', confirmationStatus: 'NONE', slots: { pin: { name: 'pin', confirmationStatus: 'NONE' } } } }] } };
    const { alexa, sent } = conversation({}, [elicit, {}, elicit]);
    await alexa.say(understood('CheckoutIntent'));
    await alexa.say(understood('VoicePinAnswerIntent', { pin: '1234' }, 'one two three four'));
    expect(sent[1]!.request).toMatchObject({ dialogState: 'IN_PROGRESS', intent: { name: 'VoicePinIntent', slots: { pin: { value: '1234' } } } });
    await alexa.say(understood('CheckoutIntent'));
    await alexa.say(understood('StopIntent'));
    expect(sent[3]!.request).toMatchObject({ intent: { name: 'AMAZON.StopIntent' } });
  });

  it('fills an elicited slot from words no intent claims, and switches intent when the shopper asks for something else', async () => {
    const elicit = { response: { shouldEndSession: false, directives: [{ type: 'Dialog.ElicitSlot', slotToElicit: 'product', updatedIntent: { name: 'AddToCartIntent', confirmationStatus: 'NONE', slots: { product: { name: 'product', confirmationStatus: 'NONE' } } } }] } };
    const { alexa, sent } = conversation({}, [elicit, {}, elicit]);
    await alexa.say(understood('AddToCartIntent'));
    await alexa.say(understood('FallbackIntent', {}, 'quince paste'));
    expect(sent[1]!.request).toMatchObject({ intent: { name: 'AddToCartIntent', slots: { product: { value: 'quince paste' } } } });
    await alexa.say(understood('AddToCartIntent'));
    await alexa.say(understood('ReadCartIntent', {}, "what's in my cart"));
    expect(sent[3]!.request).toMatchObject({ intent: { name: 'ReadCartIntent' } });
    expect(sent[3]!.request).not.toHaveProperty('dialogState');
  });

  it('starts a new session after a response that ends the session', async () => {
    const { alexa, sent } = conversation({}, [{ response: { shouldEndSession: true } }]);
    await alexa.say(understood('StopIntent'));
    expect(alexa.inSession).toBe(false);
    await alexa.say(understood('ReadCartIntent'));
    expect(sent[1]!.session).toMatchObject({ new: true, attributes: {} });
    expect(sent[1]!.session!.sessionId).not.toBe(sent[0]!.session!.sessionId);
  });

  it('sends AMAZON.FallbackIntent for an intent only the Dialogflow agent has, and Amazon built-ins by their names', async () => {
    const { alexa, sent } = conversation();
    await alexa.say(understood('VoicePinAnswerIntent', { pin: '1234' }));
    await alexa.say(understood('HelpIntent'));
    expect((sent[0]!.request as any).intent.name).toBe('AMAZON.FallbackIntent');
    expect((sent[1]!.request as any).intent.name).toBe('AMAZON.HelpIntent');
  });

  it('answers 400 without calling the skill when POST /alexa would refuse the envelope (session attributes past the limit)', async () => {
    const { alexa, sent } = conversation({}, [{ sessionAttributes: { big: 'x'.repeat(20_000) } }]);
    await alexa.launch();
    const exchange = await alexa.say(understood('ReadCartIntent'));
    expect(exchange.status).toBe(400);
    expect(exchange.response).toEqual({ error: { code: 'invalid_request', message: 'The session state is larger than 16 KB.' } });
    expect(sent).toHaveLength(1);
  });
});

describe('what the Alexa simulator sends for the handoff (issue 13)', () => {
  it('fills the SearchQuery slot of HandoffReplyIntent with the message, without entity resolution (a phrase type has none)', async () => {
    const { alexa, sent } = conversation();
    await alexa.say(understood('HandoffReplyIntent', { message: 'the box was wet' }, 'tell them the box was wet'));
    expect(sent[0]!.request).toMatchObject({
      type: 'IntentRequest',
      intent: { name: 'HandoffReplyIntent', slots: { message: { name: 'message', value: 'the box was wet', source: 'USER' } } },
    });
    expect((sent[0]!.request as any).intent.slots.message.resolutions).toBeUndefined();
  });

  it('resolves the problem words to the problem id, as Alexa\'s entity resolution does for a custom type', async () => {
    const { alexa, sent } = conversation({ locale: 'de-DE' });
    await alexa.say(understood('OrderProblemIntent', { problem: 'nicht angekommen' }, 'meine bestellung ist nicht angekommen'));
    const slot = (sent[0]!.request as any).intent.slots.problem;
    expect(slot.value).toBe('nicht angekommen');
    expect(slot.resolutions.resolutionsPerAuthority[0]).toMatchObject({
      authority: `amzn1.er-authority.echo-sdk.${SKILL_ID}.OrderProblem`,
      status: { code: 'ER_SUCCESS_MATCH' },
      values: [{ value: { id: 'late' } }],
    });
  });

  it('asks for a person with no slots, and sends neither a confidence nor the words (Alexa has neither)', async () => {
    const { alexa, sent } = conversation();
    await alexa.say(understood('HumanHandoffIntent', {}, 'talk to a person'));
    const request = sent[0]!.request as any;
    expect(request.intent).toEqual({ name: 'HumanHandoffIntent', confirmationStatus: 'NONE', slots: {} });
    expect(JSON.stringify(sent[0])).not.toMatch(/confidence|talk to a person/);
  });
});
