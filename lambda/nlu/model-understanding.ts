/**
 * One typed or recognised turn → the neutral model's intent and slots, in three steps, each a fallback for the one
 * before:
 * 1. a sample of the model, word for word, with its slots holding values of their types: what a platform is sure
 *    to hear, slots included;
 * 2. the same with product words the catalog does not know, where the rest of a sample matches word for word;
 * 3. NLP.js's classifier on the utterance with its slot material as placeholders, kept only where the utterance
 *    backs the intent it picks; the slots are read from the spans: the catalog finds the product, the core's
 *    parsers the numbers, measures and ordinals.
 */
import type { SlotKind } from '../../interaction-models/source/types';
import type { Locale } from '../../skill/core/turn';
import { withoutPoliteness, type CarrierWords } from './carrier-words';
import { type IntentClassifier, type IntentScore, NO_INTENT } from './intent-classifier';
import { withoutInvocation } from './invocation';
import { isJoiningWord, productWords, splitAmount, type ProductWords } from './product-slot';
import type { RelaxedSlotReader, SampleMatcher } from './sample-matcher';
import type { SlotLexicon } from './slot-lexicon';
import { findSlotSpans, withPlaceholders, type SlotSpan, type SpanKind } from './slot-spans';
import { spokenWords } from './spoken-text';
import type { TellingWords } from './telling-words';
import type { Understanding, Understood, UnderstoodSlots } from './understanding';

export const FALLBACK_INTENT = 'FallbackIntent';
/** What "open vocart shop" with nothing after it is: the model's launch (a LaunchRequest on Alexa). */
export const LAUNCH_INTENT = 'WelcomeIntent';

/**
 * A yes or a no is an answer and nothing more: read from the classifier, it stands only when every word of the
 * utterance is a word of the model. "mach das Licht an" holds the yes "mach das" but is no yes, and a simulated yes
 * that nobody said could confirm an order.
 */
const BARE_ANSWER_INTENTS: ReadonlySet<string> = new Set(['YesIntent', 'NoIntent']);

/**
 * Intents whose words must be their own when the classifier picks them: asking for a person opens a case a person
 * reads, so "erzähl mir einen Witz" (which shares "mir" and "einen" with "ich brauche einen Mitarbeiter") is no such
 * request.
 */
const OWN_WORDS_INTENTS: ReadonlySet<string> = new Set(['HumanHandoffIntent']);

/**
 * Intents only a sample may give: a reply to a person carries the shopper's words, and only a sample's carrier words
 * say where they start. The classifier's guess ("tell me a joke" shares "tell" with "tell them …") would pass on words
 * nobody meant for a person.
 */
const SAMPLE_ONLY_INTENTS: ReadonlySet<string> = new Set(['HandoffReplyIntent']);

/** A match that needed product words outside the catalog is a little less certain than one word for word. */
const RELAXED_MATCH_SCORE = 0.9;

/** The slot kind a span's material fills; a PIN-length number can still be a count. */
const SLOT_OF_SPAN: Readonly<Record<SpanKind, SlotKind>> = {
  product: 'product',
  number: 'quantity',
  measure: 'measure',
  choice: 'choice',
  problem: 'problem',
  ordinal: 'ordinal',
  pin: 'pin',
  message: 'text',
};

/**
 * Product words outside the catalog, where the rest of a sample matches word for word: not where another slot's
 * material is (that sample's phrasing has a slot for it), and made of words that are not carriers, joined at most
 * by a joining word ("hamburger buns and relish").
 */
function relaxedProductReader(tokens: readonly string[], spans: readonly SlotSpan[], carriers: CarrierWords): RelaxedSlotReader {
  return (kind, start, end) => {
    if (kind !== 'product') return undefined;
    const words = tokens.slice(start, end);
    if (isJoiningWord(words[0]!) || isJoiningWord(words.at(-1)!)) return undefined;
    if (words.some((word) => carriers.has(word) && !isJoiningWord(word))) return undefined;
    const cutsAnotherSlot = spans.some((span) => span.kind !== 'product' && span.start < end && span.end > start);
    return cutsAnotherSlot ? undefined : words.join(' ');
  };
}

