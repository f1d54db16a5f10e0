/**
 * Words that tell intents apart: a word the model's samples use in only a few intents ("add", "remind", "storniere")
 * says what the shopper wants; one they use everywhere ("my", "the", "please", "mir") does not. An intent the
 * classifier picks for an utterance that holds none of that intent's telling words and none of its slots ("tell me a
 * joke" taken for DeleteMyDataIntent) is no request the model knows: the classifier only ever weighs the words it
 * knows, and here those are "me" and "a".
 */
import type { ModelPhrase } from './model-phrases';

/**
 * In more intents than this (a quarter of the model's), a word no longer tells them apart: "list" (read, add,
 * remove, clear, check out, reminders) still narrows a request down, "my" and "please" do not.
 */
const MAX_INTENTS_OF_A_TELLING_WORD = 6;

export class TellingWords {
  private readonly intentsByWord = new Map<string, Set<string>>();

  constructor(phrases: readonly ModelPhrase[]) {
    for (const phrase of phrases) {
      for (const item of phrase.items) {
        if (!('word' in item)) continue;
        const intents = this.intentsByWord.get(item.word) ?? new Set<string>();
        intents.add(phrase.intent);
        this.intentsByWord.set(item.word, intents);
      }
    }
  }

  /** Whether every word is one the model's samples say somewhere (no slot material, nothing from outside the shop). */
  allKnown(words: readonly string[]): boolean {
    return words.every((word) => this.intentsByWord.has(word));
  }

  /**
   * Whether the word is `intent`'s nearly alone: said by its samples and at most one other intent's ("menschen",
   * "representative"; "mitarbeiter", which "sag dem Mitarbeiter …" shares), not by the many that say "mir" or "einen".
   */
  isOwn(word: string, intent: string): boolean {
    const intents = this.intentsByWord.get(word);
    return intents !== undefined && intents.size <= 2 && intents.has(intent);
  }

  /** Whether the word tells intents apart and is one of `intent`'s own words. */
  tells(word: string, intent: string): boolean {
    const intents = this.intentsByWord.get(word);
    return intents !== undefined && intents.size <= MAX_INTENTS_OF_A_TELLING_WORD && intents.has(intent);
  }
}
