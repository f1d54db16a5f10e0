/**
 * Dialogflow ES WebhookRequest → Turn. Translation only: which words mean what is the core's business.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type CoreIntent, type CustomerRef, type Locale, type SlotValue, type Slots, type Turn } from '../../core/turn';
import { contextId, findSessionContext, readSessionState } from './session';
import { coreIntentOf } from '../intent-names';
import type { DialogflowContext, GooglePayload, WebhookRequest } from './webhook-request';

/** A Dialogflow display name as the core's intent; the names live in the table both adapters share. */
export function mapIntent(displayName: string | undefined): CoreIntent {
  return coreIntentOf('dialogflow', displayName);
}

/** Dialogflow sends "en", "en-US", "en-us", "de", "de-DE", "de-AT"…; anything that is not German is served in English. */
export function mapLocale(languageCode: string | undefined): Locale {
  return languageCode?.trim().toLowerCase().startsWith('de') ? 'de-DE' : 'en-US';
}

/** Slots whose value is what the shopper said (an entity); the others are numbers Dialogflow already parsed. */
const TEXT_SLOTS = ['product', 'choice', 'measure'] as const;
/** Entities whose reference values are the model's ids, not words (the choice type's "cheaper", "bigger"…). */
const ID_KEYED_SLOTS: ReadonlySet<string> = new Set(['choice']);
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
    const resolved = parameterText(parameters[name]);
    if (!resolved) continue;
    const said = originalText(name, contexts);
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

/** A screen: the Assistant says so in its capabilities; Dialogflow Messenger is a web chat, so always. */
export function hasScreen(request: WebhookRequest): boolean {
  const original = request.originalDetectIntentRequest;
  if (original?.source && /messenger/i.test(original.source)) return true;
  if ((original?.payload?.surface?.capabilities ?? []).some((capability) => capability.name === SCREEN_OUTPUT)) return true;
  return request.queryResult.outputContexts.some((context) => contextId(context.name) === SCREEN_OUTPUT_CONTEXT);
}

const ACCOUNT_LINKING = 'actions.capability.ACCOUNT_LINKING';

/**
 * What the Dialogflow surface can do. Only a caller that forwards an Assistant payload announcing account linking
 * has an app with a sign-in prompt; Dialogflow Messenger (a web chat) and phone gateways have neither an app nor a
 * linking card, and Dialogflow reaches nobody outside a conversation.
 */
export function deviceOf(request: WebhookRequest): Turn['device'] {
  const original = request.originalDetectIntentRequest;
  const capabilities = original?.payload?.surface?.capabilities ?? [];
  const chatOrPhone = original?.source !== undefined && /messenger|telephony|phone/i.test(original.source);
  const linking = !chatOrPhone && capabilities.some((capability) => capability.name === ACCOUNT_LINKING);
  return { hasScreen: hasScreen(request), app: linking, accountLinkingCard: linking, outOfSessionReminders: false };
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
  if (option && intent === 'Fallback') {
    // No agent intent matched the list tap itself; the tapped key is the product id.
    return { ...turn, intent: 'SelectItemIntent', slots: { ...slots, choice: { raw: option, ids: [option] } } };
  }
  return turn;
}
