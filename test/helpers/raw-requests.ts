/**
 * Raw platform requests, built the way the platforms build them, for tests that must control every field:
 * the Alexa session id and attributes, `intent.confirmationStatus` and `dialogState` (virtual-alexa sends
 * AMAZON.YesIntent where real Alexa sends the confirmed intent), and the Dialogflow session path and contexts
 * (a forged or replayed `vocart-session` context, the `vocart-pin` context of the PIN question).
 *
 * Two small conversation objects keep what the platform keeps between turns, and nothing more:
 * - Alexa: the session id, `session.new` on the first request only, and the `sessionAttributes` of the last
 *   response (any of which a test may overwrite: that is what a forged or replayed request is);
 * - Dialogflow: the session path and the output contexts, with Dialogflow's lifespan bookkeeping (every turn
 *   costs one lifespan, a response may set, refresh or clear a context, an omitted context is kept).
 * Responses come back with the speech stripped of SSML and the parts a test asserts on at hand.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../../skill/core/turn';
import { stripSsml } from './ssml-text';

export { stripSsml };

/**
 * The webhook secret the test server is configured with: Dialogflow sends it as a header, and with it the server
 * may trust `payload.user.userId` as an authenticated integration's (GOOGLE_TRUST_PAYLOAD_USER_ID).
 */
export const TEST_WEBHOOK_SECRET = 'safety-suite-webhook-secret-0123456789';

async function postJson(url: string, body: unknown): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-vocart-webhook-secret': TEST_WEBHOOK_SECRET }, body: JSON.stringify(body) });
  const text = await response.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, json };
}

// ---------------------------------------------------------------------------------------------------------------
// Alexa
// ---------------------------------------------------------------------------------------------------------------

export const ALEXA_SKILL_ID = 'amzn1.ask.skill.0b9c4d2e-1a7f-4c6b-8e53-7d1f2a9b6c30';

interface AlexaModelIntent {
  name: string;
  slots?: Array<{ name: string; type: string }>;
}
interface AlexaModelType {
  name: string;
  values: Array<{ id?: string; name: { value: string; synonyms?: string[] } }>;
}
interface AlexaModel {
  intents: Map<string, AlexaModelIntent>;
  types: Map<string, AlexaModelType>;
  dialogIntents: Set<string>;
}

const alexaModels = new Map<Locale, AlexaModel>();

/** The generated interaction model of a locale: which slots an intent has and which intents take part in the dialog model. */
function alexaModel(locale: Locale): AlexaModel {
  let model = alexaModels.get(locale);
  if (!model) {
    const path = fileURLToPath(new URL(`../../interaction-models/alexa/skill-package/interactionModels/custom/${locale}.json`, import.meta.url));
    const json = JSON.parse(readFileSync(path, 'utf8')).interactionModel;
    model = {
      intents: new Map((json.languageModel.intents as AlexaModelIntent[]).map((intent) => [intent.name, intent])),
      types: new Map(((json.languageModel.types ?? []) as AlexaModelType[]).map((type) => [type.name, type])),
      dialogIntents: new Set(((json.dialog?.intents ?? []) as Array<{ name: string }>).map((intent) => intent.name)),
    };
    alexaModels.set(locale, model);
  }
  return model;
}

/** Entity resolution as Alexa does it for a custom slot type: every value whose name or synonym was said, else NO_MATCH. */
function resolutions(type: AlexaModelType, said: string) {
  const spoken = said.trim().toLowerCase();
  const matches = type.values.filter((value) => [value.name.value, ...(value.name.synonyms ?? [])].some((name) => name.toLowerCase() === spoken));
  const authority = `amzn1.er-authority.echo-sdk.${ALEXA_SKILL_ID}.${type.name}`;
  return {
    resolutionsPerAuthority: [
      matches.length > 0
        ? { authority, status: { code: 'ER_SUCCESS_MATCH' }, values: matches.map((value) => ({ value: { name: value.name.value, id: value.id ?? value.name.value } })) }
        : { authority, status: { code: 'ER_SUCCESS_NO_MATCH' } },
    ],
  };
}

export interface AlexaIntentSpec {
  /** e.g. CheckoutIntent, AMAZON.YesIntent. */
  name: string;
  /** Filled slots, as Alexa heard them. Every other slot of the intent is listed unfilled, as Alexa does. */
  slots?: Record<string, string>;
  confirmationStatus?: 'NONE' | 'CONFIRMED' | 'DENIED';
  /**
   * The dialog state. Default: STARTED for an intent in the dialog model (Alexa sends dialogState only for
   * those), none otherwise. Pass null to leave it out.
   */
  dialogState?: 'STARTED' | 'IN_PROGRESS' | 'COMPLETED' | null;
}

