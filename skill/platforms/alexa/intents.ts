import type { CoreIntent } from '../../core/turn';
import { coreIntentOf } from '../intent-names';

/** An Alexa intent name (built-in or custom) as the core's intent; the names live in the shared table. */
export function toCoreIntent(alexaIntentName: string): CoreIntent {
  return coreIntentOf('alexa', alexaIntentName);
}
