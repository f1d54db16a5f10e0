/**
 * Matches an utterance against sample phrases word for word, the way virtual-alexa (and, for a phrase it was
 * trained on, a platform) does: literal words must be equal, and the words a {slot} takes must be a value of the
 * slot's type. A relaxed match also lets a product slot take words the catalog does not know, as a custom slot
 * type does on Alexa ("put hamburger on my list"), where the relaxed reader accepts them in their utterance.
 */
import type { SlotKind } from '../../interaction-models/source/types';
import type { ModelPhrase, PhraseItem } from './model-phrases';

export interface SampleMatch {
  intent: string;
  slots: Record<string, string>;
  /** How many literal words of the sample matched: the more, the more specific the sample. */
  literalWords: number;
  relaxed: boolean;
}

/** The slot's value when exactly these words fill it, or undefined. */
export type StrictSlotReader = (kind: SlotKind, words: readonly string[]) => string | undefined;

/**
 * The value a custom slot type would still accept for the utterance's words `start` to `end` (product words
 * outside the list), or undefined. It sees positions, not only words, so it can judge them in their utterance.
 */
export type RelaxedSlotReader = (kind: SlotKind, start: number, end: number) => string | undefined;

/** Product words outside the catalog longer than this are no product but a sentence. */
const MAX_RELAXED_SLOT_WORDS = 8;

interface IndexedPhrase extends ModelPhrase {
  literalWords: number;
  order: number;
}

export class SampleMatcher {
  private readonly byFirstWord = new Map<string, IndexedPhrase[]>();
  private readonly slotFirst: IndexedPhrase[] = [];

  constructor(
    phrases: readonly ModelPhrase[],
    private readonly strict: StrictSlotReader,
    /** The longest slot value, in words: bounding the search keeps a match linear in practice. */
    private readonly maxSlotWords: number,
  ) {
    phrases.forEach((phrase, order) => {
      const first = phrase.items[0];
      if (!first) return;
      const indexed = { ...phrase, order, literalWords: phrase.items.filter((item) => 'word' in item).length };
      if ('word' in first) this.byFirstWord.set(first.word, [...(this.byFirstWord.get(first.word) ?? []), indexed]);
      else this.slotFirst.push(indexed);
    });
  }

  /** The best match: strict before relaxed, then the sample with the most literal words, then the first written. */
  match(tokens: readonly string[], relaxedReader?: RelaxedSlotReader): SampleMatch | undefined {
    if (tokens.length === 0) return undefined;
    let best: (SampleMatch & { order: number }) | undefined;
    const candidates = [...(this.byFirstWord.get(tokens[0]!) ?? []), ...this.slotFirst];
    for (const relaxed of relaxedReader ? [undefined, relaxedReader] : [undefined]) {
      for (const phrase of candidates) {
        // A phrase of a slot alone ("{product}") takes anything when relaxed: only the slot's own values count there.
        if (relaxed && phrase.literalWords === 0) continue;
        const slots = this.matchItems(phrase.items, 0, tokens, 0, relaxed);
        if (!slots) continue;
        const better = !best || phrase.literalWords > best.literalWords || (phrase.literalWords === best.literalWords && phrase.order < best.order);
        if (better) best = { intent: phrase.intent, slots, literalWords: phrase.literalWords, relaxed: relaxed !== undefined, order: phrase.order };
      }
      if (best) break;
    }
    if (!best) return undefined;
    const { order: _order, ...match } = best;
    return match;
  }

  private matchItems(
    items: readonly PhraseItem[],
    itemAt: number,
    tokens: readonly string[],
    tokenAt: number,
    relaxed: RelaxedSlotReader | undefined,
  ): Record<string, string> | undefined {
    if (itemAt === items.length) return tokenAt === tokens.length ? {} : undefined;
    const item = items[itemAt]!;
    if ('word' in item) {
      return tokens[tokenAt] === item.word ? this.matchItems(items, itemAt + 1, tokens, tokenAt + 1, relaxed) : undefined;
    }
    const next = items[itemAt + 1];
    // Free text may run to the end of what was said ("tell them the box was wet and the eggs broke").
    const slotWords = item.kind === 'text' ? tokens.length : Math.max(this.maxSlotWords, relaxed ? MAX_RELAXED_SLOT_WORDS : 0);
    const lastEnd = Math.min(tokens.length, tokenAt + slotWords);
    for (let end = tokenAt + 1; end <= lastEnd; end += 1) {
      // The next literal word must come right after the slot: skip ends where it does not.
      if (next && 'word' in next && tokens[end] !== next.word) continue;
      if (!next && end !== tokens.length) continue;
      const value = this.strict(item.kind, tokens.slice(tokenAt, end)) ?? relaxed?.(item.kind, tokenAt, end);
      if (value === undefined) continue;
      const rest = this.matchItems(items, itemAt + 1, tokens, end, relaxed);
      if (rest) return { [item.slot]: value, ...rest };
    }
    return undefined;
  }
}
