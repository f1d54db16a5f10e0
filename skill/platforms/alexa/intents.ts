import { CORE_INTENTS, type CoreIntent } from '../../core/turn';

/** Alexa's built-in intents, mapped onto the core's platform-neutral names. */
const BUILT_INS: Readonly<Record<string, CoreIntent>> = {
  'AMAZON.HelpIntent': 'Help',
  'AMAZON.StopIntent': 'Stop',
  'AMAZON.CancelIntent': 'Cancel',
  'AMAZON.FallbackIntent': 'Fallback',
  'AMAZON.YesIntent': 'Yes',
  'AMAZON.NoIntent': 'No',
  'AMAZON.MoreIntent': 'More',
  'AMAZON.NextIntent': 'More',
  'AMAZON.RepeatIntent': 'Repeat',
  // "Start over" forgets the conversation's context (the core says what it keeps); "go home" is a fresh welcome.
  'AMAZON.StartOverIntent': 'StartOverIntent',
  'AMAZON.NavigateHomeIntent': 'Launch',
};

/**
 * Custom intents keep their names. Only names ending in "Intent" may pass through unchanged, so a request
 * cannot smuggle in the core's request-level names ("Launch", "SessionEnded") as an intent.
 */
const CUSTOM_INTENTS: ReadonlySet<string> = new Set(CORE_INTENTS.filter((name) => name.endsWith('Intent')));

export function toCoreIntent(alexaIntentName: string): CoreIntent {
  const builtIn = BUILT_INS[alexaIntentName];
  if (builtIn) return builtIn;
  return CUSTOM_INTENTS.has(alexaIntentName) ? (alexaIntentName as CoreIntent) : 'Fallback';
}
