/**
 * Drives the running server's POST /google with virtual-google-assistant and the generated Dialogflow ES
 * agent (interaction-models/google/dialogflow/), the way Dialogflow calls a fulfillment webhook.
 *
 * virtual-google-assistant 0.3.8 matches utterances against the agent's training phrases and entities,
 * but what it sends is only roughly a v2 WebhookRequest, so this driver corrects it before it leaves:
 * - it reads the user-says and entity files of every language at once: the driver hands it a copy of the
 *   agent that holds only the requested language (one shared copy per agent version);
 * - languageCode is the builder's locale verbatim (default "en-us"): the driver passes the agent's
 *   language codes, "en" and "de", as Dialogflow sends them for this agent;
 * - its matcher is unanchored and drops the spaces around slots, so "add two bananas to my cart" matches
 *   ReadCartIntent's "my cart" (adjacent slots like "add {quantity} {product}" never match), and an
 *   utterance that matches nothing is silently replaced by the first training phrase of the first intent:
 *   the driver matches utterances itself (whole utterance, every training phrase of the language,
 *   entity synonyms resolved to their reference value, numbers and ordinals parsed, automated expansion
 *   for @product like the agent's setting) and asks virtual-google-assistant for that intent, or for
 *   "Default Fallback Intent" when nothing matches, as Dialogflow would;
 * - the session is the constant "1518537462114" and intent.name is the display name: the driver sends
 *   full resource names (`projects/…/agent/sessions/<uuid>`, `projects/…/agent/intents/<id from the agent>`);
 * - queryText is always "GOOGLE_ASSISTANT_WELCOME", `allRequiredParamsCollected` and `matchedParameters`
 *   are not v2 fields, `webhookState` is "true": replaced by the utterance, `allRequiredParamsPresent`
 *   and WEBHOOK_STATE_ENABLED;
 * - parameters hold only the matched slots, as text: the driver sends every parameter of the intent
 *   ("" when unfilled) and numbers for sys.number parameters, as Dialogflow does;
 * - contexts: it echoes the last response's outputContexts unchanged; the driver keeps them like
 *   Dialogflow does (lifespan counted down per turn, dropped at 0, kept when a response omits them);
 * - originalDetectIntentRequest.payload is `{ user: {} }`: the driver sends an Assistant payload (user id,
 *   locale, conversation, surface capabilities) or, for source DIALOGFLOW_MESSENGER, an empty one;
 * - it posts with only Content-Type and Content-Length and rejects every non-200 with a string: the
 *   driver posts itself (through the interactor's `invoke`), so it can add the shared-secret header and
 *   report 4xx answers with their JSON body.
 */
import { createHash, randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VirtualGoogleAssistant } from 'virtual-google-assistant';
import type { Locale } from '../../skill/core/turn';
import { SECRET_HEADER } from '../../skill/platforms/google/webhook';
import { stripSsml } from './ssml-text';

export interface DriverReply {
  /** What the Assistant would say, SSML tags removed and entities decoded. */
  speech: string;
  reprompt?: string;
  endSession: boolean;
  /** The WebhookResponse as the server sent it. */
  raw: any;
}

export interface GoogleDriverOptions {
  /** The server's base URL, e.g. http://127.0.0.1:PORT (the driver posts to `${baseUrl}/google`). */
  baseUrl: string;
  locale: Locale;
  /** A stable Assistant user id keeps the same customer (and cart) across sessions; without it, each session is a new shopper. */
  userId?: string;
  /** Announce a screen (actions.capability.SCREEN_OUTPUT). Default true. */
  hasScreen?: boolean;
  /** Account-linking token sent with every request (Assistant payload only). */
  accessToken?: string;
  /** Shared secret sent in the x-vocart-webhook-secret header. */
  secret?: string;
  /** Which Dialogflow integration to pretend to be. Default 'google' (the Assistant). */
  source?: 'google' | 'DIALOGFLOW_MESSENGER';
}

