/**
 * Builds every generated model file in memory, as path → text. Writing them (build.ts) and checking the
 * committed copies are fresh (the staleness test) both start here, so they can never disagree.
 */
import type { Product } from '../../skill/core/catalog/product';
import { INTENTS } from '../source/intents';
import type { ModelLocale } from '../source/types';
import { alexaInteractionModel, alexaSkillManifest } from './alexa';
import { assertNoCommandWords } from './command-words';
import { dialogflowAgent } from './dialogflow';
import { productSlotValues } from './product-values';

export const MODEL_LOCALES: readonly ModelLocale[] = ['en-US', 'de-DE'];

/** Output folders, relative to interaction-models/. Everything in them is generated. */
export const ALEXA_PACKAGE_DIR = 'alexa/skill-package';
export const DIALOGFLOW_AGENT_DIR = 'google/dialogflow';
export const GENERATED_DIRS = [ALEXA_PACKAGE_DIR, DIALOGFLOW_AGENT_DIR] as const;

export interface GeneratedFile {
  /** Relative to interaction-models/, with forward slashes. */
  path: string;
  content: string;
}

/** Two-space JSON with a trailing newline: stable text for stable diffs. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

export function buildModels(catalog: readonly Product[]): GeneratedFile[] {
  const productValues = Object.fromEntries(MODEL_LOCALES.map((locale) => [locale, productSlotValues(catalog, locale)])) as Record<
    ModelLocale,
    ReturnType<typeof productSlotValues>
  >;
  for (const locale of MODEL_LOCALES) assertNoCommandWords(INTENTS, productValues[locale], locale);
  const files: GeneratedFile[] = [{ path: `${ALEXA_PACKAGE_DIR}/skill.json`, content: jsonText(alexaSkillManifest(MODEL_LOCALES)) }];
  for (const locale of MODEL_LOCALES) {
    files.push({
      path: `${ALEXA_PACKAGE_DIR}/interactionModels/custom/${locale}.json`,
      content: jsonText(alexaInteractionModel(INTENTS, productValues[locale], locale)),
    });
  }
  for (const file of dialogflowAgent(INTENTS, productValues, MODEL_LOCALES)) {
    files.push({ path: `${DIALOGFLOW_AGENT_DIR}/${file.path}`, content: jsonText(file.json) });
  }
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
