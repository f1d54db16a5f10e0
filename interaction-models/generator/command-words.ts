/**
 * Guards the product slot against words that are whole commands elsewhere. Every intent with a product
 * slot accepts the bare product ("{product}" is a search), so a product word equal to a command ("stop",
 * "more", "help") would let the recogniser read the command as a search, and virtual-alexa would pick
 * between them by sample length. A hand-written vocabulary grows; this keeps it from growing into commands.
 */
import type { IntentSource, ModelLocale } from '../source/types';
import { CARRIERS, MACROS } from '../source/vocabulary';
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

/**
 * A product word that starts or ends with a carrier ("milk please", "bitte Kaffee") would let the product slot
 * swallow the carrier: "add milk please" would fill the slot with "milk please" through the plain "add {product}"
 * sample instead of the one that carries "please", and the core would search for "milk please".
 */
export function assertNoCarrierEdges(values: readonly ProductSlotValue[], locale: ModelLocale): void {
  const carriers = Object.values(CARRIERS[locale]).flat();
  const swallows = (word: string) => carriers.some((carrier) => word === carrier || word.startsWith(`${carrier} `) || word.endsWith(` ${carrier}`));
  const clashes = values.flatMap((value) => [value.name, ...value.synonyms].filter(swallows).map((word) => `"${word}" (${value.id})`));
  if (clashes.length > 0) throw new ModelError(`${locale}: product words that begin or end with a carrier: ${clashes.join(', ')}`);
}
