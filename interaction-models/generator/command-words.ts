/**
 * Guards the product slot against words that are whole commands elsewhere. Every intent with a product
 * slot accepts the bare product ("{product}" is a search), so a product word equal to a command ("stop",
 * "more", "help") would let the recogniser read the command as a search, and virtual-alexa would pick
 * between them by sample length. A hand-written vocabulary grows; this keeps it from growing into commands.
 */
import type { IntentSource, ModelLocale } from '../source/types';
import { MACROS } from '../source/vocabulary';
import { ModelError } from './errors';
import type { ProductSlotValue } from './product-values';
import { expandAll } from './template';

/** Every sample without a slot, lower case: the phrases that are a complete command on their own. */
export function commandPhrases(intents: readonly IntentSource[], locale: ModelLocale): Set<string> {
  const phrases = intents.flatMap((intent) =>
    expandAll([...intent.samples[locale], ...(intent.dialogflowOnlySamples?.[locale] ?? [])], MACROS[locale]),
  );
  return new Set(phrases.filter((phrase) => !phrase.includes('{')).map((phrase) => phrase.toLocaleLowerCase(locale)));
}

export function assertNoCommandWords(intents: readonly IntentSource[], values: readonly ProductSlotValue[], locale: ModelLocale): void {
  const commands = commandPhrases(intents, locale);
  const clashes = values.flatMap((value) => [value.name, ...value.synonyms].filter((word) => commands.has(word)).map((word) => `"${word}" (${value.id})`));
  if (clashes.length > 0) throw new ModelError(`${locale}: product words that are also commands: ${clashes.join(', ')}`);
}