export interface UnderstandingParts {
  lexicon: SlotLexicon;
  carriers: CarrierWords;
  classifier: IntentClassifier;
  model: SampleMatcher;
  alexa: SampleMatcher;
  slotKinds: Map<string, Map<string, SlotKind>>;
  telling: TellingWords;
  minScore: number;
  /** One-word answers ("yes", "ja", "nope"): said before a request ("ja, setz Milch auf die Liste") they ask nothing. */
  answerWords?: ReadonlySet<string>;
}

export class ModelUnderstanding implements Understanding {
  constructor(
    readonly locale: Locale,
    private readonly parts: UnderstandingParts,
  ) {}

  async understand(utterance: string): Promise<Understood> {
    const { lexicon, carriers, alexa, classifier, slotKinds, minScore } = this.parts;
    const { words: tokens, invoked } = withoutInvocation(spokenWords(utterance, this.locale), this.locale);
    const exact = alexa.match(tokens) !== undefined;
    const fallback: Understood = { utterance, intent: FALLBACK_INTENT, slots: {}, score: 0, exact };
    if (tokens.length === 0) return invoked ? { ...fallback, intent: LAUNCH_INTENT, score: 1 } : fallback;
    const spans = findSlotSpans(tokens, this.locale, lexicon, (word) => carriers.has(word));

    const sample = this.sampleMatch(tokens, spans);
    if (sample) {
      const slots = this.withoutAmount(sample.slots, slotKinds.get(sample.intent));
      return { utterance, intent: sample.intent, slots, score: sample.score, exact };
    }

    if (this.mostlyUnknown(tokens, spans)) return fallback;
    const product = productWords(tokens, spans, carriers);
    // Words outside the catalog stand for a product to the classifier only where the shop knows them as words
    // ("hamburger" of "hamburger buns"); others it ignores, as it ignores any word it was not trained on.
    const productSpan: SlotSpan[] =
      product && !product.fromCatalog && this.shopKnows(product)
        ? [{ kind: 'product', start: product.start, end: product.end, words: product.words, value: product.words }]
        : [];
    // Such words may as well describe something else ("read back my list", "clear the whole list"): read both ways,
    // the more certain reading wins. Politeness says nothing about the intent and only spreads the classifier's
    // certainty over every intent whose samples say "please", so the classifier does not hear it.
    const classify = async (reading: SlotSpan[]) => {
      const words = withPlaceholders(tokens, reading);
      const plain = withoutPoliteness(words, this.locale);
      return (await classifier.classify((plain.length > 0 ? plain : words).join(' ')))[0];
    };
    const readings = await Promise.all(productSpan.length > 0 ? [classify([...spans, ...productSpan]), classify(spans)] : [classify(spans)]);
    const top = readings.reduce<IntentScore | undefined>((best, reading) => (reading && (!best || reading.score > best.score) ? reading : best), undefined);
    if (!top || top.intent === NO_INTENT) return fallback;
    // An unsure reading keeps its score as the fallback's, as before there was a guess to go with it.
    const refused = top.score < minScore ? { ...fallback, score: top.score } : fallback;
    if (SAMPLE_ONLY_INTENTS.has(top.intent)) return refused;
    const kinds = slotKinds.get(top.intent);
    if (!this.backs(top.intent, kinds, tokens, spans, product)) return refused;
    if (BARE_ANSWER_INTENTS.has(top.intent) && !this.parts.telling.allKnown(tokens)) return refused;
    // Never a guessed yes or no: a simulated yes nobody said could confirm an order.
    if (BARE_ANSWER_INTENTS.has(top.intent) && top.score < minScore) return refused;
    const slots = this.withoutAmount(slotsFor(kinds ?? new Map(), spans, product), kinds);
    // Below the threshold it is no match here, but a platform with a lower one (Dialogflow's agent) would take it.
    if (top.score < minScore) return { ...fallback, score: top.score, guess: { intent: top.intent, slots, score: top.score } };
    return { utterance, intent: top.intent, slots, score: top.score, exact };
  }