export interface GoogleDriver {
  launch(): Promise<DriverReply>;
  say(utterance: string): Promise<DriverReply>;
  intend(name: string, slots?: Record<string, string>): Promise<DriverReply>;
  /** The last WebhookRequest sent, after the fix-ups. */
  readonly lastRequest: any;
  readonly assistant: VirtualGoogleAssistant;
}

/** A refusal from the webhook (any non-200), with its JSON body. */
export class WebhookCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`The webhook answered ${status}: ${JSON.stringify(body)}`);
    this.name = 'WebhookCallError';
  }
}

const AGENT_DIR = fileURLToPath(new URL('../../interaction-models/google/dialogflow/', import.meta.url));
const PROJECT = 'vocart-e2e';

export function dialogflowLanguage(locale: Locale): 'en' | 'de' {
  return locale === 'de-DE' ? 'de' : 'en';
}

const agentCopies = new Map<string, string>();

function agentFiles(source: string): string[] {
  return ['intents', 'entities'].flatMap((folder) =>
    existsSync(join(source, folder)) ? readdirSync(join(source, folder)).map((file) => join(folder, file)) : [],
  );
}

/**
 * A copy of the agent with one language's training phrases and entity entries. Its folder is named after
 * the agent's content, so test processes share one copy per language and version instead of piling up.
 */
export function agentForLanguage(language: 'en' | 'de', source = AGENT_DIR): string {
  const cached = agentCopies.get(`${source}:${language}`);
  if (cached) return cached;
  if (!existsSync(join(source, 'agent.json'))) throw new Error(`No Dialogflow agent at ${source}; run npm run models:build`);
  const selected = ['agent.json', ...agentFiles(source)].filter((file) => {
    const perLanguage = /_(usersays|entries)_([a-z-]+)\.json$/i.exec(file);
    return !perLanguage || perLanguage[2]!.toLowerCase() === language;
  });
  const fingerprint = createHash('sha256');
  for (const file of selected) fingerprint.update(`${file}\0`).update(readFileSync(join(source, file)));
  const target = join(tmpdir(), `vocart-agent-${language}-${fingerprint.digest('hex').slice(0, 16)}`);
  if (!existsSync(join(target, 'agent.json'))) {
    // Built aside and renamed into place, so a parallel test process never sees half a copy.
    const building = mkdtempSync(`${target}-building-`);
    mkdirSync(join(building, 'intents'));
    mkdirSync(join(building, 'entities'));
    for (const file of selected) cpSync(join(source, file), join(building, file));
    try {
      renameSync(building, target);
    } catch {
      rmSync(building, { recursive: true, force: true }); // another process won the race
    }
  }
  agentCopies.set(`${source}:${language}`, target);
  return target;
}

interface AgentIntent {
  id: string;
  parameters: Array<{ name: string; dataType: string }>;
}

function readAgentIntents(directory: string): Map<string, AgentIntent> {
  const intents = new Map<string, AgentIntent>();
  for (const file of readdirSync(join(directory, 'intents'))) {
    if (!file.endsWith('.json') || file.includes('_usersays_')) continue;
    const json = JSON.parse(readFileSync(join(directory, 'intents', file), 'utf8'));
    intents.set(json.name ?? file.replace(/\.json$/, ''), {
      id: json.id ?? randomUUID(),
      parameters: (json.responses?.[0]?.parameters ?? []).map((parameter: any) => ({ name: parameter.name, dataType: parameter.dataType ?? '' })),
    });
  }
  return intents;
}

const NUMBER_WORDS: Record<'en' | 'de', string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'],
  de: ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf'],
};
const ARTICLES: Record<'en' | 'de', string[]> = { en: ['a', 'an'], de: ['ein', 'eine', 'einen'] };
const ORDINAL_WORDS: Record<'en' | 'de', string[]> = {
  en: ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'],
  de: ['nullte', 'erste', 'zweite', 'dritte', 'vierte', 'fünfte', 'sechste', 'siebte', 'achte', 'neunte', 'zehnte'],
};

