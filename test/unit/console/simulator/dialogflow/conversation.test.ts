import { describe, expect, it } from 'vitest';
import { dialogflowAgentFor } from '../../../../../lambda/console/simulator/dialogflow/agent';
import { DialogflowConversation, RETURNING_GOOGLE_USER } from '../../../../../lambda/console/simulator/dialogflow/conversation';
import type { ShopperOptions } from '../../../../../lambda/console/simulator/types';
import { understood } from '../understood';

const TOKEN = 'demo-access-token';

/** A webhook that records each WebhookRequest and answers with the next canned WebhookResponse. */
function recordingWebhook(responses: Array<Record<string, unknown>> = []) {
  const sent: any[] = [];
  return {
    sent,
    webhook: {
      answer: async (raw: Buffer) => {
        sent.push(JSON.parse(raw.toString('utf8')));
        const body = { fulfillmentText: 'ok', fulfillmentMessages: [], outputContexts: [], ...(responses.shift() ?? {}) };
        return { statusCode: 200, headers: {}, body: JSON.stringify(body) };
      },
    },
  };
}

function conversation(options: Partial<ShopperOptions> = {}, responses?: Array<Record<string, unknown>>) {
  const recorder = recordingWebhook(responses);
  const shopper: ShopperOptions = { platform: 'dialogflow', locale: 'en-US', screen: false, linked: false, returning: false, ...options };
  const agent = dialogflowAgentFor(shopper.locale === 'de-DE' ? 'de' : 'en');
  return { ...recorder, dialogflow: new DialogflowConversation({ webhook: recorder.webhook, agent, options: shopper, accessToken: TOKEN }) };
}

const context = (session: string, id: string, lifespanCount: number, parameters: Record<string, unknown> = {}) => ({ name: `${session}/contexts/${id}`, lifespanCount, parameters });

describe('the Dialogflow WebhookRequests a console conversation sends', () => {
  it('opens with the Default Welcome Intent on a new session, as the Assistant starts a conversation', async () => {
    const { dialogflow, sent } = conversation({ linked: true, screen: true });
    await dialogflow.launch();
    const [welcome] = sent;
    expect(welcome.session).toMatch(/^projects\/vocart-console\/agent\/sessions\/[0-9a-f-]{36}$/);
    expect(welcome.queryResult).toMatchObject({ queryText: 'GOOGLE_ASSISTANT_WELCOME', intent: { displayName: 'Default Welcome Intent' }, languageCode: 'en' });
    expect(welcome.queryResult.intent.name).toMatch(/^projects\/vocart-console\/agent\/intents\/[0-9a-f-]{36}$/);
    expect(welcome.originalDetectIntentRequest).toMatchObject({ source: 'google', version: '2', payload: { user: { accessToken: TOKEN, locale: 'en-US' }, conversation: { type: 'NEW' } } });
    const capabilities = welcome.originalDetectIntentRequest.payload.surface.capabilities.map((capability: { name: string }) => capability.name);
    expect(capabilities).toContain('actions.capability.SCREEN_OUTPUT');
  });

  it('sends every parameter of the intent: numbers for sys.number, the entity value, and what was said as .original', async () => {
    const { dialogflow, sent } = conversation({ locale: 'de-DE' });
    await dialogflow.say(understood('AddToCartIntent', { product: 'bananen', quantity: '2' }, 'leg zwei bananen in den warenkorb'));
    const { queryResult, originalDetectIntentRequest } = sent[0];
    expect(queryResult).toMatchObject({ queryText: 'leg zwei bananen in den warenkorb', languageCode: 'de', intent: { displayName: 'AddToCartIntent' } });
    expect(queryResult.parameters).toEqual({ product: 'Bananen', quantity: 2, measure: '' });
    const counters = queryResult.outputContexts.find((c: { name: string }) => c.name.endsWith('/__system_counters__'));
    expect(counters.parameters).toMatchObject({ 'product.original': 'bananen', 'quantity.original': '2' });
    expect(originalDetectIntentRequest.payload.user.accessToken).toBeUndefined();
  });

  it('keeps the output contexts as Dialogflow does: one lifespan per turn, refreshed or cleared by the response', async () => {
    const session = 'projects/vocart-console/agent/sessions/any';
    const { dialogflow, sent } = conversation({}, [
      { outputContexts: [context(session, 'vocart-session', 2, { state: 's1' }), context(session, 'vocart-pin', 1)] },
      { outputContexts: [context(session, 'vocart-pin', 0)] },
    ]);
    await dialogflow.say(understood('CheckoutIntent'));
    await dialogflow.say(understood('YesIntent'));
    await dialogflow.say(understood('ReadCartIntent'));
    const ids = (request: any) => request.queryResult.outputContexts.map((c: any) => `${c.name.slice(c.name.lastIndexOf('/') + 1)}:${c.lifespanCount}`);
    expect(ids(sent[1])).toEqual(['vocart-session:2', 'vocart-pin:1', '__system_counters__:1']);
    expect(ids(sent[2])).toEqual(['vocart-session:1', '__system_counters__:1']);
    expect(sent[1].originalDetectIntentRequest.payload.conversation.type).toBe('ACTIVE');
  });

  it('matches the bare PIN answer only while the PIN context is open, else the fallback', async () => {
    const { dialogflow, sent } = conversation({}, [{}]);
    await dialogflow.say(understood('VoicePinAnswerIntent', { pin: '1234' }, '1234'));
    expect(sent[0].queryResult.intent.displayName).toBe('Default Fallback Intent');
    const session = sent[0].session;
    const open = conversation({}, [{ outputContexts: [context(session, 'vocart-pin', 2)] }]);
    await open.dialogflow.say(understood('CheckoutIntent'));
    await open.dialogflow.say(understood('VoicePinAnswerIntent', { pin: '1 2 3 4' }, 'one two three four'));
    expect(open.sent[1].queryResult).toMatchObject({ intent: { displayName: 'VoicePinAnswerIntent' }, parameters: { pin: '1234' } });
  });

  it('starts a new Dialogflow session after the Assistant closes the conversation', async () => {
    const { dialogflow, sent } = conversation({}, [{ payload: { google: { expectUserResponse: false } } }]);
    await dialogflow.say(understood('StopIntent'));
    expect(dialogflow.inSession).toBe(false);
    await dialogflow.say(understood('ReadCartIntent'));
    expect(sent[1].session).not.toBe(sent[0].session);
    expect(sent[1].originalDetectIntentRequest.payload.conversation.type).toBe('NEW');
  });

  it('keeps one user id for a returning shopper and maps Alexa-only built-ins onto the agent', async () => {
    const { dialogflow, sent } = conversation({ returning: true });
    expect(dialogflow.userId).toBe(RETURNING_GOOGLE_USER);
    await dialogflow.say(understood('NextIntent'));
    await dialogflow.say(understood('FallbackIntent'));
    expect(sent.map((request) => request.queryResult.intent.displayName)).toEqual(['MoreIntent', 'Default Fallback Intent']);
    expect(sent[0].originalDetectIntentRequest.payload.user.userId).toBe(RETURNING_GOOGLE_USER);
  });
});