  /** A sample the utterance is, or is but for its politeness ("milk please" is the sample "{product}"). */
  private sampleMatch(tokens: readonly string[], spans: readonly SlotSpan[]): { intent: string; slots: UnderstoodSlots; score: number } | undefined {
    const { model, carriers, lexicon } = this.parts;
    const match = model.match(tokens, relaxedProductReader(tokens, spans, carriers));
    if (match) return { ...match, score: match.relaxed ? RELAXED_MATCH_SCORE : 1 };
    const plain = withoutPoliteness(tokens, this.locale);
    if (plain.length === 0) return undefined;
    const matchOf = (words: readonly string[]) => model.match(words, relaxedProductReader(words, findSlotSpans(words, this.locale, lexicon, (word) => carriers.has(word)), carriers));
    const plainMatch = plain.length < tokens.length ? matchOf(plain) : undefined;
    if (plainMatch) return { ...plainMatch, score: RELAXED_MATCH_SCORE };
    // "Ja, setz Milch auf die Liste": the request after a one-word answer, when it is a request of its own (a sample
    // with words, not a bare product: "ja Milch" stays the classifier's to read) and not another answer.
    if (!this.parts.answerWords?.has(plain[0]!) || plain.length < 2) return undefined;
    const request = matchOf(plain.slice(1));
    return request && request.literalWords > 0 && !BARE_ANSWER_INTENTS.has(request.intent) ? { ...request, score: RELAXED_MATCH_SCORE } : undefined;
  }

  /**
   * Fewer than half the words known to the model (as carriers, slot material or words of the catalog) is no
   * shopping request ("blorf zek, bitte"), however the classifier would rank the words it knows.
   */
  private mostlyUnknown(tokens: readonly string[], spans: readonly SlotSpan[]): boolean {
    const inSpan = new Set(spans.flatMap((span) => Array.from({ length: span.end - span.start }, (_, offset) => span.start + offset)));
    const known = tokens.filter((word, at) => inSpan.has(at) || this.parts.carriers.has(word) || this.parts.lexicon.knowsWord(word)).length;
    return known * 2 < tokens.length;
  }

  /** Product words from the catalog, or made of words the catalog's names use ("hamburger" of "hamburger buns"). */
  private shopKnows(product: ProductWords): boolean {
    return product.fromCatalog || product.words.split(' ').every((word) => this.parts.lexicon.knowsWord(word) || isJoiningWord(word));
  }

  /**
   * Whether the utterance holds something of the intent itself: one of its telling words, or material for one of its
   * slots (a count only where it takes a count, product words only where it takes a product).
   */
  private backs(
    intent: string,
    kinds: ReadonlyMap<string, SlotKind> | undefined,
    tokens: readonly string[],
    spans: readonly SlotSpan[],
    product: ProductWords | undefined,
  ): boolean {
    if (OWN_WORDS_INTENTS.has(intent)) return tokens.some((word) => this.parts.telling.isOwn(word, intent));
    if (tokens.some((word) => this.parts.telling.tells(word, intent))) return true;
    const takes = new Set(kinds?.values() ?? []);
    if (takes.has('product') && product && this.shopKnows(product)) return true;
    return spans.some((span) => takes.has(SLOT_OF_SPAN[span.kind]) || (span.kind === 'pin' && takes.has('quantity')));
  }

  /** The product slot without the amount the core reads by itself; that amount goes to the measure slot when it is one. */
  private withoutAmount(slots: UnderstoodSlots, kinds: ReadonlyMap<string, SlotKind> | undefined): UnderstoodSlots {
    const words = slots.product;
    if (words === undefined) return slots;
    const { product, amount } = splitAmount(words, this.locale);
    const out: UnderstoodSlots = { ...slots, product };
    const measure = [...(kinds ?? [])].find(([, kind]) => kind === 'measure')?.[0];
    if (amount && measure && out[measure] === undefined && this.parts.lexicon.has('measure', amount)) out[measure] = amount;
    return out;
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
      case 'code':
        value = first('number', 'pin');
        break;
      case 'measure':
        value = first('measure');
        break;
      case 'ordinal':
        // "number three", "the 2 please": a count where a position is asked for names the position.
        value = first('ordinal') ?? first('number');
        break;
      case 'choice':
        value = first('choice');
        break;
      case 'problem':
        value = first('problem');
        break;
      case 'text':
        // Free text comes from a sample's carrier words only (sampleMatch); the classifier cannot say where it starts.
        break;
    }
    if (value !== undefined) slots[name] = value;
  }
  return slots;
}
