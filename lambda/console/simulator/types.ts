/** The simulator's vocabulary: what a console conversation is set up with and what one turn shows. */
import type { Locale } from '../../../skill/core/turn';
import type { Understood } from '../../nlu/understanding';

export const PLATFORMS = ['alexa', 'dialogflow'] as const;
export type Platform = (typeof PLATFORMS)[number];
export const LOCALES = ['en-US', 'de-DE'] as const satisfies readonly Locale[];

/** The choices a console conversation starts with. */
export interface ShopperOptions {
  platform: Platform;
  locale: Locale;
  /** An Echo Show / a phone with a screen: APL on Alexa, SCREEN_OUTPUT on the Assistant. */
  screen: boolean;
  /** Linked to the demo merchant account (its account-linking token rides on every request). */
  linked: boolean;
  /** A stable user id (the same shopper every conversation) instead of a fresh one. */
  returning: boolean;
}

/** One request and its response as the platform exchanged them with the skill. */
export interface Exchange {
  /** The platform's intent name sent (Alexa intent or request type, Dialogflow display name). */
  platformIntent: string;
  request: unknown;
  status: number;
  response: unknown;
  handlerMs: number;
}

export interface CardView {
  type: string;
  title?: string;
  text?: string;
  imageUrl?: string;
}

export interface ListItemView {
  id?: string;
  title: string;
  detail?: string;
  imageUrl?: string;
}

export interface ListView {
  title: string;
  text?: string;
  items: ListItemView[];
}

/** What a platform's response shows, read from the response JSON the platform would get. */
export interface ReplyView {
  speech: string;
  /** The markup as sent (SSML on both platforms). */
  ssml: string;
  reprompt?: string;
  card?: CardView;
  /** Alexa: the APL product list's data source. */
  apl?: ListView;
  /** Dialogflow: the Assistant's rich items and the generic fulfillment messages, as labelled lines. */
  richMessages?: Array<{ kind: string; title?: string; text?: string; items?: ListItemView[] }>;
  suggestions?: string[];
  /** Directives (Alexa) or output contexts (Dialogflow) by name, for the transcript. */
  directives?: string[];
  endSession: boolean;
  /** The session state the platform carries to the next turn (Alexa session attributes, Dialogflow contexts). */
  sessionState: unknown;
}

export interface TurnView extends ReplyView {
  turn: number;
  /** The shopper's words; absent for a launch. */
  utterance?: string;
  understood?: Understood;
  platformIntent: string;
  /** Whether this request opened a new platform session. */
  newSession: boolean;
  request: unknown;
  response: unknown;
  status: number;
  timings: { understandMs: number; handlerMs: number; totalMs: number };
}
