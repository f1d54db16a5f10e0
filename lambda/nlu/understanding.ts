/**
 * What offline language understanding gives the local tools (the console, `npm run chat`, `npm run nlu:eval`):
 * typed or recognised text turned into an intent of the neutral interaction model and its slots, the way Alexa's
 * or Dialogflow's matcher would, so the simulated platform request carries what a real one would. Local only:
 * nothing under lambda/nlu is bundled into a Lambda.
 */
import type { Locale } from '../../skill/core/turn';

/** Slot values as the shopper said them (the words), by the neutral model's slot name (`product`, `quantity`…). */
export type UnderstoodSlots = Record<string, string>;

export interface Understood {
  /** The utterance as given. */
  utterance: string;
  /**
   * The neutral model's intent name (interaction-models/source/intents.ts `IntentSource.name`, e.g.
   * `AddToCartIntent`, `YesIntent`), or `FallbackIntent` when nothing matches well enough. The console maps it
   * to the platform's name (IntentSource.alexa / .dialogflow).
   */
  intent: string;
  slots: UnderstoodSlots;
  /** The classifier's confidence in [0, 1]. */
  score: number;
  /** Whether the utterance is, word for word, a sample of the generated Alexa model (what virtual-alexa matches). */
  exact: boolean;
  /**
   * With FallbackIntent: the intent the classifier leaned to, below understanding's own threshold but backed by the
   * utterance's words. A platform that matches at lower certainty (Dialogflow's agent, mlMinConfidence) would take it,
   * unsure; the console's Dialogflow does, so an unsure turn can be tried there.
   */
  guess?: { intent: string; slots: UnderstoodSlots; score: number };
}

export interface Understanding {
  readonly locale: Locale;
  understand(utterance: string): Promise<Understood>;
}
