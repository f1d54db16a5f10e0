/**
 * The samples of the generated Alexa interaction model of a locale (the file the skill-package deploys and
 * virtual-alexa matches literally), as phrases under the neutral intent names. Whether an utterance is one of them
 * is the `exact` answer: it says which phrasings Alexa is sure to hear without relying on its statistical matching.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALEXA_SLOT_TYPES } from '../../interaction-models/generator/slot-kinds';
import { INTENTS } from '../../interaction-models/source/intents';
import type { SlotKind } from '../../interaction-models/source/types';
import type { Locale } from '../../skill/core/turn';
import { platformIntentNames } from '../../skill/platforms/intent-names';
import { NluError } from './errors';
import { phraseItems, reportedIntent, type ModelPhrase } from './model-phrases';

interface AlexaLanguageModel {
  intents: Array<{ name: string; slots?: Array<{ name: string; type: string }>; samples?: string[] }>;
}

export function alexaModelPath(locale: Locale): string {
  return fileURLToPath(new URL(`../../interaction-models/alexa/skill-package/interactionModels/custom/${locale}.json`, import.meta.url));
}

// Two kinds share AMAZON.NUMBER (a quantity and a link code): the first listed, the quantity, reads a number slot, so
// "add two bananas" is still an exact sample (a link code's six digits are a number to it too).
const KIND_BY_TYPE = new Map<string, SlotKind>();
for (const [kind, type] of Object.entries(ALEXA_SLOT_TYPES)) if (!KIND_BY_TYPE.has(type)) KIND_BY_TYPE.set(type, kind as SlotKind);

/** Alexa names back to neutral ones: AMAZON.YesIntent → YesIntent. */
const NEUTRAL_BY_ALEXA = new Map(
  INTENTS.flatMap((intent) => {
    const alexa = platformIntentNames(intent.name).alexa;
    return alexa === null ? [] : [[alexa, reportedIntent(intent)] as const];
  }),
);

export function alexaModelPhrases(locale: Locale, path = alexaModelPath(locale)): ModelPhrase[] {
  let model: AlexaLanguageModel;
  try {
    model = (JSON.parse(readFileSync(path, 'utf8')) as { interactionModel: { languageModel: AlexaLanguageModel } }).interactionModel.languageModel;
  } catch (cause) {
    throw new NluError(`cannot read the generated Alexa model ${path} (npm run models:build writes it)`, { cause });
  }
  return model.intents.flatMap((intent) => {
    const kinds = new Map<string, SlotKind>();
    for (const slot of intent.slots ?? []) {
      const kind = KIND_BY_TYPE.get(slot.type);
      if (kind) kinds.set(slot.name, kind);
    }
    const neutral = NEUTRAL_BY_ALEXA.get(intent.name) ?? intent.name;
    return (intent.samples ?? []).map((sample) => ({ intent: neutral, items: phraseItems(sample, kinds, locale) }));
  });
}
