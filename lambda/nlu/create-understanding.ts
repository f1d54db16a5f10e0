/**
 * Offline language understanding for the local tools: the neutral interaction model (expanded by the generator) and
 * the product slot values the generator builds from the catalog, turned into an `Understanding` per locale
 * (model-understanding.ts reads the turns). Building one takes about a second and a half of CPU, most of it NLP.js's
 * training; it is kept per locale (and options) for the life of the process.
 */
import { fileURLToPath } from 'node:url';
import { readCatalog } from '../../interaction-models/generator/catalog-source';
import { productSlotValues } from '../../interaction-models/generator/product-values';
import { LOCALES, type Locale } from '../../skill/core/turn';
import { alexaModelPath, alexaModelPhrases } from './alexa-samples';
import { CarrierWords } from './carrier-words';
import { NluError } from './errors';
import { IntentClassifier } from './intent-classifier';
import { modelPhrases, slotKindsByIntent } from './model-phrases';
import { ModelUnderstanding } from './model-understanding';
import type { ModelPhrase } from './model-phrases';
import { SampleMatcher, type StrictSlotReader } from './sample-matcher';
import { buildSlotLexicon } from './slot-lexicon';
import { slotValue } from './slot-spans';
import { TellingWords } from './telling-words';
import { trainingPhraseReader } from './training-phrases';
import type { Understanding } from './understanding';

export interface UnderstandingOptions {
  /** The catalog whose products fill the product slot (JSON, as skill/data/demo-catalog.json); the demo catalog by default. */
  catalogPath?: string;
  /** The generated Alexa interaction model that `exact` is checked against; the committed one of the locale by default. */
  alexaModelPath?: string;
  /** Below this classifier score an utterance is FallbackIntent. */
  minScore?: number;
}

const DEFAULT_CATALOG = new URL('../../skill/data/demo-catalog.json', import.meta.url);
/**
 * NLP.js's scores run high: on the development set's tuning half, utterances it got right scored 0.83 and more,
 * the out-of-domain ones it forced onto an intent (weather, jokes) 0.6 or less.
 */
const DEFAULT_MIN_SCORE = 0.7;

const cache = new Map<string, Promise<Understanding>>();

export function createUnderstanding(locale: Locale, options: UnderstandingOptions = {}): Promise<Understanding> {
  if (!LOCALES.includes(locale)) return Promise.reject(new NluError(`unknown locale "${String(locale)}": one of ${LOCALES.join(', ')}`));
  const key = JSON.stringify([locale, options.catalogPath, options.alexaModelPath, options.minScore]);
  let understanding = cache.get(key);
  if (!understanding) {
    understanding = trainUnderstanding(locale, options);
    // A failed build is not kept: the next call tries again (the model file may have been written meanwhile).
    understanding.catch(() => cache.delete(key));
    cache.set(key, understanding);
  }
  return understanding;
}

async function trainUnderstanding(locale: Locale, options: UnderstandingOptions): Promise<Understanding> {
  let catalog;
  const catalogPath = options.catalogPath ?? fileURLToPath(DEFAULT_CATALOG);
  try {
    catalog = readCatalog(catalogPath);
  } catch (cause) {
    throw new NluError(`cannot read the catalog ${catalogPath}`, { cause });
  }
  const lexicon = buildSlotLexicon(productSlotValues(catalog, locale), locale);
  const phrases = modelPhrases(locale);
  const carriers = new CarrierWords(phrases, locale);
  const strict: StrictSlotReader = (kind, words) => slotValue(kind, words, locale, lexicon);
  // A PIN said digit by digit is four words; a count ("one hundred and twenty") a few more.
  const slotWords = Math.max(lexicon.longestPhrase, 6);
  const classifier = await IntentClassifier.train(locale, phrases.map(trainingPhraseReader(locale, lexicon, carriers)));
  return new ModelUnderstanding(locale, {
    lexicon,
    carriers,
    classifier,
    model: new SampleMatcher(phrases, strict, slotWords),
    alexa: new SampleMatcher(alexaModelPhrases(locale, options.alexaModelPath ?? alexaModelPath(locale)), strict, slotWords),
    slotKinds: slotKindsByIntent(),
    telling: new TellingWords(phrases),
    answerWords: oneWordAnswers(phrases),
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
  });
}

/** The model's one-word yes and no samples ("yes", "yep", "ja", "nein"). */
function oneWordAnswers(phrases: readonly ModelPhrase[]): Set<string> {
  const words = new Set<string>();
  for (const phrase of phrases) {
    const [only] = phrase.items;
    if ((phrase.intent === 'YesIntent' || phrase.intent === 'NoIntent') && phrase.items.length === 1 && only && 'word' in only) words.add(only.word);
  }
  return words;
}
