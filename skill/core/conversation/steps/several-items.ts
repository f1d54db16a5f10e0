/**
 * "Add eggs, milk and bread": several products in one request. A phrase that names one product ("salt and
 * vinegar chips", "macaroni and cheese") stays one; only a phrase the catalog cannot answer whole is split.
 * A recogniser writes no commas ("eggs milk and bread"), so a part the catalog cannot answer whole is cut where
 * one product name ends and the next begins, as the catalog's names say.
 */
import type { Product } from '../../catalog/product';
import { packLineWords } from '../../cart/pack-line';
import { decideQuantity } from '../../cart/quantity';
import { parseProductRequest } from '../../catalog/product-request';
import { CONFIDENT_MATCH } from '../../catalog/search-index';
import { addToCart, CartLimitError, itemCount } from '../../cart/cart';
import { LAST_LINE, limitReply, quantityProblemReply, saveCart } from './cart-writes';
import { joinList } from '../../i18n/format';
import type { CartLine, SearchHit } from '../../ports';
import { vocabularyFor } from '../../i18n/vocabulary';
import { LOCALES, type Locale, type Reply } from '../../turn';
import type { TurnContext } from '../context';
import { personalWeights } from '../personal';
import { displayItem } from '../product-text';

/** More than this in one breath is more likely a misheard sentence than a shopping list. */
const MAX_ITEMS = 5;

/** Commas, and the locale's joining words (vocabulary.ts: "and", "plus"; "und", "sowie") as whole words. */
const JOINERS: Record<Locale, RegExp> = Object.fromEntries(
  LOCALES.map((locale) => [locale, new RegExp(`\\s*,\\s*|${vocabularyFor(locale).listJoiners.map((word) => `\\s+${word}\\s+`).join('|')}`, 'i')]),
) as Record<Locale, RegExp>;

/** The parts of a spoken list ("eggs and milk" → ["eggs", "milk"]), or undefined when it is not one. */
export function listedItems(raw: string, locale: Locale): string[] | undefined {
  const parts = raw.split(JOINERS[locale]).map((part) => part.trim()).filter((part) => part.length > 0);
  return parts.length >= 2 && parts.length <= MAX_ITEMS ? parts : undefined;
}

/** Words in one part beyond which it is not cut: a longer run is a sentence, not a list. */
const MAX_WORDS_TO_CUT = 8;
/** Words one product name may take in a cut part. */
const MAX_NAME_WORDS = 4;

/**
 * A part cut into product names where the catalog answers each piece confidently, and each piece better than the
 * whole part ("eggs milk" → ["eggs", "milk"], while "peanut butter" stays one); the fewest pieces win, then the
 * surest. The part itself when no cut works.
 */
export function productNamesIn(part: string, locale: Locale, search: (query: string) => readonly SearchHit[]): string[] {
  const confidence = (words: string) => {
    const spoken = parseProductRequest(words, locale);
    return search(spoken.query || words)[0]?.score ?? 0;
  };
  const words = part.split(/\s+/).filter((word) => word.length > 0);
  if (words.length < 2 || words.length > MAX_WORDS_TO_CUT) return [part];
  const whole = confidence(part);
  // best[end]: the best cut of words[0, end) into confident names (fewest pieces, then highest total score).
  const best: Array<{ pieces: string[]; score: number; weakest: number } | undefined> = [{ pieces: [], score: 0, weakest: 1 }];
  for (let end = 1; end <= words.length; end += 1) {
    for (let start = Math.max(0, end - MAX_NAME_WORDS); start < end; start += 1) {
      const before = best[start];
      // The whole part is weighed against the cut below, not as a cut of one piece.
      if (!before || end - start === words.length) continue;
      const piece = words.slice(start, end).join(' ');
      const score = confidence(piece);
      if (score < CONFIDENT_MATCH) continue;
      const candidate = { pieces: [...before.pieces, piece], score: before.score + score, weakest: Math.min(before.weakest, score) };
      const kept = best[end];
      if (!kept || candidate.pieces.length < kept.pieces.length || (candidate.pieces.length === kept.pieces.length && candidate.score > kept.score)) {
        best[end] = candidate;
      }
    }
  }
  const cut = best[words.length];
  return cut && cut.weakest > whole ? cut.pieces : [part];
}

/**
 * Adds every part the catalog finds confidently, says which it did not, and asks nothing when none was found (or
 * when the words turn out to name one product: the caller's single-product path answers that).
 */
export async function addSeveral(ctx: TurnContext, said: string[]): Promise<Reply | undefined> {
  const personal = await personalWeights(ctx);
  const search = (query: string) => ctx.deps.catalog.search(query, { locale: ctx.locale, limit: 5, personal });
  const parts = said.flatMap((part) => productNamesIn(part, ctx.locale, search));
  if (parts.length < 2 || parts.length > MAX_ITEMS) return undefined;
  const found: Array<{ product: Product; quantity: number; unitsAsked?: number }> = [];
  const missing: string[] = [];
  for (const part of parts) {
    const spoken = parseProductRequest(part, ctx.locale);
    // A weak match is no answer in a list: nothing goes into the cart that the shopper did not clearly name.
    const hits = search(spoken.query || part).filter((hit) => hit.score >= CONFIDENT_MATCH);
    const decision = decideQuantity(spoken, hits.map((hit) => hit.product));
    if (!decision) {
      missing.push(part);
      continue;
    }
    // All or nothing, as for the cart's limits below.
    if ('error' in decision) return quantityProblemReply(ctx, decision);
    found.push({ product: decision.product, quantity: decision.packs, ...(decision.unitsAsked ? { unitsAsked: decision.unitsAsked } : {}) });
  }
  if (found.length === 0) return undefined;

  const customer = await ctx.customer();
  let lines: CartLine[] = customer.cart.lines;
  try {
    for (const { product, quantity } of found) lines = addToCart(lines, product.id, quantity);
  } catch (error) {
    if (!(error instanceof CartLimitError)) throw error;
    // All or nothing: a list half added is harder to put right by voice than one not added.
    return limitReply(ctx, error);
  }
  const cart = await saveCart(ctx, lines);
  // After a list, "that" names no one line: "remove that" asks which item.
  delete ctx.session[LAST_LINE];
  const items = joinList(
    found.map(({ product, quantity, unitsAsked }) => ctx.msg.cartLineWithPacks(packLineWords(product, quantity, ctx.locale, unitsAsked))),
    ctx.locale,
  );
  const notFound = missing.length > 0 ? joinList(missing, ctx.locale) : undefined;
  const many = found.length > 1 || found[0]!.quantity > 1;
  return ctx.ask(ctx.msg.addedSeveral(items, notFound, itemCount(cart.lines), many), ctx.msg.addedReprompt, {
    display: ctx.display(ctx.msg.cartTitle, found.map(({ product }) => displayItem(ctx, product))),
  });
}
