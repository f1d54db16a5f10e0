/**
 * The product words of an utterance whose intent takes a product: a catalog phrase where there is one, widened by
 * the words next to it that carry nothing ("vanilla" + "oat milk"); otherwise the longest run of words that are
 * neither carriers nor another slot ("put hamburger on my grocery list" → "hamburger"). Carriers around the product
 * ("please", "to my list", "for me") never end up in it.
 */
import type { CarrierWords } from './carrier-words';
import type { SlotSpan } from './slot-spans';

/** Words that join two product words into one request ("milk and eggs", "Brot und Butter"). */
const JOINING_WORDS: ReadonlySet<string> = new Set(['and', 'or', 'und', 'oder', 'with', 'mit']);

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
    const run = longestFreeRun(roles);
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

function longestFreeRun(roles: readonly Role[]): { start: number; end: number } | undefined {
  let best: { start: number; end: number } | undefined;
  let at = 0;
  while (at < roles.length) {
    if (roles[at] !== 'free') {
      at += 1;
      continue;
    }
    const start = at;
    while (at < roles.length && roles[at] === 'free') at += 1;
    if (!best || at - start > best.end - best.start) best = { start, end: at };
  }
  return best;
}