/** Dialogflow's sys.number parsing, for the small numbers a test says: a number, or undefined. */
function dialogflowNumber(text: string, language: 'en' | 'de'): number | undefined {
  const word = text.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(word)) return Number(word);
  if (ARTICLES[language].includes(word)) return 1;
  const index = NUMBER_WORDS[language].indexOf(word);
  return index >= 0 ? index : undefined;
}

/** sys.ordinal: "second", "2nd", "zweiten" → 2. */
function dialogflowOrdinal(text: string, language: 'en' | 'de'): number | undefined {
  for (const word of text.toLowerCase().split(/\s+/)) {
    const digits = /^(\d+)(st|nd|rd|th|\.)?$/.exec(word);
    if (digits) return Number(digits[1]);
    const stem = language === 'de' ? word.replace(/(en|es|er|em)$/, 'e') : word;
    const index = ORDINAL_WORDS[language].indexOf(stem);
    if (index > 0) return index;
  }
  return undefined;
}

/** sys.number-sequence: "1 2 3 4" or "one two three four" → "1234". */
function dialogflowDigits(text: string, language: 'en' | 'de'): string | undefined {
  const digits = text
    .toLowerCase()
    .split(/\s+/)
    .map((word) => (/^\d+$/.test(word) ? word : String(NUMBER_WORDS[language].indexOf(word))));
  return digits.every((digit) => /^\d+$/.test(digit)) ? digits.join('') : undefined;
}

/** A parameter value the way Dialogflow resolves its system entity, or undefined when the words are not one. */
function systemValue(dataType: string, text: string, language: 'en' | 'de'): unknown {
  if (dataType === '@sys.number-sequence') return dialogflowDigits(text, language);
  if (dataType === '@sys.ordinal') return dialogflowOrdinal(text, language);
  if (dataType.startsWith('@sys.number')) return dialogflowNumber(text, language);
  return text;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}'\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

interface TrainingPhrase {
  intent: string;
  regex: RegExp;
  slots: Array<{ name: string; dataType: string }>;
  /** Characters of literal text: the more, the more specific the phrase. */
  literal: number;
}

interface Match {
  intent: string;
  parameters: Record<string, unknown>;
}

/** Matches whole utterances against one language's training phrases and entities, roughly as Dialogflow's rule matcher does. */
class TrainingPhraseMatcher {
  private readonly phrases: TrainingPhrase[] = [];
  /** Entity name → normalised synonym → reference value. */
  private readonly entities = new Map<string, Map<string, string>>();

  constructor(
    directory: string,
    private readonly language: 'en' | 'de',
  ) {
    for (const file of readdirSync(join(directory, 'entities'))) {
      const entries = /^(.+)_entries_[a-z-]+\.json$/i.exec(file);
      if (!entries) continue;
      const synonyms = new Map<string, string>();
      for (const entry of JSON.parse(readFileSync(join(directory, 'entities', file), 'utf8'))) {
        for (const synonym of [entry.value, ...(entry.synonyms ?? [])]) synonyms.set(normalise(String(synonym)), String(entry.value));
      }
      this.entities.set(entries[1]!, synonyms);
    }
    for (const file of readdirSync(join(directory, 'intents'))) {
      const usersays = /^(.+)_usersays_[a-z-]+\.json$/i.exec(file);
      if (!usersays) continue;
      for (const sample of JSON.parse(readFileSync(join(directory, 'intents', file), 'utf8'))) this.phrases.push(this.compile(usersays[1]!, sample.data ?? []));
    }
  }

  private compile(intent: string, parts: Array<{ text: string; alias?: string; meta?: string }>): TrainingPhrase {
    let source = '';
    let literal = 0;
    const slots: TrainingPhrase['slots'] = [];
    for (const part of parts) {
      if (part.alias && part.meta) {
        slots.push({ name: part.alias, dataType: part.meta });
        source += ' (.+?) ';
        continue;
      }
      const text = normalise(part.text);
      literal += text.length;
      source += ` ${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `;
    }
    const pattern = source.trim().replace(/\s+/g, '\\s+');
    return { intent, regex: new RegExp(`^${pattern}$`, 'u'), slots, literal };
  }

