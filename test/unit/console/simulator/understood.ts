/** Understood values for simulator tests: what offline understanding would return for an utterance. */
import type { Understood } from '../../../../lambda/nlu/understanding';

export function understood(intent: string, slots: Record<string, string> = {}, utterance = intent): Understood {
  return { utterance, intent, slots, score: 1, exact: true };
}
