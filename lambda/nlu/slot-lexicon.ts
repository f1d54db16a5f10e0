/**
 * The words the model's own slot types hold, as phrases to find in an utterance: every product slot value and
 * synonym the generator builds from the catalog, every measure ("two pounds", "six cartons") and every selection
 * word ("the cheaper one"). They are the same lists the platforms are given, so a phrase found here is one Alexa's
 * and Dialogflow's entity matching would also recognise.
 */
import { measureValues } from '../../interaction-models/generator/measure-values';
import type { ProductSlotValue } from '../../interaction-models/generator/product-values';
import { CHOICES, ORDER_PROBLEMS } from '../../interaction-models/source/vocabulary';
import type { Locale } from '../../skill/core/turn';
import { spokenForm } from './spoken-text';

export type LexiconKind = 'product' | 'measure' | 'choice' | 'problem';

/**
 * Which kind wins when a phrase is in more than one list: a measure is more specific than a product word, and a
 * product named in the catalog more specific than a selection word or a problem word.
 */
const PRIORITY: readonly LexiconKind[] = ['measure', 'product', 'choice', 'problem'];

export interface LexiconMatch {
  kind: LexiconKind;
  /** Index after the last word of the phrase. */
  end: number;
}

export class SlotLexicon {
  private readonly kindsByPhrase = new Map<string, Set<LexiconKind>>();
  private readonly words = new Set<string>();
  private longest = 0;

  add(kind: LexiconKind, phrase: string): void {
    if (phrase.length === 0) return;
    const kinds = this.kindsByPhrase.get(phrase) ?? new Set<LexiconKind>();
    kinds.add(kind);
    this.kindsByPhrase.set(phrase, kinds);
    const words = phrase.split(' ');
    for (const word of words) this.words.add(word);
    this.longest = Math.max(this.longest, words.length);
  }

  /** Whether the phrase (spoken words, one space apart) is a value of that kind. */
  has(kind: LexiconKind, phrase: string): boolean {
    return this.kindsByPhrase.get(phrase)?.has(kind) ?? false;
  }

  /** How many words the longest phrase has. */
  get longestPhrase(): number {
    return this.longest;
  }

  /** Whether a word occurs in any value: a word the shop's vocabulary knows, even when not a whole name. */
  knowsWord(word: string): boolean {
    return this.words.has(word);
  }

  /** The longest phrase of the lexicon starting at `start`, or undefined. */
  longestAt(tokens: readonly string[], start: number): LexiconMatch | undefined {
    for (let end = Math.min(tokens.length, start + this.longest); end > start; end -= 1) {
      const kinds = this.kindsByPhrase.get(tokens.slice(start, end).join(' '));
      if (!kinds) continue;
      const kind = PRIORITY.find((candidate) => kinds.has(candidate))!;
      return { kind, end };
    }
    return undefined;
  }
}

export function buildSlotLexicon(productValues: readonly ProductSlotValue[], locale: Locale): SlotLexicon {
  const lexicon = new SlotLexicon();
  // The generator writes values in spoken form already; reading them through spokenForm again keeps a value and a
  // typed utterance in one form even where the two differ in an apostrophe.
  const add = (kind: LexiconKind, phrase: string) => lexicon.add(kind, spokenForm(phrase, locale));
  for (const value of productValues) for (const phrase of [value.name, ...value.synonyms]) add('product', phrase);
  for (const value of measureValues(locale)) for (const phrase of [value.name, ...value.synonyms]) add('measure', phrase);
  for (const choice of CHOICES) for (const phrase of choice.words[locale]) add('choice', phrase);
  for (const problem of ORDER_PROBLEMS) for (const phrase of problem.words[locale]) add('problem', phrase);
  return lexicon;
}