  match(utterance: string): Match | undefined {
    const text = normalise(utterance);
    let best: { match: Match; score: number } | undefined;
    for (const phrase of this.phrases) {
      const found = phrase.regex.exec(text);
      if (!found) continue;
      const parameters: Record<string, unknown> = {};
      let known = 0;
      let valid = true;
      phrase.slots.forEach((slot, index) => {
        const said = found[index + 1]!;
        const entity = slot.dataType.startsWith('@sys.') ? undefined : this.entities.get(slot.dataType.slice(1));
        if (entity) {
          const reference = entity.get(normalise(said));
          if (reference !== undefined) known += 1;
          // @product has automated expansion, but only inside a phrase with words of its own (a bare
          // "{product}" phrase would otherwise swallow any utterance); other entities accept only their entries.
          if (reference === undefined && (slot.dataType !== '@product' || phrase.literal === 0)) valid = false;
          parameters[slot.name] = reference ?? said;
          return;
        }
        const value = systemValue(slot.dataType, said, this.language);
        if (value === undefined) valid = false;
        parameters[slot.name] = value;
      });
      if (!valid) continue;
      const score = phrase.literal * 10 + known;
      if (!best || score > best.score) best = { match: { intent: phrase.intent, parameters }, score };
    }
    return best?.match;
  }
}

export { stripSsml };

function toReply(raw: any): DriverReply {
  const google = raw?.payload?.google;
  const simple = google?.richResponse?.items?.find((item: any) => item.simpleResponse)?.simpleResponse;
  const speech = simple ? stripSsml(simple.textToSpeech) : String(raw?.fulfillmentText ?? '');
  const reprompt = stripSsml(google?.noInputPrompts?.[0]?.textToSpeech);
  return { speech, ...(reprompt ? { reprompt } : {}), endSession: google ? google.expectUserResponse === false : false, raw };
}

interface KeptContext {
  id: string;
  lifespanCount: number;
  parameters?: Record<string, unknown>;
}

