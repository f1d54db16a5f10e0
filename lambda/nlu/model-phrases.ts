/**
 * The neutral interaction model as phrases to learn from: every sample template of every intent, expanded by the
 * generator's own template expansion (the same phrases the platforms get), in spoken words, with each {slot}
 * reference kept as a slot of a known kind.
 */
import { expandAll } from '../../interaction-models/generator/template';
import { INTENTS } from '../../interaction-models/source/intents';
import type { IntentSource, SlotKind } from '../../interaction-models/source/types';
import { MACROS } from '../../interaction-models/source/vocabulary';
import { PIN_ANSWER_INTENT } from '../../skill/platforms/google/elicitation-context';
import type { Locale } from '../../skill/core/turn';
import { spokenWords } from './spoken-text';

export type PhraseItem = { word: string } | { slot: string; kind: SlotKind };

export interface ModelPhrase {
  /** The neutral intent this understanding reports for the phrase. */
  intent: string;
  items: PhraseItem[];
}

/**
 * Intents that exist only to take a bare answer while a platform holds a question open (Dialogflow's PIN answer,
 * gated by a context). Understanding has no open question to gate on, so it reports the intent the answer
 * belongs to: Alexa hears a bare PIN as VoicePinIntent through that intent's own slot samples, and the webhook
 * treats the PIN answer as VoicePinIntent too.
 */
const ANSWER_INTENTS: Readonly<Record<string, string>> = { [PIN_ANSWER_INTENT]: 'VoicePinIntent' };

export function reportedIntent(intent: IntentSource): string {
  return ANSWER_INTENTS[intent.name] ?? intent.name;
}

/** Every sample of every intent, Alexa's and Dialogflow's alike: typed text should reach what either would hear. */
export function modelPhrases(locale: Locale, intents: readonly IntentSource[] = INTENTS): ModelPhrase[] {
  return intents.flatMap((intent) => {
    const kinds = new Map(intent.slots.map((slot) => [slot.name, slot.kind]));
    const templates = [...intent.samples[locale], ...(intent.dialogflowOnlySamples?.[locale] ?? [])];
    return expandAll(templates, MACROS[locale]).map((phrase) => ({ intent: reportedIntent(intent), items: phraseItems(phrase, kinds, locale) }));
  });
}

/** The slot kinds of each reported intent: which slots an understood intent may carry. */
export function slotKindsByIntent(intents: readonly IntentSource[] = INTENTS): Map<string, Map<string, SlotKind>> {
  const byIntent = new Map<string, Map<string, SlotKind>>();
  for (const intent of intents) {
    const kinds = byIntent.get(reportedIntent(intent)) ?? new Map<string, SlotKind>();
    for (const slot of intent.slots) kinds.set(slot.name, slot.kind);
    byIntent.set(reportedIntent(intent), kinds);
  }
  return byIntent;
}

/** "add {quantity} {product} to my list" → words and slots; a slot the intent does not define is a model error the generator reports. */
export function phraseItems(phrase: string, kinds: ReadonlyMap<string, SlotKind>, locale: Locale): PhraseItem[] {
  const items: PhraseItem[] = [];
  for (const part of phrase.split(/(\{\w+\})/)) {
    const slot = /^\{(\w+)\}$/.exec(part)?.[1];
    if (slot !== undefined) {
      const kind = kinds.get(slot);
      if (kind !== undefined) items.push({ slot, kind });
      continue;
    }
    for (const word of spokenWords(part, locale)) items.push({ word });
  }
  return items;
}
