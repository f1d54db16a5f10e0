/**
 * The list of search results a turn read out, kept in the session for "more", "the second one" and "the cheaper
 * one". The ids are only a reading aid: whatever the client sends back is checked against the catalog, and a
 * choice still goes through the cart's own limits.
 */
import type { Product } from '../../catalog/product';
import type { Locale, Reply } from '../../turn';
import type { TurnContext } from '../context';
import { parseOrdinal } from '../numbers';
import { personalWeights } from '../personal';
import { displayItem, spokenProduct } from '../product-text';

/** Voice lists must be short: three results a page, ten kept for "more" and the screen. */
export const RESULTS_PER_PAGE = 3;
export const RESULTS_KEPT = 10;

export function readResults(ctx: TurnContext, query: string, productIds: string[]): Reply {
  ctx.session.lastResults = productIds.slice(0, RESULTS_KEPT);
  ctx.session.resultOffset = 0;
  ctx.session.lastQuery = query;
  return readResultsPage(ctx);
}

export function readResultsPage(ctx: TurnContext): Reply {
  const products = resultProducts(ctx);
  const offset = ctx.session.resultOffset ?? 0;
  const page = products.slice(offset, offset + RESULTS_PER_PAGE);
  const query = typeof ctx.session.lastQuery === 'string' ? ctx.session.lastQuery : '';
  const display = ctx.display(ctx.msg.resultsTitle(query), products.map((product) => displayItem(ctx, product)));
  if (products.length === 1) {
    const only = products[0]!;
    const offer = ctx.msg.foundOne(spokenProduct(ctx, only));
    return ctx.pose({ kind: 'add', productId: only.id, quantity: 1 }, offer, offer, { display });
  }
  const list = page.map((product, index) => `${offset + index + 1}. ${spokenProduct(ctx, product)}`).join('; ');
  return ctx.ask(ctx.msg.found(products.length, list), ctx.msg.whichOne, { display });
}

export function resultProducts(ctx: TurnContext): Product[] {
  return (ctx.session.lastResults ?? []).slice(0, RESULTS_KEPT).flatMap((id) => {
    const product = typeof id === 'string' ? ctx.deps.catalog.get(id) : undefined;
    return product ? [product] : [];
  });
}

/** Words that narrow a request; when nothing matches with one, the plain product is worth offering. */
const NARROWING_WORDS: Record<Locale, ReadonlySet<string>> = { 'en-US': new Set(['organic']), 'de-DE': new Set(['bio']) };

/**
 * "organic bananas" in a shop with plain bananas only: say so, then offer the plain ones (read out, or asked
 * about when there is one) instead of a bare "couldn't find". Nothing goes into the cart without a yes.
 */
export async function offerPlainInstead(ctx: TurnContext, query: string): Promise<Reply | undefined> {
  const words = query.trim().split(/\s+/);
  if (words.length < 2 || !NARROWING_WORDS[ctx.locale].has(words[0]!.toLowerCase())) return undefined;
  const plain = words.slice(1).join(' ');
  const hits = ctx.deps.catalog.search(plain, { locale: ctx.locale, limit: RESULTS_KEPT, personal: await personalWeights(ctx) });
  if (hits.length === 0) return undefined;
  const reply = readResults(ctx, plain, hits.map((hit) => hit.product.id));
  return { ...reply, speech: `${ctx.msg.notFoundOnly(query)} ${reply.speech}` };
}

const CHEAPER = /\b(cheap|cheaper|cheapest|least expensive|günstig\w*|billig\w*|preiswert\w*)\b/i;
const DEARER = /\b(expensive|more expensive|pricier|teur\w*)\b/i;

/**
 * Picks a product from the results read out: by position ("the second one", "number two", "the last one") or by
 * price ("the cheaper one"). Returns undefined when the words name no choice; null when the position is out of range.
 */
export function chooseFromResults(ctx: TurnContext, words: string): Product | null | undefined {
  const products = resultProducts(ctx);
  if (products.length === 0) return undefined;
  const offset = ctx.session.resultOffset ?? 0;
  // "The cheaper one" compares what was just read out, which is what the shopper has in mind.
  const heard = products.slice(offset, offset + RESULTS_PER_PAGE);
  const priced = heard.filter((product) => product.priceCents !== undefined);
  if (CHEAPER.test(words) && priced.length > 0) return priced.reduce((a, b) => (b.priceCents! < a.priceCents! ? b : a));
  if (DEARER.test(words) && priced.length > 0) return priced.reduce((a, b) => (b.priceCents! > a.priceCents! ? b : a));
  const position = parseOrdinal(words, ctx.locale);
  if (position === undefined) return undefined;
  if (position === -1) return heard[heard.length - 1] ?? null;
  // Positions count in the whole list as it was numbered when read ("4." on the second page).
  return products[position - 1] ?? null;
}
