/**
 * Self-repair in a spoken request: "uh, um, oat milk" is oat milk, "milk, no wait, oat milk" is oat milk, and
 * "add that" names no product but points back at the one just talked about. Applied to the product words of a
 * turn before any handler sees them, so every flow hears the request the shopper meant.
 */
import { repairWordsFor } from '../../i18n/repair-words';
import type { Locale, SlotValue, Turn } from '../../turn';

interface Word {
  said: string;
  /** Lower case, without the punctuation a recogniser or a typist puts around it. */
  plain: string;
}

function wordsOf(text: string): Word[] {
  return text
    .split(/\s+/)
    .filter((said) => said.length > 0)
    .map((said) => ({ said, plain: said.toLowerCase().replace(/^[.,!?;:…-]+|[.,!?;:…-]+$/g, '') }));
}

/** Where the phrase starts at word `at` (all its words in a row), compared without punctuation. */
function phraseAt(words: Word[], at: number, phrase: readonly string[]): boolean {
  return phrase.every((part, offset) => words[at + offset]?.plain === part);
}

/**
 * The product words the shopper meant: whatever follows the last correction ("no wait", "nein"), without the
 * hesitations. A correction with nothing after it takes nothing back. Empty when only hesitations were said.
 */
export function repairedWords(raw: string, locale: Locale): string {
  const { hesitations, corrections, courtesies } = repairWordsFor(locale);
  let words = wordsOf(raw);
  const fillers = new Set(hesitations);
  const courteous = new Set(courtesies);
  // A correction takes back what came before only when it is followed by something to ask for instead.
  const asksAfter = (at: number) => words.slice(at).some((word) => word.plain !== '' && !fillers.has(word.plain) && !courteous.has(word.plain));
  const phrases = corrections.map((phrase) => phrase.split(' '));
  let cut = -1;
  for (let at = 0; at < words.length; at += 1) {
    for (const phrase of phrases) {
      if (phraseAt(words, at, phrase) && asksAfter(at + phrase.length)) cut = Math.max(cut, at + phrase.length);
    }
  }
  if (cut > 0) words = words.slice(cut);
  const kept = words.filter((word) => !fillers.has(word.plain));
  // Punctuation inside stays ("eggs, milk and bread" is still a list); what only separated a repair goes.
  return kept.map((word) => word.said).join(' ').replace(/^[.,!?;:…\s-]+|[,;:…\s-]+$/g, '');
}

/** True when the words only point back ("that", "it", "das da") instead of naming a product. */
export function pointsBack(raw: string | undefined, locale: Locale): boolean {
  if (!raw) return false;
  const words = repairedWords(raw, locale).toLowerCase().replace(/[.,!?;:]/g, '').trim();
  return words.length > 0 && repairWordsFor(locale).pointers.includes(words);
}

/** The product slot as the shopper meant it; ids resolved from words that were taken back no longer count. */
function repairedSlot(slot: SlotValue | undefined, locale: Locale): SlotValue | undefined {
  if (!slot?.raw) return slot;
  const meant = repairedWords(slot.raw, locale);
  if (meant === slot.raw.trim()) return slot;
  return meant ? { raw: meant } : undefined;
}

/** The turn with its product words repaired; the same object when there was nothing to repair. */
export function repairTurn(turn: Turn): Turn {
  const product = turn.slots.product;
  if (!product) return turn;
  const repaired = repairedSlot(product, turn.locale);
  if (repaired === product) return turn;
  const { product: _said, ...others } = turn.slots;
  return { ...turn, slots: repaired ? { ...others, product: repaired } : others };
}
