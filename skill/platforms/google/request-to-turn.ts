/**
 * Dialogflow ES WebhookRequest → Turn. Translation only: which words mean what is the core's business.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type CoreIntent, type CustomerRef, type Locale, type SlotValue, type Slots, type Turn } from '../../core/turn';
import { contextId, findSessionContext, readSessionState } from './session';
import { coreIntentOf } from '../intent-names';
import { MAX_SHOPPER_TEXT_CHARS } from '../request-limits';
import { shopperText } from '../speech-text';
import type { DialogflowContext, GooglePayload, WebhookRequest } from './webhook-request';

/** A Dialogflow display name as the core's intent; the names live in the table both adapters share. */
export function mapIntent(displayName: string | undefined): CoreIntent {
  return coreIntentOf('dialogflow', displayName);
}

/** Dialogflow sends "en", "en-US", "en-us", "de", "de-DE", "de-AT"…; anything that is not German is served in English. */
export function mapLocale(languageCode: string | undefined): Locale {
  return languageCode?.trim().toLowerCase().startsWith('de') ? 'de-DE' : 'en-US';
}

/**
 * Slots whose value is what the shopper said (an entity, or @sys.any's free text for `message`); the others are
 * numbers Dialogflow already parsed.
 */
const TEXT_SLOTS = ['product', 'choice', 'measure', 'problem', 'message'] as const;
/** Entities whose reference values are the model's ids, not words (the choice type's "cheaper", the problem's "damaged"). */
const ID_KEYED_SLOTS: ReadonlySet<string> = new Set(['choice', 'problem']);
const NUMBER_SLOTS = ['quantity', 'ordinal', 'pin', 'code'] as const;

/**
 * One parameter value as text. Dialogflow sends strings, numbers (sys.number), "" for an unfilled
 * optional parameter, lists for list parameters and objects for composite entities (sys.unit-*, with
 * `amount`). Anything else is treated as absent.
 */
export function parameterText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const text = parameterText(item);
      if (text) return text;
    }
    return undefined;
  }
  if (typeof value === 'object' && value !== null && 'amount' in value) return parameterText(value.amount);
  return undefined;
}

/** What the shopper actually said for a parameter: Dialogflow puts it in the contexts as `<name>.original`. */
function originalText(name: string, contexts: DialogflowContext[]): string | undefined {
  for (const context of contexts) {
    const text = parameterText(context.parameters?.[`${name}.original`]);
    if (text) return text;
  }
  return undefined;
}

export function toSlots(parameters: Record<string, unknown> | undefined, contexts: DialogflowContext[]): Slots {
  const slots: Slots = {};
  if (!parameters) return slots;
  for (const name of TEXT_SLOTS) {
    const value = parameterText(parameters[name]);
    // The shopper's words may be kept on a case and read back: bounded and XML-safe, as on Alexa.
    const resolved = value === undefined ? undefined : shopperText(value, MAX_SHOPPER_TEXT_CHARS);
    if (!resolved) continue;
    const original = originalText(name, contexts);
    const said = original === undefined ? undefined : shopperText(original, MAX_SHOPPER_TEXT_CHARS);
    // When the entity mapped the words onto a different reference value, that value is the entity's key:
    // the product id when the agent's entity is keyed by id. The core checks ids against the catalog. The choice
    // entity is always keyed by the model's id ("bigger"), which is no German word: it travels as an id even when
    // the words said did not come along.
    const keyed = ID_KEYED_SLOTS.has(name) || (said !== undefined && said.toLowerCase() !== resolved.toLowerCase());
    const slot: SlotValue = keyed ? { raw: said ?? resolved, ids: [resolved] } : { raw: resolved };
    slots[name] = slot;
  }
  for (const name of NUMBER_SLOTS) {
    const value = parameterText(parameters[name]);
    if (value) slots[name] = { raw: value };
  }
  return slots;
}

/**
 * Dialogflow's certainty of the intent, 0..1. Anything else (a string, a number out of range) is no confidence: a
 * caller that sends nonsense there is not believed about how sure it was.
 */
export function confidenceOf(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 1 ? value : undefined;
}

/**
 * What the shopper said or typed, from queryText, bounded like a slot. An event or a tap leaves the event's name
 * there ("WELCOME", "GOOGLE_ASSISTANT_WELCOME", "actions_intent_OPTION"): no words of the shopper's.
 */
export function utteranceOf(queryText: string | undefined): string | undefined {
  const text = queryText?.trim();
  // Event names are upper case with underscores (Dialogflow's own WELCOME has none); a shopper typing "OK" is words.
  if (text === undefined || text === 'WELCOME' || /^[A-Z][A-Z0-9]*_[A-Z0-9_]+$/.test(text) || /^actions_intent_\w+$/i.test(text)) return undefined;
  return shopperText(text, MAX_SHOPPER_TEXT_CHARS);
}