export function createGoogleDriver(options: GoogleDriverOptions): GoogleDriver {
  const language = dialogflowLanguage(options.locale);
  const directory = agentForLanguage(language);
  const intents = readAgentIntents(directory);
  const assistant = VirtualGoogleAssistant.Builder().directory(directory).locale(language).actionUrl(`${options.baseUrl}/google`).create();
  const interactor = (assistant as any).interactor;
  const matcher = new TrainingPhraseMatcher(directory, language);
  const source = options.source ?? 'google';
  const userId = options.userId;

  let sessionId = randomUUID();
  let turnInSession = 0;
  let queryText = '';
  let contexts = new Map<string, KeptContext>();
  let lastRequest: any;
  const sessionPath = () => `projects/${PROJECT}/agent/sessions/${sessionId}`;

  function payload(isLaunch: boolean): Record<string, unknown> {
    if (source !== 'google') return {};
    const capabilities = ['actions.capability.AUDIO_OUTPUT', 'actions.capability.MEDIA_RESPONSE_AUDIO', 'actions.capability.ACCOUNT_LINKING'];
    if (options.hasScreen !== false) capabilities.push('actions.capability.SCREEN_OUTPUT', 'actions.capability.WEB_BROWSER');
    return {
      isInSandbox: true,
      requestType: 'SIMULATOR',
      surface: { capabilities: capabilities.map((name) => ({ name })) },
      inputs: [{ intent: isLaunch ? 'actions.intent.MAIN' : 'actions.intent.TEXT', rawInputs: [{ inputType: 'VOICE', query: queryText }] }],
      user: {
        locale: options.locale,
        ...(userId ? { userId } : {}),
        ...(options.accessToken ? { accessToken: options.accessToken } : {}),
      },
      conversation: { conversationId: sessionId, type: isLaunch ? 'NEW' : 'ACTIVE' },
    };
  }

  /** Rewrites what virtual-google-assistant built into a v2 WebhookRequest as Dialogflow sends it. */
  function toWebhookRequest(request: any): void {
    const result = request.queryResult;
    const displayName: string = result.intent.displayName;
    const intent = intents.get(displayName);
    const isLaunch = displayName === 'Default Welcome Intent';
    const parameters: Record<string, unknown> = {};
    for (const { name, dataType } of intent?.parameters ?? []) {
      const given = result.parameters?.[name];
      if (given === undefined || given === '') parameters[name] = '';
      else if (dataType.startsWith('@sys.') && typeof given === 'string') parameters[name] = systemValue(dataType, given, language) ?? given;
      else parameters[name] = given;
    }
    request.session = sessionPath();
    request.responseId = `${randomUUID()}-${turnInSession.toString(16).padStart(8, '0')}`;
    request.queryResult = {
      queryText: queryText || (isLaunch ? 'GOOGLE_ASSISTANT_WELCOME' : displayName),
      parameters,
      allRequiredParamsPresent: true,
      fulfillmentMessages: [{ text: { text: [''] } }],
      outputContexts: [...contexts.values()].map((context) => ({
        name: `${sessionPath()}/contexts/${context.id}`,
        lifespanCount: context.lifespanCount,
        ...(context.parameters ? { parameters: context.parameters } : {}),
      })),
      intent: { name: `projects/${PROJECT}/agent/intents/${intent?.id ?? randomUUID()}`, displayName, webhookState: 'WEBHOOK_STATE_ENABLED' },
      intentDetectionConfidence: 1,
      languageCode: language,
    };
    request.originalDetectIntentRequest = { source, ...(source === 'google' ? { version: '2' } : {}), payload: payload(isLaunch) };
    lastRequest = request;
  }

  /** Dialogflow's context bookkeeping: every turn costs one lifespan; a response may set, refresh or clear contexts. */
  function keepContexts(response: any): void {
    const next = new Map<string, KeptContext>();
    for (const [id, context] of contexts) if (context.lifespanCount > 1) next.set(id, { ...context, lifespanCount: context.lifespanCount - 1 });
    for (const context of response?.outputContexts ?? []) {
      const id = String(context.name).slice(String(context.name).lastIndexOf('/') + 1);
      if (!context.lifespanCount) next.delete(id);
      else next.set(id, { id, lifespanCount: context.lifespanCount, ...(context.parameters ? { parameters: context.parameters } : {}) });
    }
    contexts = next;
  }

  interactor.invoke = async (request: unknown) => {
    const response = await fetch(`${options.baseUrl}/google`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(options.secret ? { [SECRET_HEADER]: options.secret } : {}) },
      body: JSON.stringify(request),
    });
    const text = await response.text();
    const body = text ? JSON.parse(text) : undefined;
    if (response.status !== 200) throw new WebhookCallError(response.status, body);
    return body;
  };
  assistant.addFilter(toWebhookRequest);

  async function turn(send: () => Promise<unknown>): Promise<DriverReply> {
    const response = await send();
    turnInSession += 1;
    keepContexts(response);
    const reply = toReply(response);
    if (reply.endSession) {
      // The Assistant closes the conversation; the next launch starts a new Dialogflow session.
      sessionId = randomUUID();
      contexts = new Map();
      turnInSession = 0;
    }
    return reply;
  }

  return {
    assistant,
    get lastRequest() {
      return lastRequest;
    },
    launch: () => {
      sessionId = randomUUID();
      contexts = new Map();
      turnInSession = 0;
      queryText = '';
      return turn(() => assistant.launch());
    },
    say: (utterance) => {
      queryText = utterance;
      const match = matcher.match(utterance);
      if (!match) return turn(() => assistant.intend('Default Fallback Intent'));
      // virtual-google-assistant's slots are strings; numbers are restored by toWebhookRequest.
      const slots = Object.fromEntries(Object.entries(match.parameters).map(([name, value]) => [name, String(value)]));
      return turn(() => assistant.intend(match.intent, slots));
    },
    intend: (name, slots) => {
      queryText = '';
      return turn(() => assistant.intend(name, slots));
    },
  };
}
