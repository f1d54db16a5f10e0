/**
 * Neutral intent names (what offline understanding returns) → the names each platform sends, read from the table the
 * adapters and the model generator share, so the simulator and the generated models can never disagree.
 */
import { INTENTS } from '../../../interaction-models/source/intents';
import type { IntentSource } from '../../../interaction-models/source/types';
import { platformIntentNames } from '../../../skill/platforms/intent-names';

const byName = new Map<string, IntentSource>(INTENTS.map((intent) => [intent.name, intent]));

export function intentSource(neutral: string): IntentSource | undefined {
  return byName.get(neutral);
}

/** The Alexa intent for a neutral name, or AMAZON.FallbackIntent where Alexa has none (Dialogflow-only intents). */
export function alexaIntentName(neutral: string): string {
  if (!byName.has(neutral)) return 'AMAZON.FallbackIntent';
  return platformIntentNames(neutral).alexa ?? 'AMAZON.FallbackIntent';
}

/** Alexa-only built-ins that Dialogflow hears as another intent of the agent ("next" is MoreIntent there). */
const DIALOGFLOW_STAND_INS: Readonly<Record<string, string>> = { NextIntent: 'MoreIntent', NavigateHomeIntent: 'Default Welcome Intent' };

export const DIALOGFLOW_FALLBACK = 'Default Fallback Intent';
export const DIALOGFLOW_WELCOME = 'Default Welcome Intent';

/** The Dialogflow display name for a neutral name, or the agent's fallback where the agent has no such intent. */
export function dialogflowIntentName(neutral: string): string {
  const standIn = DIALOGFLOW_STAND_INS[neutral];
  if (standIn) return standIn;
  if (!byName.has(neutral)) return DIALOGFLOW_FALLBACK;
  return platformIntentNames(neutral).dialogflow ?? DIALOGFLOW_FALLBACK;
}

/** Contexts that must be open for the Dialogflow intent to match (the bare PIN answer). */
export function dialogflowInputContexts(neutral: string): string[] {
  return byName.get(neutral)?.dialogflowInputContexts ?? [];
}
