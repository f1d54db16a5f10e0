/**
 * The platform-neutral language between the adapters and the core.
 * A platform adapter turns its request into a Turn and a Reply into its response; nothing else crosses.
 */

export const LOCALES = ['en-US', 'de-DE'] as const;
export type Locale = (typeof LOCALES)[number];

export type Platform = 'alexa' | 'google';

/** Intents the core understands. Platform built-ins (AMAZON.HelpIntent, Default Welcome Intent…) are mapped onto these by the adapters. */
export const CORE_INTENTS = [
  'Launch',
  'SessionEnded',
  'Help',
  'Stop',
  'Cancel',
  'Fallback',
  'Yes',
  'No',
  'More',
  'SelectItemIntent',
  'SearchProductIntent',
  'AddToCartIntent',
  'RemoveFromCartIntent',
  'ReadCartIntent',
  'ClearCartIntent',
  'CheckoutIntent',
  'VoicePinIntent',
  'OrderStatusIntent',
  'CancelOrderIntent',
  'ReorderIntent',
  'ReplenishmentIntent',
  'EnableRemindersIntent',
  'StopRemindersIntent',
  'ListRemindersIntent',
  'DeleteMyDataIntent',
  // "My link code is 4 8 1 5 2 3": links this platform user to a shop account without OAuth.
  'LinkAccountIntent',
  // "Say that again": re-asks the pending question, or repeats what was said last.
  'Repeat',
  // The shopper's answer to a permission the platform asked for (Alexa's voice permission for reminders).
  'PermissionAnswer',
  // Repair and small talk: "make that three", "what's my total", "thanks", "start over" (Alexa: AMAZON.StartOverIntent).
  'ChangeQuantityIntent',
  'CartTotalIntent',
  'ThanksIntent',
  'StartOverIntent',
  // Handoff to a person: "talk to a person", "my order arrived damaged", and "tell them …" (a reply to their answer).
  'HumanHandoffIntent',
  'OrderProblemIntent',
  'HandoffReplyIntent',
  // The daily run's message that products are due, arriving with nobody listening (Alexa Skill Messaging).
  'ReplenishmentDue',
] as const;
export type CoreIntent = (typeof CORE_INTENTS)[number];

/** A slot as the shopper said it, plus whatever ids the platform's entity resolution matched. */
export interface SlotValue {
  raw: string;
  ids?: string[];
}

export type Slots = Partial<Record<string, SlotValue>>;

export interface CustomerRef {
  platform: Platform;
  /** Alexa userId or the Dialogflow session's user id: the fallback identity when no account is linked. */
  platformUserId: string;
  /** OAuth access token from account linking, when the platform sent one. */
  accessToken?: string;
}

/** What the platform tells us about the dialog: Alexa's dialogState and confirmationStatus, Dialogflow's equivalent. */
export interface DialogInfo {
  confirmation: 'NONE' | 'CONFIRMED' | 'DENIED';
}

/**
 * Short-lived conversation context that rides in the platform session (never in the database). The client sends it
 * back, so it is untrusted: nothing in it may authorise money or consent. The question waiting for a yes or no
 * lives server-side (conversation/questions.ts), keyed by the platform session.
 */
export interface SessionState {
  /** Product ids of the last search, best first, and which page of them was read out. */
  lastResults?: string[];
  resultOffset?: number;
  /** Consecutive turns we did not understand; after a few we offer help. */
  misses?: number;
  /** What was said last, for "repeat that" when no question is pending. */
  lastSpeech?: string;
  /** Anything a later feature needs to carry between turns; kept small (it travels on every request). */
  [key: string]: unknown;
}

/**
 * What the surface the shopper uses can do, filled by the adapter from what the request says: the core decides by
 * these, never by a platform's name. The optional fields are absent only in turns built by hand (older tests);
 * absent reads as the long-standing default, an Alexa-like surface (an app and its account-linking card).
 */