/** A tap on an Assistant list item arrives as the OPTION argument; it means "select this one". */
function selectedOption(payload: GooglePayload | undefined): string | undefined {
  for (const input of payload?.inputs ?? []) {
    for (const argument of input.arguments ?? []) {
      if (argument.name === 'OPTION' && argument.textValue) return argument.textValue;
    }
  }
  return undefined;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * The stable identity of the shopper. The account-linking token, when it resolves, decides in the core. Without
 * it: the session path, which for environment sessions carries a user id
 * (`…/environments/<env>/users/<user>/sessions/<id>`) and otherwise identifies the conversation only. The
 * payload's `user.userId` is anyone's to write, so it counts only as `trustedUserId`, which parseWebhookRequest
 * sets when GOOGLE_TRUST_PAYLOAD_USER_ID says the caller is an authenticated integration.
 * Hashed so a session path (which may embed a caller's number on phone gateways) never becomes a key.
 */
export function toCustomer(request: WebhookRequest): CustomerRef {
  const user = request.originalDetectIntentRequest?.payload?.user;
  const accessToken = user?.accessToken || undefined;
  if (request.trustedUserId) return { platform: 'google', platformUserId: request.trustedUserId, ...(accessToken ? { accessToken } : {}) };
  const session = request.session ?? '';
  // Unless the caller is a trusted integration, the conversation is the identity: a forged path names no one else.
  const platformUserId = request.trustedEnvironmentUser
    ? `user-${hash(request.trustedEnvironmentUser)}`
    : `session-${hash(session || request.responseId || 'anonymous')}`;
  return { platform: 'google', platformUserId, ...(accessToken ? { accessToken } : {}) };
}

const SCREEN_OUTPUT = 'actions.capability.SCREEN_OUTPUT';
/** Dialogflow mirrors the Assistant's capabilities as contexts too. */
const SCREEN_OUTPUT_CONTEXT = 'actions_capability_screen_output';

/** Which Dialogflow integration sent the request, by `originalDetectIntentRequest.source`. */
type Integration = 'messenger' | 'phone' | 'assistant' | 'other';

function integrationOf(request: WebhookRequest): Integration {
  const source = request.originalDetectIntentRequest?.source ?? '';
  if (/messenger/i.test(source)) return 'messenger';
  // Dialogflow's phone gateway and the telephony integrations (GOOGLE_TELEPHONY, partner gateways).
  if (/telephony|phone|voip|sip/i.test(source)) return 'phone';
  if (source === 'google') return 'assistant';
  return 'other';
}

/**
 * A screen: Dialogflow Messenger is a web chat, so always; a phone line never, whatever its payload claims; the
 * Assistant payload and other integrations when they announce screen output.
 */
export function hasScreen(request: WebhookRequest): boolean {
  const integration = integrationOf(request);
  if (integration === 'messenger') return true;
  if (integration === 'phone') return false;
  if ((request.originalDetectIntentRequest?.payload?.surface?.capabilities ?? []).some((capability) => capability.name === SCREEN_OUTPUT)) return true;
  return request.queryResult.outputContexts.some((context) => contextId(context.name) === SCREEN_OUTPUT_CONTEXT);
}

/**
 * What a Dialogflow surface can do, integration by integration:
 * - Dialogflow Messenger is a web chat and a phone gateway a call: neither has an app or a sign-in card of its own.
 * - The Actions on Google integration (source "google", an Assistant payload with user and surface capabilities):
 *   Google turned Conversational Actions down on 13 June 2023, so no Assistant calls this webhook any more; the
 *   payload shape lives on in simulators and forwarding integrations. Even there, linking was the Assistant's sign-in
 *   helper (actions.intent.SIGN_IN), which this webhook never sends: the card it could send is a plain BasicCard, and
 *   "I've sent a card to your app" would send the shopper looking for a card in an app that will never show one. So
 *   an `actions.capability.ACCOUNT_LINKING` in the payload grants neither an app nor a linking card.
 * So no Dialogflow surface has an app or a linking card (the six-digit link code works on all of them: the core
 * offers it where there is no card), and none reaches a shopper outside a conversation. A later conversation names
 * the same shopper only with a trusted user (toCustomer); otherwise the conversation is the identity.
 */
export function deviceOf(request: WebhookRequest): Turn['device'] {
  const recognisesReturn = Boolean(request.trustedUserId || request.trustedEnvironmentUser);
  return { hasScreen: hasScreen(request), app: false, accountLinkingCard: false, outOfSessionReminders: false, recognisesReturn };
}

export function toTurn(request: WebhookRequest): Turn {
  const { queryResult } = request;
  const contexts = queryResult.outputContexts;
  const sessionContext = findSessionContext(contexts);
  const option = selectedOption(request.originalDetectIntentRequest?.payload);
  const intent = mapIntent(queryResult.intent?.displayName);
  const slots = toSlots(queryResult.parameters, contexts);
  const turn: Turn = {
    intent,
    slots,
    locale: mapLocale(queryResult.languageCode),
    customer: toCustomer(request),
    session: readSessionState(sessionContext) ?? {},
    newSession: sessionContext === undefined,
    // Dialogflow ES has no confirmation status: a yes or no arrives as YesIntent / NoIntent.
    dialog: { confirmation: 'NONE' },
    device: deviceOf(request),
    // Dialogflow always sends a responseId; without one, no retry can be recognised, so none is pretended.
    requestId: request.responseId ?? `google-${randomUUID()}`,
    // The Dialogflow session path names the conversation; a pending question is bound to it.
    ...(request.session ? { sessionId: request.session } : {}),
  };
  const confidence = confidenceOf(queryResult.intentDetectionConfidence);
  if (confidence !== undefined) turn.confidence = confidence;
  const utterance = utteranceOf(queryResult.queryText);
  if (utterance !== undefined) turn.utterance = utterance;
  if (option && intent === 'Fallback') {
    // No agent intent matched the list tap itself; the tapped key is the product id.
    return { ...turn, intent: 'SelectItemIntent', slots: { ...slots, choice: { raw: option, ids: [option] } } };
  }
  return turn;
}
