/**
 * The words the core listens for, per locale, and how a choice among results is read from a slot: the id the
 * platform resolved first (Alexa entity resolution, the Dialogflow entity value), the shopper's own words second.
 */
import type { SlotValue, Locale } from '../turn';
import { deDEVocabulary } from './de-DE/vocabulary';
import { enUSVocabulary } from './en-US/vocabulary';
import { CHOICE_IDS, type ChoiceId, type Vocabulary } from './vocabulary-types';

export { CHOICE_IDS, type ChoiceId, type PackUnit, type Vocabulary, type WordForms } from './vocabulary-types';

const byLocale: Record<Locale, Vocabulary> = { 'en-US': enUSVocabulary, 'de-DE': deDEVocabulary };

export function vocabularyFor(locale: Locale): Vocabulary {
  return byLocale[locale];
}

export function isChoiceId(id: string): id is ChoiceId {
  return (CHOICE_IDS as readonly string[]).includes(id);
}

function words(text: string): string[] {
  return text.toLowerCase().replace(/[^\p{L}\p{N}\s]/gu, ' ').split(/\s+/).filter(Boolean);
}

/**
 * The choice that the words are, and nothing more: "the less expensive one" is cheaper, "die größere" bigger. The
 * longest choice phrase wins ("less expensive" before any shorter phrase inside it), and only filler words may
 * remain, so "add the big bag of chips" is a product, not a choice among the milk just read out.
 */
export function choiceInWords(text: string, locale: Locale): ChoiceId | undefined {
  const vocabulary = vocabularyFor(locale);
  const said = words(text);
  const fillers = new Set(vocabulary.choiceFillers);
  const phrases = CHOICE_IDS.flatMap((id) => vocabulary.choices[id].map((phrase) => ({ id, phrase: words(phrase) })))
    .sort((a, b) => b.phrase.length - a.phrase.length);
  for (const { id, phrase } of phrases) {
    for (let start = 0; start + phrase.length <= said.length; start++) {
      if (!phrase.every((word, offset) => said[start + offset] === word)) continue;
      const rest = [...said.slice(0, start), ...said.slice(start + phrase.length)];
      if (rest.every((word) => fillers.has(word))) return id;
    }
  }
  return undefined;
}

/** The choice a slot carries: a resolved id the core knows first, then the words said. */
export function choiceOf(slot: SlotValue | undefined, locale: Locale): ChoiceId | undefined {
  if (!slot) return undefined;
  const resolved = slot.ids?.find(isChoiceId);
  return resolved ?? choiceInWords(slot.raw, locale);
}