export interface AlexaEnvelopeSpec {
  locale: Locale;
  userId: string;
  accessToken?: string;
  sessionId: string;
  isNew: boolean;
  attributes?: Record<string, unknown>;
  request: { type: 'LaunchRequest' } | ({ type: 'IntentRequest' } & AlexaIntentSpec);
}

/** One Alexa request envelope in the shape of test/fixtures/alexa/*.json, stamped with the current time. */
export function alexaEnvelope(spec: AlexaEnvelopeSpec): Record<string, unknown> {
  const user = { userId: spec.userId, ...(spec.accessToken ? { accessToken: spec.accessToken } : {}) };
  const application = { applicationId: ALEXA_SKILL_ID };
  const base = { requestId: `amzn1.echo-api.request.${randomUUID()}`, timestamp: new Date().toISOString(), locale: spec.locale };
  let request: Record<string, unknown>;
  if (spec.request.type === 'LaunchRequest') {
    request = { type: 'LaunchRequest', ...base, shouldLinkResultBeReturned: false };
  } else {
    const model = alexaModel(spec.locale);
    const { name, slots = {}, confirmationStatus = 'NONE' } = spec.request;
    const defined = model.intents.get(name)?.slots ?? [];
    const alexaSlots: Record<string, unknown> = {};
    for (const slot of defined) {
      const value = slots[slot.name];
      const type = model.types.get(slot.type);
      alexaSlots[slot.name] =
        value === undefined
          ? { name: slot.name, confirmationStatus: 'NONE' }
          : { name: slot.name, value, confirmationStatus: 'NONE', source: 'USER', ...(type ? { resolutions: resolutions(type, value) } : {}) };
    }
    for (const [slotName, value] of Object.entries(slots)) {
      if (!(slotName in alexaSlots)) alexaSlots[slotName] = { name: slotName, value, confirmationStatus: 'NONE', source: 'USER' };
    }
    const dialogState = spec.request.dialogState === undefined ? (model.dialogIntents.has(name) ? 'STARTED' : undefined) : (spec.request.dialogState ?? undefined);
    request = {
      type: 'IntentRequest',
      ...base,
      ...(dialogState ? { dialogState } : {}),
      intent: { name, confirmationStatus, slots: alexaSlots },
    };
  }
  return {
    version: '1.0',
    session: {
      new: spec.isNew,
      sessionId: spec.sessionId,
      application,
      ...(spec.attributes ? { attributes: spec.attributes } : {}),
      user,
    },
    context: {
      System: {
        application,
        user,
        device: { deviceId: 'amzn1.ask.device.CONVERSATIONSAFETY', supportedInterfaces: {} },
        apiEndpoint: 'https://api.amazonalexa.com',
        apiAccessToken: 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.test.signature',
      },
    },
    request,
  };
}

export interface AlexaDirective {
  type: string;
  slotToElicit?: string;
  updatedIntent?: { name: string; confirmationStatus?: string; slots?: Record<string, unknown> };
  [key: string]: unknown;
}

export interface AlexaReply {
  status: number;
  speech: string;
  reprompt: string;
  endSession: boolean;
  directives: AlexaDirective[];
  sessionAttributes: Record<string, unknown> | undefined;
  /** The request as sent and the response as received, for failure reports. */
  request: Record<string, unknown>;
  raw: any;
}

export interface AlexaConversationOptions {
  baseUrl: string;
  locale: Locale;
  userId: string;
  accessToken?: string;
  sessionId?: string;
}

/** One Alexa session: a session id, `new` on its first request, and the attributes Alexa hands back. */
export class AlexaConversation {
  readonly sessionId: string;
  /** What Alexa will send as session.attributes next; a test may overwrite it (forged or replayed state). */
  attributes: Record<string, unknown> | undefined;
  accessToken: string | undefined;
  private started = false;

  constructor(private readonly options: AlexaConversationOptions) {
    this.sessionId = options.sessionId ?? `amzn1.echo-api.session.${randomUUID()}`;
    this.accessToken = options.accessToken;
  }

  get locale(): Locale {
    return this.options.locale;
  }

  launch(): Promise<AlexaReply> {
    return this.send({ type: 'LaunchRequest' });
  }

  /** An IntentRequest; `intent.dialogState` defaults as Alexa does (STARTED for a dialog-model intent). */
  intent(name: string, slots?: Record<string, string>, extra: Omit<AlexaIntentSpec, 'name' | 'slots'> = {}): Promise<AlexaReply> {
    return this.send({ type: 'IntentRequest', name, ...(slots ? { slots } : {}), ...extra });
  }

  /** What Alexa sends after a Dialog.ConfirmIntent when the shopper says yes (CONFIRMED) or no (DENIED). */
  confirm(name: string, answer: 'CONFIRMED' | 'DENIED' = 'CONFIRMED'): Promise<AlexaReply> {
    return this.intent(name, undefined, { confirmationStatus: answer, dialogState: 'IN_PROGRESS' });
  }

