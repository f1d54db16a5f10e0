/**
 * Offline language understanding for the local tools: the neutral interaction model (expanded by the generator) and
 * the product slot values the generator builds from the catalog, turned into an `Understanding` per locale.
 *
 * A turn is read in three steps, each a fallback for the one before:
 * 1. a sample of the model, word for word, with its slots holding values of their types: what a platform is sure
 *    to hear, slots included;
 * 2. the same with product words the catalog does not know, where the rest of a sample matches word for word;
 * 3. NLP.js's classifier on the utterance with its slot material as placeholders, and the slots read from the
 *    spans: the catalog finds the product, the core's parsers the numbers, measures and ordinals.
 * Training takes well under a second per locale and is kept per locale (and options) for the life of the process.
 */
import { fileURLToPath } from 'node:url';
import type { SlotKind } from '../../interaction-models/source/types';
import { readCatalog } from '../../interaction-models/generator/catalog-source';
import { productSlotValues } from '../../interaction-models/generator/product-values';
import { LOCALES, type Locale } from '../../skill/core/turn';
import { alexaModelPath, alexaModelPhrases } from './alexa-samples';
import { CarrierWords } from './carrier-words';
import { NluError } from './errors';
import { IntentClassifier, NO_INTENT, type TrainingPhrase } from './intent-classifier';
import { modelPhrases, slotKindsByIntent, type ModelPhrase } from './model-phrases';
import { productWords, type ProductWords } from './product-slot';
import { SampleMatcher, type SlotReader } from './sample-matcher';
import { buildSlotLexicon, type SlotLexicon } from './slot-lexicon';
import { findSlotSpans, PLACEHOLDERS, slotValue, withPlaceholders, type SlotSpan, type SpanKind } from './slot-spans';
import { spokenWords } from './spoken-text';
import type { Understanding, Understood, UnderstoodSlots } from './understanding';

export interface UnderstandingOptions {
  /** The catalog whose products fill the product slot (JSON, as skill/data/demo-catalog.json); the demo catalog by default. */
  catalogPath?: string;
  /** The generated Alexa interaction model that `exact` is checked against; the committed one of the locale by default. */
  alexaModelPath?: string;
  /** Below this classifier score an utterance is FallbackIntent. */
  minScore?: number;
}

export const FALLBACK_INTENT = 'FallbackIntent';

const DEFAULT_CATALOG = new URL('../../skill/data/demo-catalog.json', import.meta.url);
const DEFAULT_MIN_SCORE = 0.5;
/** A match that needed product words outside the catalog is a little less certain than one word for word. */
const RELAXED_MATCH_SCORE = 0.9;

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
  const reader = slotReader(locale, lexicon, carriers);
  const classifier = await IntentClassifier.train(locale, phrases.map((phrase) => trainingPhrase(phrase, locale, lexicon)));
  return new ModelUnderstanding(locale, {
    lexicon,
    carriers,
    classifier,
    model: new SampleMatcher(phrases, reader),
    alexa: new SampleMatcher(alexaModelPhrases(locale, options.alexaModelPath ?? alexaModelPath(locale)), reader),
    slotKinds: slotKindsByIntent(),
    minScore: options.minScore ?? DEFAULT_MIN_SCORE,
  });
}

/** Each slot reads as the placeholder its material gets in an utterance, so phrase and utterance look alike. */
const PLACEHOLDER_OF_SLOT: Readonly<Record<SlotKind, SpanKind>> = {
  product: 'product',
  quantity: 'number',
  measure: 'measure',
  choice: 'choice',
  ordinal: 'ordinal',
  pin: 'pin',
};

/** A model phrase as the classifier reads it: its words through the same span finder as an utterance's. */
function trainingPhrase(phrase: ModelPhrase, locale: Locale, lexicon: SlotLexicon): TrainingPhrase {
  const text: string[] = [];
  let words: string[] = [];
  const flush = () => {
    text.push(...withPlaceholders(words, findSlotSpans(words, locale, lexicon)));
    words = [];
  };
  for (const item of phrase.items) {
    if ('word' in item) {
      words.push(item.word);
      continue;
    }
    flush();
    text.push(PLACEHOLDERS[PLACEHOLDER_OF_SLOT[item.kind]]);
  }
  flush();
  return { intent: phrase.intent, text: text.join(' ') };
}

