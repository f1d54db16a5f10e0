/**
 * The intent classifier: NLP.js's neural intent classifier over stemmed words, trained on the model's phrases with
 * their slots as placeholders. It is what carries an utterance no sample holds word for word ("read me my list for
 * shopping") to the intent whose samples share its words.
 */
import { containerBootstrap } from '@nlpjs/core';
import { LangDe } from '@nlpjs/lang-de';
import { LangEn } from '@nlpjs/lang-en-min';
import { Nlp } from '@nlpjs/nlp';
import type { Locale } from '../../skill/core/turn';

/** NLP.js's name for "no intent": what it answers when no word of the utterance was in any training phrase. */
export const NO_INTENT = 'None';

const LANGUAGES: Readonly<Record<Locale, { code: string; plugin: unknown }>> = {
  'en-US': { code: 'en', plugin: LangEn },
  'de-DE': { code: 'de', plugin: LangDe },
};

export interface IntentScore {
  intent: string;
  score: number;
}

export interface TrainingPhrase {
  intent: string;
  text: string;
}

/**
 * Past this many phrases an intent teaches a bag-of-words classifier nothing new: the expanded templates repeat the
 * same words in every order and combination ("put … on my list", "put … in my cart"). Training time grows with
 * the phrases, so each intent keeps every phrase that brings a word pair it has not had yet, then an even spread of
 * the rest up to this many.
 */
const PHRASES_PER_INTENT = 600;

/** The phrases to train on: no duplicates, and per intent every new word pair first, then an even spread. */
export function trainingSelection(phrases: readonly TrainingPhrase[]): TrainingPhrase[] {
  const byIntent = new Map<string, TrainingPhrase[]>();
  const seen = new Set<string>();
  for (const phrase of phrases) {
    const key = `${phrase.intent}\u0000${phrase.text}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byIntent.set(phrase.intent, [...(byIntent.get(phrase.intent) ?? []), phrase]);
  }
  const selected: TrainingPhrase[] = [];
  for (const intentPhrases of byIntent.values()) {
    const pairs = new Set<string>();
    const kept = new Set<TrainingPhrase>();
    for (const phrase of intentPhrases) {
      const words = phrase.text.split(' ');
      const pairsOfPhrase = words.map((word, at) => `${word} ${words[at + 1] ?? ''}`);
      if (pairsOfPhrase.some((pair) => !pairs.has(pair))) kept.add(phrase);
      for (const pair of pairsOfPhrase) pairs.add(pair);
    }
    const rest = intentPhrases.filter((phrase) => !kept.has(phrase));
    const spread = Math.min(rest.length, Math.max(0, PHRASES_PER_INTENT - kept.size));
    for (let at = 0; at < spread; at += 1) kept.add(rest[Math.floor((at * rest.length) / spread)]!);
    selected.push(...intentPhrases.filter((phrase) => kept.has(phrase)));
  }
  return selected;
}

export class IntentClassifier {
  private constructor(
    private readonly nlp: Nlp,
    private readonly language: string,
  ) {}

  static async train(locale: Locale, phrases: readonly TrainingPhrase[]): Promise<IntentClassifier> {
    const { code, plugin } = LANGUAGES[locale];
    const container = await containerBootstrap();
    container.use(plugin);
    // No threshold of NLP.js's own: it would hide the ranking behind "None", and understanding sets its own.
    const settings = { languages: [code], autoSave: false, autoLoad: false, calculateSentiment: false, forceNER: false, threshold: 0, nlu: { log: false } };
    const nlp = new Nlp(settings, container);
    for (const phrase of trainingSelection(phrases)) nlp.addDocument(code, phrase.text, phrase.intent);
    await nlp.train();
    return new IntentClassifier(nlp, code);
  }

  /** Intents best first, scores in [0, 1]; the top one is NO_INTENT when the utterance shares no word with the model. */
  async classify(text: string): Promise<IntentScore[]> {
    const result = await this.nlp.process(this.language, text);
    if (result.intent === NO_INTENT) return [{ intent: NO_INTENT, score: result.score }];
    const ranked = result.classifications.length > 0 ? result.classifications : [{ intent: result.intent, score: result.score }];
    return [...ranked].sort((a, b) => b.score - a.score);
  }
}