  /** What Alexa sends after a Dialog.ElicitSlot for the voice PIN: VoicePinIntent with the pin slot filled. */
  pin(pin: string): Promise<AlexaReply> {
    return this.intent('VoicePinIntent', { pin }, { dialogState: 'IN_PROGRESS' });
  }

  yes(): Promise<AlexaReply> {
    return this.intent('AMAZON.YesIntent');
  }

  async send(request: AlexaEnvelopeSpec['request']): Promise<AlexaReply> {
    const envelope = alexaEnvelope({
      locale: this.options.locale,
      userId: this.options.userId,
      ...(this.accessToken ? { accessToken: this.accessToken } : {}),
      sessionId: this.sessionId,
      isNew: !this.started,
      ...(this.attributes ? { attributes: this.attributes } : {}),
      request,
    });
    this.started = true;
    const { status, json } = await postJson(`${this.options.baseUrl}/alexa`, envelope);
    const response = json?.response ?? {};
    const reply: AlexaReply = {
      status,
      speech: response.outputSpeech?.type === 'PlainText' ? String(response.outputSpeech.text ?? '') : stripSsml(response.outputSpeech?.ssml),
      reprompt: stripSsml(response.reprompt?.outputSpeech?.ssml),
      endSession: response.shouldEndSession !== false,
      directives: (response.directives ?? []) as AlexaDirective[],
      sessionAttributes: json?.sessionAttributes,
      request: envelope,
      raw: json,
    };
    // Alexa hands the attributes of the response back on the next request of the session.
    this.attributes = reply.sessionAttributes ? structuredClone(reply.sessionAttributes) : undefined;
    return reply;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dialogflow ES
// ---------------------------------------------------------------------------------------------------------------

const AGENT_DIR = fileURLToPath(new URL('../../interaction-models/google/dialogflow/', import.meta.url));
export const DIALOGFLOW_PROJECT = 'vocart-safety';

interface AgentIntent {
  id: string;
  parameters: Array<{ name: string; dataType: string }>;
}

const agentIntents = new Map<string, AgentIntent | null>();

/** The agent's intent file: its id (for the resource name) and every parameter it declares. */
function agentIntent(displayName: string): AgentIntent | undefined {
  if (!agentIntents.has(displayName)) {
    try {
      const json = JSON.parse(readFileSync(`${AGENT_DIR}intents/${displayName}.json`, 'utf8'));
      const parameters = (json.responses ?? []).flatMap((response: any) => response.parameters ?? []).map((p: any) => ({ name: String(p.name), dataType: String(p.dataType) }));
      agentIntents.set(displayName, { id: String(json.id), parameters });
    } catch {
      agentIntents.set(displayName, null);
    }
  }
  return agentIntents.get(displayName) ?? undefined;
}

export interface DialogflowContext {
  name: string;
  lifespanCount?: number;
  parameters?: Record<string, unknown>;
}

export interface DialogflowRequestSpec {
  locale: Locale;
  /** The session path: `projects/<p>/agent/sessions/<id>`. */
  session: string;
  userId?: string;
  accessToken?: string;
  displayName: string;
  parameters?: Record<string, unknown>;
  queryText?: string;
  contexts?: DialogflowContext[];
  /** queryResult.intentDetectionConfidence; 1 (sure) unless a test says otherwise. */
  confidence?: number;
}

/** A v2 WebhookRequest as Dialogflow sends it for an Assistant conversation (see test/fixtures/google/*.json). */
export function dialogflowRequest(spec: DialogflowRequestSpec): Record<string, unknown> {
  const intent = agentIntent(spec.displayName);
  const language = spec.locale.startsWith('de') ? 'de' : 'en';
  const parameters: Record<string, unknown> = {};
  for (const { name } of intent?.parameters ?? []) parameters[name] = spec.parameters?.[name] ?? '';
  for (const [name, value] of Object.entries(spec.parameters ?? {})) parameters[name] = value;
  const isLaunch = spec.displayName === 'Default Welcome Intent';
  const conversationId = spec.session.slice(spec.session.lastIndexOf('/') + 1);
  return {
    responseId: `${randomUUID()}-${Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0')}`,
    session: spec.session,
    queryResult: {
      queryText: spec.queryText ?? (isLaunch ? 'GOOGLE_ASSISTANT_WELCOME' : spec.displayName),
      parameters,
      allRequiredParamsPresent: true,
      fulfillmentMessages: [{ text: { text: [''] } }],
      outputContexts: spec.contexts ?? [],
      intent: { name: `projects/${DIALOGFLOW_PROJECT}/agent/intents/${intent?.id ?? randomUUID()}`, displayName: spec.displayName },
      intentDetectionConfidence: spec.confidence ?? 1,
      languageCode: language,
    },
    originalDetectIntentRequest: {
      source: 'google',
      version: '2',
      payload: {
        isInSandbox: true,
        surface: { capabilities: [{ name: 'actions.capability.AUDIO_OUTPUT' }, { name: 'actions.capability.ACCOUNT_LINKING' }] },
        inputs: [{ intent: isLaunch ? 'actions.intent.MAIN' : 'actions.intent.TEXT', rawInputs: [{ inputType: 'VOICE', query: spec.queryText ?? '' }] }],
        user: {
          locale: spec.locale,
          ...(spec.userId ? { userId: spec.userId } : {}),
          ...(spec.accessToken ? { accessToken: spec.accessToken } : {}),
        },
        conversation: { conversationId, type: isLaunch ? 'NEW' : 'ACTIVE' },
      },
    },
  };
}

export interface DialogflowReply {
  status: number;
  speech: string;
  endSession: boolean;
  outputContexts: DialogflowContext[];
  request: Record<string, unknown>;
  raw: any;
}

export interface DialogflowConversationOptions {
  baseUrl: string;
  locale: Locale;
  userId?: string;
  accessToken?: string;
  /** The conversation id in the session path; random by default. */
  conversationId?: string;
}

/** One Dialogflow session: its path and the contexts Dialogflow keeps between turns. */
export class DialogflowConversation {
  readonly session: string;
  accessToken: string | undefined;
  /** The contexts Dialogflow will send next (id → context); a test may overwrite them (forged or replayed state). */
  contexts = new Map<string, DialogflowContext>();

  constructor(private readonly options: DialogflowConversationOptions) {
    this.session = `projects/${DIALOGFLOW_PROJECT}/agent/sessions/${options.conversationId ?? randomUUID()}`;
    this.accessToken = options.accessToken;
  }

  get locale(): Locale {
    return this.options.locale;
  }

  contextName(id: string): string {
    return `${this.session}/contexts/${id}`;
  }

  /** Replaces the contexts Dialogflow will send with exactly these (a forged or replayed request). */
  setContexts(contexts: DialogflowContext[]): void {
    this.contexts = new Map(contexts.map((context) => [context.name.slice(context.name.lastIndexOf('/') + 1), structuredClone(context)]));
  }

  intent(displayName: string, parameters?: Record<string, unknown>, queryText?: string): Promise<DialogflowReply> {
    return this.send(displayName, parameters, queryText);
  }

  /** A yes; with `confidence` below 1, one the agent was unsure it heard. */
  yes(confidence?: number): Promise<DialogflowReply> {
    return this.send('YesIntent', undefined, this.options.locale === 'de-DE' ? 'ja' : 'yes', confidence);
  }

  async send(displayName: string, parameters?: Record<string, unknown>, queryText?: string, confidence?: number): Promise<DialogflowReply> {
    const request = dialogflowRequest({
      locale: this.options.locale,
      session: this.session,
      ...(this.options.userId ? { userId: this.options.userId } : {}),
      ...(this.accessToken ? { accessToken: this.accessToken } : {}),
      displayName,
      ...(parameters ? { parameters } : {}),
      ...(queryText ? { queryText } : {}),
      contexts: [...this.contexts.values()],
      ...(confidence === undefined ? {} : { confidence }),
    });
    const { status, json } = await postJson(`${this.options.baseUrl}/google`, request);
    const google = json?.payload?.google;
    const simple = google?.richResponse?.items?.find((item: any) => item.simpleResponse)?.simpleResponse;
    const reply: DialogflowReply = {
      status,
      speech: simple ? stripSsml(simple.textToSpeech) : String(json?.fulfillmentText ?? ''),
      endSession: google ? google.expectUserResponse === false : false,
      outputContexts: (json?.outputContexts ?? []) as DialogflowContext[],
      request,
      raw: json,
    };
    this.keepContexts(reply.outputContexts);
    return reply;
  }

  /** Dialogflow's bookkeeping: every turn costs one lifespan; the response sets, refreshes or clears contexts. */
  private keepContexts(outputContexts: DialogflowContext[]): void {
    const next = new Map<string, DialogflowContext>();
    for (const [id, context] of this.contexts) {
      const lifespan = context.lifespanCount ?? 5;
      if (lifespan > 1) next.set(id, { ...context, lifespanCount: lifespan - 1 });
    }
    for (const context of outputContexts) {
      const id = context.name.slice(context.name.lastIndexOf('/') + 1);
      if (!context.lifespanCount) next.delete(id);
      else next.set(id, structuredClone(context));
    }
    this.contexts = next;
  }
}
