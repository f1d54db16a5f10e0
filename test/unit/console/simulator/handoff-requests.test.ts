/**
 * Typed words → offline understanding → the request each simulated platform sends, for the handoff phrasings: what
 * the console hands the skill must be what Alexa and Dialogflow would (the message in Alexa's SearchQuery slot and in
 * Dialogflow's @sys.any parameter, the problem as its id, Dialogflow's confidence from the classifier's score).
 */
import type { RequestEnvelope } from 'ask-sdk-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlexaConversation } from '../../../../lambda/console/simulator/alexa/conversation';
import { alexaModelFor } from '../../../../lambda/console/simulator/alexa/model';
import { dialogflowAgentFor } from '../../../../lambda/console/simulator/dialogflow/agent';
import { DialogflowConversation } from '../../../../lambda/console/simulator/dialogflow/conversation';
import type { ShopperOptions } from '../../../../lambda/console/simulator/types';
import { createUnderstanding, type Understanding } from '../../../../lambda/nlu/index';

let english: Understanding;
let german: Understanding;

beforeAll(async () => {
  [english, german] = await Promise.all([createUnderstanding('en-US'), createUnderstanding('de-DE')]);
});

function platforms(locale: 'en-US' | 'de-DE') {
  const alexaSent: RequestEnvelope[] = [];
  const googleSent: any[] = [];
  const options = (platform: 'alexa' | 'dialogflow'): ShopperOptions => ({ platform, locale, screen: false, linked: false, returning: false });
  const alexa = new AlexaConversation({
    skill: { invoke: async (envelope: RequestEnvelope) => (alexaSent.push(envelope), { version: '1.0', response: { shouldEndSession: false } } as never) },
    model: alexaModelFor(locale, 'amzn1.ask.skill.unit-test'),
    options: options('alexa'),
    accessToken: 'token',
  });
  const google = new DialogflowConversation({
    webhook: { answer: async (raw: Buffer) => (googleSent.push(JSON.parse(raw.toString('utf8'))), { statusCode: 200, headers: {}, body: '{"fulfillmentText":"ok"}' }) },
    agent: dialogflowAgentFor(locale === 'de-DE' ? 'de' : 'en'),
    options: options('dialogflow'),
    accessToken: 'token',
  });
  return { alexa, google, alexaSent, googleSent };
}

describe('handoff requests from typed words', () => {
  it('"tell them the box was wet": the message fills Alexa\'s SearchQuery slot and Dialogflow\'s free-text parameter', async () => {
    const { alexa, google, alexaSent, googleSent } = platforms('en-US');
    const understood = await english.understand('tell them the box was wet');
    await alexa.say(understood);
    await google.say(understood);
    expect((alexaSent[0]!.request as any).intent).toMatchObject({ name: 'HandoffReplyIntent', slots: { message: { value: 'the box was wet' } } });
    expect(googleSent[0].queryResult).toMatchObject({
      queryText: 'tell them the box was wet',
      intent: { displayName: 'HandoffReplyIntent' },
      parameters: { message: 'the box was wet' },
      intentDetectionConfidence: 1,
    });
  });

  it('a phrasing no sample holds reaches Dialogflow with the classifier\'s lower confidence', async () => {
    const { google, googleSent } = platforms('en-US');
    const understood = await english.understand('let me speak to your manager');
    expect(understood).toMatchObject({ intent: 'HumanHandoffIntent', exact: false });
    await google.say(understood);
    const confidence = googleSent[0].queryResult.intentDetectionConfidence;
    expect(confidence).toBeGreaterThan(0);
    expect(confidence).toBeLessThan(1);
    expect(confidence).toBeCloseTo(understood.score, 4);
  });

  it('"meine Lieferung ist beschädigt": the problem arrives as damaged on both platforms', async () => {
    const { alexa, google, alexaSent, googleSent } = platforms('de-DE');
    const understood = await german.understand('meine Lieferung ist beschädigt');
    await alexa.say(understood);
    await google.say(understood);
    const slot = (alexaSent[0]!.request as any).intent.slots.problem;
    expect(slot.value).toBe('beschädigt');
    expect(slot.resolutions.resolutionsPerAuthority[0].values[0].value.id).toBe('damaged');
    expect(googleSent[0].queryResult.parameters).toEqual({ problem: 'damaged' });
  });
});

describe('an unsure turn in the console\'s Dialogflow', () => {
  it('is sent as Dialogflow would: the intent the classifier leaned to, with its low confidence, where the agent\'s threshold takes it', async () => {
    const { alexa, google, alexaSent, googleSent } = platforms('en-US');
    const understood = await english.understand('show stuff');
    expect(understood.intent).toBe('FallbackIntent');
    expect(understood.guess).toMatchObject({ intent: 'ReadCartIntent' });
    await google.say(understood);
    await alexa.say(understood);
    expect(googleSent[0].queryResult).toMatchObject({ intent: { displayName: 'ReadCartIntent' }, queryText: 'show stuff' });
    expect(googleSent[0].queryResult.intentDetectionConfidence).toBeLessThan(0.7);
    expect(googleSent[0].queryResult.intentDetectionConfidence).toBeGreaterThanOrEqual(dialogflowAgentFor('en').mlMinConfidence);
    // Alexa has no such second threshold: it falls back.
    expect((alexaSent[0]!.request as any).intent.name).toBe('AMAZON.FallbackIntent');
  });

  it('never guesses a yes or a no', async () => {
    const understood = await english.understand('order thing');
    expect(understood.intent).toBe('FallbackIntent');
    expect(['YesIntent', 'NoIntent']).not.toContain(understood.guess?.intent);
  });

  it('keeps a guess below the agent\'s threshold a fallback', async () => {
    const { google, googleSent } = platforms('en-US');
    const understood = await english.understand('show stuff');
    await google.say({ ...understood, guess: { ...understood.guess!, score: 0.1 } });
    expect(googleSent[0].queryResult).toMatchObject({ intent: { displayName: 'Default Fallback Intent' }, intentDetectionConfidence: 1 });
  });
});