export interface DeviceInfo {
  hasScreen: boolean;
  /** A companion app the shopper can open, where a card sent now will be waiting (the Alexa app). */
  app?: boolean;
  /** The platform can hand the shopper its own account-linking prompt (Alexa's LinkAccount card in the app). */
  accountLinkingCard?: boolean;
  /** The platform can reach the shopper outside a session (Alexa reminders); otherwise nudges wait for a visit. */
  outOfSessionReminders?: boolean;
  /**
   * The platform names the same shopper again in a later conversation (Alexa's userId, a trusted Dialogflow user).
   * False where the conversation is the only identity (Dialogflow without one): an unlinked shopper there cannot be
   * found again, so nothing may be promised for "next time". Absent reads as true (Alexa-like).
   */
  recognisesReturn?: boolean;
}

/** Whether the surface can show its own account-linking prompt (see DeviceInfo for the default). */
export function canSendLinkingCard(device: DeviceInfo): boolean {
  return device.accountLinkingCard ?? true;
}

/** Whether a later conversation of this shopper comes with the same platform identity (see DeviceInfo). */
export function recognisesReturn(device: DeviceInfo): boolean {
  return device.recognisesReturn ?? true;
}

/** Whether the platform can reach the shopper after the session (reminders); only when the adapter says so. */
export function canRemindOutsideSession(device: DeviceInfo): boolean {
  return device.outOfSessionReminders === true;
}

export interface Turn {
  intent: CoreIntent;
  slots: Slots;
  locale: Locale;
  customer: CustomerRef;
  session: SessionState;
  /** True on the first request of a platform session. */
  newSession: boolean;
  dialog: DialogInfo;
  device: DeviceInfo;
  /** The platform's request id: the key for deduplicating retries. */
  requestId: string;
  /**
   * The platform's conversation id (Alexa sessionId, Dialogflow session path): a pending question is bound to it,
   * so a yes from another conversation answers nothing. Absent when the platform sent none.
   */
  sessionId?: string;
  /**
   * How sure the platform's language understanding was of the intent, 0..1, where it says (Dialogflow's
   * intentDetectionConfidence; Alexa sends none).
   */
  confidence?: number;
  /** The shopper's words as the platform transcribed them, where it sends them (Dialogflow's queryText). */
  utterance?: string;
  /** Permissions the shopper has granted on the platform, e.g. 'reminders'. */
  permissions?: string[];
  /** With the PermissionAnswer intent: what the shopper told the platform when it asked for the reminders permission. */
  permissionAnswer?: 'granted' | 'denied' | 'unanswered';
  /** With the ReplenishmentDue intent: the products the daily run found due, and the day (yyyy-mm-dd) they are due. */
  replenishmentDue?: { dueDay: string; productIds: string[] };
}

export interface DisplayItem {
  id: string;
  title: string;
  subtitle?: string;
  price?: string;
  imageUrl?: string;
}

export interface Display {
  title: string;
  text?: string;
  items?: DisplayItem[];
  /**
   * The shopper may pick an item by touch (a list of results: the tap is a selection, as "the second one" is). A
   * cart or a confirmation is only shown, so a tap on it selects nothing.
   */
  choosable?: boolean;
}

/**
 * What the core wants said and shown. `speech` is plain text: each adapter escapes it for its own SSML. It may hold
 * speech marks (speech-marks.ts: digits to read one by one), which each adapter renders its own way.
 */
export interface Reply {
  speech: string;
  reprompt?: string;
  display?: Display;
  /**
   * Ask the platform's dialog manager to elicit a slot or confirm the intent. `intent` names the intent the slot
   * belongs to when it is not the one being answered (the voice PIN is asked for during checkout).
   */
  ask?: { kind: 'elicit'; slot: string; intent?: CoreIntent } | { kind: 'confirm' };
  /** Quick-reply chips where the surface shows them (Dialogflow suggestions). */
  suggestions?: string[];
  /** Send the account-linking card / prompt. */
  linkAccount?: boolean;
  /** Ask the platform for a permission (Alexa: reminders). */
  askPermission?: 'reminders';
  /**
   * Reminders to schedule outside the session where the platform can (Alexa Reminders API, with the permission
   * granted); platforms without push (Dialogflow) ignore them. `at` is an ISO local date-time.
   */
  reminders?: Array<{ at: string; text: string }>;
  /**
   * What the reply becomes when the platform turns `reminders` down because the permission is gone: the core's own
   * words (asking for the permission again), so the adapter never composes a sentence.
   */
  ifRemindersRefused?: { speech: string; askPermission: 'reminders' };
  endSession: boolean;
  sessionState: SessionState;
}
