/**
 * Where an utterance holds slot material, and what it reads as: catalog products, measures and selection words
 * from the lexicon, ordinals and numbers through the core's own parsers. The spans also stand in for their words
 * when the utterance is classified ("add two cartons of oat milk" → "add xmeasure of xproduct"), the same way the
 * model's samples are written with {slot} references, so the classifier learns the phrasing around a slot and
 * not one product name.
 */
import { digitizeNumberWords } from '../../skill/core/catalog/spoken-numbers';
import { foldCharacters } from '../../skill/core/catalog/text-normalizer';
import { parseOrdinal } from '../../skill/core/conversation/numbers';
import type { Locale } from '../../skill/core/turn';
import type { SlotKind } from '../../interaction-models/source/types';
import type { SlotLexicon } from './slot-lexicon';

/**
 * A number of four digits reads as a PIN (AMAZON.FOUR_DIGIT_NUMBER), any other as a count. `message` is the free
 * text of a phrase ("tell them {message}"): no span finder produces it, a sample's slot stands for it.
 */
export type SpanKind = 'product' | 'measure' | 'choice' | 'problem' | 'ordinal' | 'number' | 'pin' | 'message';

export interface SlotSpan {
  kind: SpanKind;
  start: number;
  /** Index after the span's last word. */
  end: number;
  /** The words as said. */
  words: string;
  /** What the platform would put in the slot: digits for numbers, PINs and ordinals, the words otherwise. */
  value: string;
}

/** The word that stands for a span in classified text; letters only, so no tokenizer splits or stems it apart. */
export const PLACEHOLDERS: Readonly<Record<SpanKind, string>> = {
  product: 'xproduct',
  measure: 'xmeasure',
  choice: 'xchoice',
  problem: 'xproblem',
  ordinal: 'xordinal',
  number: 'xnumber',
  pin: 'xpin',
  message: 'xmessage',
};

/** "one hundred and five", "hundertundfünf": the word that may join two number words inside one number. */
const NUMBER_JOINERS: Readonly<Record<Locale, string>> = { 'en-US': 'and', 'de-DE': 'und' };

/** The digits a single word stands for ("two" → "2", "zwölf" → "12"), or undefined when it is no number word. */
function numberWordValue(word: string, locale: Locale): string | undefined {
  const [digits] = digitizeNumberWords([foldCharacters(word, locale)], locale);
  return digits !== undefined && /^\d+$/.test(digits) ? digits : undefined;
}

/** "second" → "2", "zweiten" → "2"; "last" and bare digits are not ordinals here ("last" is a selection word). */
function ordinalValue(word: string, locale: Locale): string | undefined {
  if (/^\d+$/.test(word)) return undefined;
  const position = parseOrdinal(word, locale);
  return position !== undefined && position > 0 ? String(position) : undefined;
}

/**
 * The slot spans of an utterance, left to right, longest phrase first. A catalog phrase made only of words the
 * model's samples say around their slots ("wipe" of "wipe my data", "dosen" of "vier Dosen") is read as those words:
 * the samples decide what such a word means.
 */
export function findSlotSpans(tokens: readonly string[], locale: Locale, lexicon: SlotLexicon, isCarrier: (word: string) => boolean = () => false): SlotSpan[] {
  const spans: SlotSpan[] = [];
  const span = (kind: SpanKind, start: number, end: number, value?: string) => {
    const words = tokens.slice(start, end).join(' ');
    spans.push({ kind, start, end, words, value: value ?? words });
  };
  let at = 0;
  while (at < tokens.length) {
    const match = lexicon.longestAt(tokens, at);
    if (match && !(match.kind === 'product' && tokens.slice(at, match.end).every(isCarrier))) {
      span(match.kind, at, match.end);
      at = match.end;
      continue;
    }
    const ordinal = ordinalValue(tokens[at]!, locale);
    if (ordinal !== undefined) {
      span('ordinal', at, at + 1, ordinal);
      at += 1;
      continue;
    }
    const numberEnd = numberRunEnd(tokens, at, locale);
    if (numberEnd > at) {
      const folded = tokens.slice(at, numberEnd).map((word) => foldCharacters(word, locale));
      const numbers = digitizeNumberWords(folded, locale).filter((token) => /^\d+$/.test(token));
      // "twenty twelve" reads as two numbers; said in one breath where a number belongs, it is one spoken PIN or count.
      const value = numbers.length === 1 ? numbers[0]! : numbers.join('');
      // A lone "one" or "eine" is mostly an article or a pronoun ("the first one", "ich brauche eine Milch"); as a
      // count it would say what a missing count says anyway.
      if (numberEnd - at > 1 || value !== '1') span(value.length === 4 ? 'pin' : 'number', at, numberEnd, value);
      at = numberEnd;
      continue;
    }
    at += 1;
  }
  return spans;
}

/** The end of the run of number words starting at `start` ("one hundred and five"), or `start` when there is none. */
function numberRunEnd(tokens: readonly string[], start: number, locale: Locale): number {
  let end = start;
  while (end < tokens.length) {
    if (numberWordValue(tokens[end]!, locale) !== undefined) {
      end += 1;
      continue;
    }
    const joinsTwoNumbers =
      end > start && tokens[end] === NUMBER_JOINERS[locale] && end + 1 < tokens.length && numberWordValue(tokens[end + 1]!, locale) !== undefined;
    if (!joinsTwoNumbers) break;
    end += 1;
  }
  return end;
}

/** The utterance with every span replaced by its placeholder, as the classifier reads it. */
export function withPlaceholders(tokens: readonly string[], spans: readonly SlotSpan[]): string[] {
  const out: string[] = [];
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    out.push(...tokens.slice(at, span.start), PLACEHOLDERS[span.kind]);
    at = span.end;
  }
  out.push(...tokens.slice(at));
  return out;
}

/**
 * What a slot of `kind` holds when exactly `words` fill it, or undefined when they are no value of that kind: the
 * check a platform's slot type makes before it matches a sample.
 */
export function slotValue(kind: SlotKind, words: readonly string[], locale: Locale, lexicon: SlotLexicon): string | undefined {
  const phrase = words.join(' ');
  switch (kind) {
    case 'product':
    case 'measure':
    case 'choice':
    case 'problem':
      return lexicon.has(kind, phrase) ? phrase : undefined;
    case 'text':
      // Free text takes whatever is said, as said; the sample's carrier words decide where it starts.
      return phrase.length > 0 ? phrase : undefined;
    case 'ordinal':
      if (words.length !== 1) return undefined;
      // "Number three": a count where a position is asked for names the position, as Alexa's ordinal slot hears it.
      return ordinalValue(words[0]!, locale) ?? slotValue('quantity', words, locale, lexicon);
    case 'quantity':
    case 'pin':
    case 'code': {
      if (words.length === 0 || numberRunEnd(words, 0, locale) !== words.length) return undefined;
      const numbers = digitizeNumberWords(words.map((word) => foldCharacters(word, locale)), locale);
      if (numbers.length !== 1 || !/^\d+$/.test(numbers[0]!)) {
        // A PIN is often said digit by digit in groups ("twelve thirty four"): its digits in order.
        if (kind === 'code') return numbers.join('').length === 6 && numbers.every((token) => /^\d+$/.test(token)) ? numbers.join('') : undefined;
        return kind === 'pin' && numbers.join('').length === 4 ? numbers.join('') : undefined;
      }
      if (kind === 'code') return numbers[0]!.length === 6 ? numbers[0] : undefined;
      return kind === 'pin' && numbers[0]!.length !== 4 ? undefined : numbers[0];
    }
  }
}
