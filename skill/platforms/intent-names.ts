/**
 * Intent names, written once for both adapters and the model generator: the intents of the neutral model
 * (interaction-models/source/intents.ts) that a platform names its own way, with their name on Alexa and on
 * Dialogflow and the core intent each becomes. Every other model intent is a custom intent, named alike on both
 * platforms and in the core. Neither adapter spells an intent name: both read this table.
 */
import { CORE_INTENTS, type CoreIntent } from '../core/turn';

export type IntentPlatform = 'alexa' | 'dialogflow';

export interface PlatformIntentNames {
  /** The name on Alexa; null where the intent does not exist there. */
  alexa: string | null;
  /** The Dialogflow display name; null where the agent has no such intent. */
  dialogflow: string | null;
}

interface ListedIntent extends PlatformIntentNames {
  core: CoreIntent;
}

/** The Dialogflow intent that takes a bare PIN while the PIN question's context is open; it means VoicePinIntent. */
export const PIN_ANSWER_INTENT = 'VoicePinAnswerIntent';

/** Neutral name → platform names and core intent, for the intents a platform names its own way. */
const LISTED: Readonly<Record<string, ListedIntent>> = {
  HelpIntent: { alexa: 'AMAZON.HelpIntent', dialogflow: 'HelpIntent', core: 'Help' },
  RepeatIntent: { alexa: 'AMAZON.RepeatIntent', dialogflow: 'RepeatIntent', core: 'Repeat' },
  // "Start over" forgets the conversation's context (the core says what it keeps).
  StartOverIntent: { alexa: 'AMAZON.StartOverIntent', dialogflow: 'StartOverIntent', core: 'StartOverIntent' },
  StopIntent: { alexa: 'AMAZON.StopIntent', dialogflow: 'StopIntent', core: 'Stop' },
  CancelIntent: { alexa: 'AMAZON.CancelIntent', dialogflow: 'CancelIntent', core: 'Cancel' },
  YesIntent: { alexa: 'AMAZON.YesIntent', dialogflow: 'YesIntent', core: 'Yes' },
  NoIntent: { alexa: 'AMAZON.NoIntent', dialogflow: 'NoIntent', core: 'No' },
  MoreIntent: { alexa: 'AMAZON.MoreIntent', dialogflow: 'MoreIntent', core: 'More' },
  FallbackIntent: { alexa: 'AMAZON.FallbackIntent', dialogflow: null, core: 'Fallback' },
  // Dialogflow has no "next" built-in: its MoreIntent hears "next" itself.
  NextIntent: { alexa: 'AMAZON.NextIntent', dialogflow: null, core: 'More' },
  // "Go home" is a fresh welcome.
  NavigateHomeIntent: { alexa: 'AMAZON.NavigateHomeIntent', dialogflow: null, core: 'Launch' },
  WelcomeIntent: { alexa: null, dialogflow: 'Default Welcome Intent', core: 'Launch' },
  DefaultFallbackIntent: { alexa: null, dialogflow: 'Default Fallback Intent', core: 'Fallback' },
  [PIN_ANSWER_INTENT]: { alexa: null, dialogflow: PIN_ANSWER_INTENT, core: 'VoicePinIntent' },
};

/** The neutral intents that platforms name their own way (the others are custom intents). */
export const LISTED_INTENTS: readonly string[] = Object.keys(LISTED);

/** What a neutral intent is called on each platform: as listed, else its own name on both. */
export function platformIntentNames(neutral: string): PlatformIntentNames {
  const listed = LISTED[neutral];
  return listed ? { alexa: listed.alexa, dialogflow: listed.dialogflow } : { alexa: neutral, dialogflow: neutral };
}

const BY_PLATFORM_NAME: Record<IntentPlatform, ReadonlyMap<string, CoreIntent>> = {
  alexa: new Map(Object.values(LISTED).flatMap((intent) => (intent.alexa === null ? [] : [[intent.alexa, intent.core] as const]))),
  dialogflow: new Map(Object.values(LISTED).flatMap((intent) => (intent.dialogflow === null ? [] : [[intent.dialogflow, intent.core] as const]))),
};

/**
 * Custom intents keep their names. Only names ending in "Intent" pass through unchanged, so a request cannot
 * smuggle in the core's request-level names ("Launch", "SessionEnded", "ReplenishmentDue") as an intent.
 */
const CUSTOM_INTENTS: ReadonlySet<string> = new Set(CORE_INTENTS.filter((name) => name.endsWith('Intent')));

/** The core intent a platform's intent name stands for; Fallback for anything the model does not have. */
export function coreIntentOf(platform: IntentPlatform, name: string | undefined): CoreIntent {
  if (!name) return 'Fallback';
  const listed = BY_PLATFORM_NAME[platform].get(name);
  if (listed) return listed;
  return CUSTOM_INTENTS.has(name) && !(name in LISTED) ? (name as CoreIntent) : 'Fallback';
}
