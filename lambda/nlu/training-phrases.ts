/**
 * The model's phrases as the classifier learns them: each {slot} as the placeholder its material gets in an
 * utterance, and the words between through the same span finder as an utterance's words, so a phrase and an
 * utterance that say the same thing read the same ("add {quantity} {product}" and "add two bananas" → "add xnumber
 * xproduct").
 */
import type { SlotKind } from '../../interaction-models/source/types';
import type { Locale } from '../../skill/core/turn';
import type { CarrierWords } from './carrier-words';
import type { TrainingPhrase } from './intent-classifier';
import type { ModelPhrase } from './model-phrases';
import type { SlotLexicon } from './slot-lexicon';
import { findSlotSpans, PLACEHOLDERS, withPlaceholders, type SpanKind } from './slot-spans';

/** Each slot reads as the placeholder its material gets in an utterance, so phrase and utterance look alike. */
const PLACEHOLDER_OF_SLOT: Readonly<Record<SlotKind, SpanKind>> = {
  product: 'product',
  quantity: 'number',
  measure: 'measure',
  choice: 'choice',
  ordinal: 'ordinal',
  pin: 'pin',
  // A six-digit link code reads as one number.
  code: 'number',
  problem: 'problem',
  text: 'message',
};

/**
 * A model phrase as the classifier reads it: its words through the same span finder as an utterance's. Phrases
 * share most of their word runs, so each run is read once.
 */
export function trainingPhraseReader(locale: Locale, lexicon: SlotLexicon, carriers: CarrierWords): (phrase: ModelPhrase) => TrainingPhrase {
  const runs = new Map<string, string[]>();
  const read = (words: string[]) => {
    const key = words.join(' ');
    let text = runs.get(key);
    if (!text) {
      text = withPlaceholders(words, findSlotSpans(words, locale, lexicon, (word) => carriers.has(word)));
      runs.set(key, text);
    }
    return text;
  };
  return (phrase) => {
    const text: string[] = [];
    let words: string[] = [];
    for (const item of phrase.items) {
      if ('word' in item) {
        words.push(item.word);
        continue;
      }
      text.push(...read(words), PLACEHOLDERS[PLACEHOLDER_OF_SLOT[item.kind]]);
      words = [];
    }
    text.push(...read(words));
    return { intent: phrase.intent, text: text.join(' ') };
  };
}

