/**
 * Sends one utterance through virtual-alexa or virtual-google-assistant loaded with the generated models,
 * and returns the request the skill would have received. The handler only records: what is under test is
 * the model's reading of the utterance, not the skill's answer.
 */
import { fileURLToPath } from 'node:url';
import { VirtualAlexa } from 'virtual-alexa';
import { VirtualGoogleAssistant } from 'virtual-google-assistant';

const modelsDir = fileURLToPath(new URL('../../../interaction-models/', import.meta.url));
const alexaModel = (locale: string) => `${modelsDir}alexa/skill-package/interactionModels/custom/${locale}.json`;
const dialogflowDir = `${modelsDir}google/dialogflow`;

export interface AlexaSlot {
  value?: string;
  resolutions?: { resolutionsPerAuthority: { status: { code: string }; values: { value: { id: string } }[] }[] };
}
export interface AlexaRequest {
  type: string;
  intent?: { name: string; slots?: Record<string, AlexaSlot> };
}
export interface DialogflowQueryResult {
  intent: { displayName: string };
  parameters: Record<string, string>;
}

/** A fresh client per utterance: virtual-alexa carries dialog slots from one intent into the next. */
export async function alexaRequest(locale: string, utterance: string): Promise<AlexaRequest> {
  const received: { request: AlexaRequest }[] = [];
  const handler = async (event: { request: AlexaRequest }) => {
    received.push(event);
    return { version: '1.0', response: { outputSpeech: { type: 'PlainText', text: 'ok' }, shouldEndSession: false } };
  };
  const alexa = VirtualAlexa.Builder().handler(handler).interactionModelFile(alexaModel(locale)).locale(locale).create();
  await alexa.utter(utterance);
  const last = received.at(-1);
  if (!last) throw new Error(`virtual-alexa sent no request for "${utterance}"`);
  return last.request;
}

export async function dialogflowRequest(locale: string, utterance: string): Promise<DialogflowQueryResult> {
  const received: { queryResult: DialogflowQueryResult }[] = [];
  const handler = (request: { body: { queryResult: DialogflowQueryResult } }, response: { send: (body: unknown) => void }) => {
    received.push(request.body);
    response.send({ fulfillmentText: 'ok' });
  };
  const google = VirtualGoogleAssistant.Builder().handler(handler).directory(dialogflowDir).locale(locale).create();
  await google.utter(utterance);
  const last = received.at(-1);
  if (!last) throw new Error(`virtual-google-assistant sent no request for "${utterance}"`);
  return last.queryResult;
}

/** The ids Alexa's entity resolution matched for a slot; none when it matched nothing. */
export function resolvedIds(slot: AlexaSlot | undefined): string[] {
  const authority = slot?.resolutions?.resolutionsPerAuthority[0];
  if (!authority || authority.status.code !== 'ER_SUCCESS_MATCH') return [];
  return authority.values.map((entry) => entry.value.id);
}