describe('what the Dialogflow simulator sends for the handoff (issue 13)', () => {
  it('puts offline understanding\'s score into intentDetectionConfidence, the words into queryText, and 1 for an event or the fallback', async () => {
    const { dialogflow, sent } = conversation();
    await dialogflow.launch();
    await dialogflow.say({ ...understood('HumanHandoffIntent', {}, 'can i get a real person on the line'), score: 0.7312, exact: false });
    await dialogflow.say({ ...understood('FallbackIntent', {}, 'blorf zek'), score: 0.2, exact: false });
    const [welcome, handoff, fallback] = sent;
    expect(welcome.queryResult.intentDetectionConfidence).toBe(1);
    expect(handoff.queryResult).toMatchObject({ queryText: 'can i get a real person on the line', intent: { displayName: 'HumanHandoffIntent' }, intentDetectionConfidence: 0.7312 });
    // Dialogflow is sure it matched nothing: a miss reaches the core as a miss, not as an unsure match.
    expect(fallback.queryResult).toMatchObject({ queryText: 'blorf zek', intent: { displayName: 'Default Fallback Intent' }, intentDetectionConfidence: 1 });
  });

  it('sends the free-text message as said (@sys.any) and the problem as the entity\'s id with the words as .original', async () => {
    const { dialogflow, sent } = conversation({ locale: 'de-DE' });
    await dialogflow.say(understood('HandoffReplyIntent', { message: 'die kiste war nass' }, 'sag ihnen die kiste war nass'));
    await dialogflow.say(understood('OrderProblemIntent', { problem: 'beschädigt' }, 'meine lieferung ist beschädigt'));
    const [reply, problem] = sent;
    expect(reply.queryResult.parameters).toEqual({ message: 'die kiste war nass' });
    expect(problem.queryResult.parameters).toEqual({ problem: 'damaged' });
    const counters = problem.queryResult.outputContexts.find((c: { name: string }) => c.name.endsWith('/__system_counters__'));
    expect(counters.parameters).toMatchObject({ 'problem.original': 'beschädigt' });
  });

  it('keeps the confidence within Dialogflow\'s range whatever score it is handed', async () => {
    const { detectionConfidence } = await import('../../../../../lambda/console/simulator/dialogflow/conversation');
    expect(detectionConfidence(1.2)).toBe(1);
    expect(detectionConfidence(-1)).toBe(0);
    expect(detectionConfidence(Number.NaN)).toBe(0);
    expect(detectionConfidence(0.123456)).toBe(0.1235);
  });
});