function slotReader(locale: Locale, lexicon: SlotLexicon, carriers: CarrierWords): SlotReader {
  return {
    strict: (kind, words) => slotValue(kind, words, locale, lexicon),
    relaxed: (kind, words) => {
      if (kind !== 'product' || words.length === 0) return undefined;
      if (carriers.has(words[0]!) || carriers.has(words.at(-1)!)) return undefined;
      // Numbers and measures belong to slots of their own ("two cartons of oat milk"): a sample with them says so.
      const others = findSlotSpans(words, locale, lexicon).filter((span) => span.kind !== 'product' && span.kind !== 'choice');
      return others.length === 0 ? words.join(' ') : undefined;
    },
  };
}

interface Parts {
  lexicon: SlotLexicon;
  carriers: CarrierWords;
  classifier: IntentClassifier;
  model: SampleMatcher;
  alexa: SampleMatcher;
  slotKinds: Map<string, Map<string, SlotKind>>;
  minScore: number;
}

class ModelUnderstanding implements Understanding {
  constructor(
    readonly locale: Locale,
    private readonly parts: Parts,
  ) {}

  async understand(utterance: string): Promise<Understood> {
    const tokens = spokenWords(utterance, this.locale);
    const exact = this.parts.alexa.match(tokens) !== undefined;
    const fallback: Understood = { utterance, intent: FALLBACK_INTENT, slots: {}, score: 0, exact };
    if (tokens.length === 0) return fallback;

    const sample = this.parts.model.match(tokens, true);
    if (sample) return { utterance, intent: sample.intent, slots: sample.slots, score: sample.relaxed ? RELAXED_MATCH_SCORE : 1, exact };

    const spans = findSlotSpans(tokens, this.locale, this.parts.lexicon);
    const product = productWords(tokens, spans, this.parts.carriers);
    const productSpan: SlotSpan[] =
      product && !product.fromCatalog ? [{ kind: 'product', start: product.start, end: product.end, words: product.words, value: product.words }] : [];
    const [top] = await this.parts.classifier.classify(withPlaceholders(tokens, [...spans, ...productSpan]).join(' '));
    if (!top || top.intent === NO_INTENT || top.score < this.parts.minScore) return { ...fallback, score: top?.intent === NO_INTENT ? 0 : (top?.score ?? 0) };
    const kinds = this.parts.slotKinds.get(top.intent) ?? new Map<string, SlotKind>();
    if (kinds.has('product') && product && this.unknownWordsAlone(tokens, product)) return fallback;
    return { utterance, intent: top.intent, slots: slotsFor(kinds, spans, product), score: top.score, exact };
  }

  /**
   * Words the shop does not know, said with nothing around them ("blorf zek"), are no request: a product outside
   * the catalog counts only where the rest of the utterance asks for something ("put blorf on my list").
   */
  private unknownWordsAlone(tokens: readonly string[], product: ProductWords): boolean {
    if (product.fromCatalog) return false;
    const saidAround = tokens.length - (product.end - product.start) > 0;
    return !saidAround && !product.words.split(' ').every((word) => this.parts.lexicon.knowsWord(word));
  }
}

function slotsFor(kinds: ReadonlyMap<string, SlotKind>, spans: readonly SlotSpan[], product: ProductWords | undefined): UnderstoodSlots {
  const slots: UnderstoodSlots = {};
  const outsideProduct = spans.filter((span) => !product || span.end <= product.start || span.start >= product.end);
  const first = (...wanted: SpanKind[]) => outsideProduct.find((span) => wanted.includes(span.kind))?.value;
  for (const [name, kind] of kinds) {
    let value: string | undefined;
    switch (kind) {
      case 'product':
        value = product?.words;
        break;
      case 'quantity':
        value = first('number');
        break;
      case 'pin':
        value = first('pin', 'number');
        break;
      case 'measure':
        value = first('measure');
        break;
      case 'ordinal':
        value = first('ordinal');
        break;
      case 'choice':
        value = first('choice');
        break;
    }
    if (value !== undefined) slots[name] = value;
  }
  return slots;
}
