/**
 * The product words of an utterance whose intent takes a product: a catalog phrase where there is one, widened by
 * the words next to it that carry nothing ("vanilla" + "oat milk"); otherwise the longest run of words that are
 * neither carriers nor another slot ("put hamburger on my grocery list" → "hamburger"). Carriers around the product
 * ("please", "to my list", "for me") never end up in it, and neither does an amount the core reads on its own
 * ("a bag of rice" → "rice").
 */
import { parseProductRequest } from '../../skill/core/catalog/product-request';
import { LOCALES, type Locale } from '../../skill/core/turn';
import { vocabularyFor } from '../../skill/core/i18n/vocabulary';
import type { CarrierWords } from './carrier-words';
import type { SlotSpan } from './slot-spans';

/**
 * Words that join two product words into one request: the core's list joiners ("milk and eggs", "Brot und Butter";
 * the core splits the request at them again), and the words that make two product words one product ("coffee with
 * milk", "Salz oder Pfeffer"). Across both locales: an utterance's locale is not known here, and neither set's words
 * are product words in the other language.
 */
const JOINING_WORDS: ReadonlySet<string> = new Set([...LOCALES.flatMap((locale) => vocabularyFor(locale).listJoiners), 'or', 'oder', 'with', 'mit']);

export function isJoiningWord(word: string): boolean {
  return JOINING_WORDS.has(word);
}

type Role = 'product' | 'free' | 'carrier' | 'other-slot';

export interface ProductWords {
  words: string;
  /** Whether a catalog phrase anchors the words, or only their not being carriers does. */
  fromCatalog: boolean;
  start: number;
  end: number;
}

export function productWords(tokens: readonly string[], spans: readonly SlotSpan[], carriers: CarrierWords): ProductWords | undefined {
  const roles: Role[] = tokens.map((word) => (carriers.has(word) ? 'carrier' : 'free'));
  for (const span of spans) for (let at = span.start; at < span.end; at += 1) roles[at] = span.kind === 'product' ? 'product' : 'other-slot';

  const productSpans = spans.filter((span) => span.kind === 'product');
  let start: number;
  let end: number;
  if (productSpans.length > 0) {
    const anchor = productSpans.reduce((best, span) => (span.end - span.start > best.end - best.start ? span : best));
    ({ start, end } = anchor);
  } else {
    const run = longestFreeRun(tokens, roles);
    if (!run) return undefined;
    ({ start, end } = run);
  }
  const widens = (role: Role | undefined) => role === 'free' || role === 'product';
  for (;;) {
    if (widens(roles[start - 1])) start -= 1;
    else if (JOINING_WORDS.has(tokens[start - 1] ?? '') && widens(roles[start - 2])) start -= 2;
    else break;
  }
  for (;;) {
    if (widens(roles[end])) end += 1;
    else if (JOINING_WORDS.has(tokens[end] ?? '') && widens(roles[end + 1])) end += 2;
    else break;
  }
  return { words: tokens.slice(start, end).join(' '), fromCatalog: productSpans.length > 0, start, end };
}

/** The longest run of free words that is more than a joining word ("go ahead and order" holds no product). */
function longestFreeRun(tokens: readonly string[], roles: readonly Role[]): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  let at = 0;
  while (at < roles.length) {
    if (roles[at] !== 'free') {
      at += 1;
      continue;
    }
    const start = at;
    while (at < roles.length && roles[at] === 'free') at += 1;
    if (tokens.slice(start, at).every(isJoiningWord)) continue;
    if (!best || at - start > best.end - best.start) best = { start, end: at };
  }
  return best;
}

/**
 * The product words without a leading amount or pack the core's request parser reads by itself ("a dozen eggs" →
 * "eggs", "bag of chips" → "chips"), and that amount as said, if any: the parser decides what counts as one, so the
 * slot and the core never disagree about where the product starts.
 */
export function splitAmount(words: string, locale: Locale): { product: string; amount?: string } {
  const tokens = words.split(' ');
  const request = parseProductRequest(words, locale);
  if (request.quantity === undefined && request.unit === undefined && request.size === undefined) return { product: words };
  for (let start = tokens.length - 1; start > 0; start -= 1) {
    const tail = parseProductRequest(tokens.slice(start).join(' '), locale);
    if (tail.query === request.query && tail.query.length > 0) {
      return { product: tokens.slice(start).join(' '), amount: tokens.slice(0, start).join(' ') };
    }
  }
  return { product: words };
}
