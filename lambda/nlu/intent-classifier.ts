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

export class IntentClassifier {
  private constructor(
    private readonly nlp: Nlp,
    private readonly language: string,
  ) {}

  static async train(locale: Locale, phrases: readonly TrainingPhrase[]): Promise<IntentClassifier> {
    const { code, plugin } = LANGUAGES[locale];
    const container = await containerBootstrap();
    container.use(plugin);
    const nlp = new Nlp({ languages: [code], autoSave: false, autoLoad: false, calculateSentiment: false, forceNER: false, nlu: { log: false } }, container);
    // Phrases that read the same once their slots are placeholders teach nothing twice.
    const seen = new Set<string>();
    for (const phrase of phrases) {
      const key = `${phrase.intent}\u0000${phrase.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      nlp.addDocument(code, phrase.text, phrase.intent);
    }
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
