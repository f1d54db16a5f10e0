/**
 * Words that carry a request but name no product: every word the model's samples say around their slots ("please",
 * "add", "to", "my", "grocery", "list", "für", "mich"), the core's filler words, and a few a typed or spoken turn
 * adds that no sample needs (the wake word, hesitations). What is left of an utterance after them is the product.
 */
import { optionalCarrierWords } from '../../interaction-models/source/vocabulary';
import { isFillerWord } from '../../skill/core/catalog/filler-words';
import { foldCharacters } from '../../skill/core/catalog/text-normalizer';
import type { Locale } from '../../skill/core/turn';
import type { ModelPhrase } from './model-phrases';

/**
 * Said around a request rather than in it: the wake word people type out of habit, hesitations a recogniser
 * transcribes, particles that soften a request, and when ("i need milk tomorrow"). Written here because no sample
 * needs them.
 */
const DISCOURSE_WORDS: Readonly<Record<Locale, readonly string[]>> = {
  'en-US': ['alexa', 'hey', 'ok', 'um', 'uh', 'er', 'hmm', 'oh', 'well', 'so', 'just', 'also', 'too', 'thanks', 'thank', 'actually', 'maybe',
    'today', 'tonight', 'tomorrow', 'later', 'soon', 'asap', 'week', 'weekend'],
  'de-DE': ['alexa', 'hey', 'ok', 'äh', 'ähm', 'hm', 'also', 'mal', 'doch', 'bitte', 'noch', 'auch', 'danke', 'schon', 'eben', 'drauf', 'dazu', 'rein',
    'heute', 'morgen', 'später', 'gleich', 'nachher', 'woche', 'wochenende'],
};

/**
 * Politeness and particles a shopper adds anywhere without changing what they ask ("milk please", "zeig mal meine
 * Liste"). Samples hold them only in some places, so a turn that matches no sample is tried again without them.
 * The model's optional carriers are the list; the extras are words no sample carries.
 */
const POLITENESS: Readonly<Record<Locale, ReadonlySet<string>>> = {
  'en-US': new Set([...optionalCarrierWords('en-US'), 'kindly', 'alexa']),
  'de-DE': new Set([...optionalCarrierWords('de-DE'), 'doch', 'alexa']),
};
/** Second words of polite pairs: "thank you", "danke schön", "bitte schön". */
const POLITE_PAIRS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'en-US': { thank: 'you' },
  'de-DE': { danke: 'schön', bitte: 'schön' },
};

export function withoutPoliteness(tokens: readonly string[], locale: Locale): string[] {
  const out: string[] = [];
  for (let at = 0; at < tokens.length; at += 1) {
    const word = tokens[at]!;
    if (POLITE_PAIRS[locale][word] !== undefined && tokens[at + 1] === POLITE_PAIRS[locale][word]) {
      at += 1;
      continue;
    }
    if (!POLITENESS[locale].has(word)) out.push(word);
  }
  return out;
}

export class CarrierWords {
  private readonly words: Set<string>;

  constructor(
    phrases: readonly ModelPhrase[],
    private readonly locale: Locale,
  ) {
    this.words = new Set(DISCOURSE_WORDS[locale]);
    for (const phrase of phrases) for (const item of phrase.items) if ('word' in item) this.words.add(item.word);
  }

  has(word: string): boolean {
    return this.words.has(word) || isFillerWord(foldCharacters(word, this.locale), this.locale);
  }
}
