/**
 * Builds every generated model file in memory, as path → text. Writing them (build.ts) and checking the
 * committed copies are fresh (the staleness test) both start here, so they can never disagree.
 */
import type { Product } from '../../skill/core/catalog/product';
import { INTENTS } from '../source/intents';
import type { ModelLocale } from '../source/types';
import { alexaInteractionModel, alexaSkillManifest } from './alexa';
import { assertNoCarrierEdges, assertNoCommandWords } from './command-words';
import { dialogflowAgent, type DialogflowFile } from './dialogflow';
import { assertAlexaLimits, assertDialogflowLimits, type DialogflowCounts } from './limits';
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
  for (const locale of MODEL_LOCALES) {
    assertNoCommandWords(INTENTS, productValues[locale], locale);
    assertNoCarrierEdges(productValues[locale], locale);
  }
  const files: GeneratedFile[] = [{ path: `${ALEXA_PACKAGE_DIR}/skill.json`, content: jsonText(alexaSkillManifest(MODEL_LOCALES)) }];
  for (const locale of MODEL_LOCALES) {
    const model = alexaInteractionModel(INTENTS, productValues[locale], locale);
    const content = jsonText(model);
    // Checked on the text as written: that is what a deployer uploads.
    assertAlexaLimits(model, content, locale);
    files.push({ path: `${ALEXA_PACKAGE_DIR}/interactionModels/custom/${locale}.json`, content });
  }
  const agent = dialogflowAgent(INTENTS, productValues, MODEL_LOCALES).map((file) => ({ file, content: jsonText(file.json) }));
  assertDialogflowLimits(dialogflowCounts(agent));
  for (const { file, content } of agent) files.push({ path: `${DIALOGFLOW_AGENT_DIR}/${file.path}`, content });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** What Dialogflow's limits count, read off the agent files: phrases per intent file, entries per entity file, bytes. */
function dialogflowCounts(agent: readonly { file: DialogflowFile; content: string }[]): DialogflowCounts {
  const phrases = new Map<string, number>();
  const entries = new Map<string, number>();
  let bytes = 0;
  for (const { file, content } of agent) {
    bytes += Buffer.byteLength(content);
    const intent = /^intents\/(.+)_usersays_(\w+)\.json$/.exec(file.path);
    if (intent) phrases.set(`${intent[1]} (${intent[2]})`, (file.json as unknown[]).length);
    const entity = /^entities\/(.+)_entries_(\w+)\.json$/.exec(file.path);
    if (entity) {
      const list = file.json as { synonyms: string[] }[];
      entries.set(`${entity[1]} (${entity[2]})`, list.reduce((sum, entry) => sum + Math.max(entry.synonyms.length, 1), 0));
    }
  }
  return { phrases, entries, bytes };
}
