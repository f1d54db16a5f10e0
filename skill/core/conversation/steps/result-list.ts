/**
 * The list of search results a turn read out, kept in the session for "more", "the second one" and "the cheaper
 * one". The ids are only a reading aid: whatever the client sends back is checked against the catalog, and a
 * choice still goes through the cart's own limits.
 */
import type { Product } from '../../catalog/product';
import { choiceInWords, choiceOf, vocabularyFor, type ChoiceId } from '../../i18n/vocabulary';
import type { Reply, SlotValue } from '../../turn';
import type { TurnContext } from '../context';
import { parseOrdinal } from '../numbers';
import { personalWeights } from '../personal';
import { comparableSize } from './comparable-size';
import { displayItem, spokenProduct } from '../product-text';

/** Voice lists must be short: three results a page, ten kept for "more" and the screen. */
export const RESULTS_PER_PAGE = 3;
export const RESULTS_KEPT = 10;

export function readResults(ctx: TurnContext, query: string, productIds: string[]): Reply {
  ctx.session.lastResults = productIds.slice(0, RESULTS_KEPT);
  ctx.session.resultOffset = 0;
  ctx.session.lastQuery = query;
  delete ctx.session.lastChosen;
  return readResultsPage(ctx);
}

export function readResultsPage(ctx: TurnContext): Reply {
  const products = resultProducts(ctx);
  const offset = ctx.session.resultOffset ?? 0;
  const page = products.slice(offset, offset + RESULTS_PER_PAGE);
  const query = typeof ctx.session.lastQuery === 'string' ? ctx.session.lastQuery : '';
  const listed = ctx.display(ctx.msg.resultsTitle(query), products.map((product) => displayItem(ctx, product)));
  // Results are what a tap may choose from; the adapters make only such lists touchable.
  const display = listed && { ...listed, choosable: true };
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

/**
 * "organic bananas" in a shop with plain bananas only: say so, then offer the plain ones (read out, or asked
 * about when there is one) instead of a bare "couldn't find". Nothing goes into the cart without a yes.
 */
export async function offerPlainInstead(ctx: TurnContext, query: string): Promise<Reply | undefined> {
  const words = query.trim().split(/\s+/);
  if (words.length < 2 || !vocabularyFor(ctx.locale).narrowing.includes(words[0]!.toLowerCase())) return undefined;
  const plain = words.slice(1).join(' ');
  const hits = ctx.deps.catalog.search(plain, { locale: ctx.locale, limit: RESULTS_KEPT, personal: await personalWeights(ctx) });
  if (hits.length === 0) return undefined;
  const reply = readResults(ctx, plain, hits.map((hit) => hit.product.id));
  return { ...reply, speech: `${ctx.msg.notFoundOnly(query)} ${reply.speech}` };
}

/**
 * Picks a product from the results read out: by what a choice means ("the cheaper one", "the bigger one", "the other
 * one", "the most popular one"; the slot's resolved id first, the words second) or by position ("the second one",
 * "number two", "the last one"). A resolved id that is one of the results (a tapped list item) is that product.
 * Returns undefined when nothing names a choice; null when the choice or position points at nothing. `personal` (what
 * this shopper bought, by product id) lets "the most popular one" be their own favourite first.
 */
export function chooseFromResults(
  ctx: TurnContext,
  words: string,
  choiceSlot?: SlotValue,
  personal?: ReadonlyMap<string, number>,
): Product | null | undefined {
  const products = resultProducts(ctx);
  if (products.length === 0) return undefined;
  const chosen = pick(ctx, products, words, choiceSlot, personal);
  // Remembered so that "the other one" can mean the one not chosen.
  if (chosen) ctx.session.lastChosen = chosen.id;
  return chosen;
}

function pick(
  ctx: TurnContext,
  products: Product[],
  words: string,
  choiceSlot: SlotValue | undefined,
  personal: ReadonlyMap<string, number> | undefined,
): Product | null | undefined {
  const tapped = products.find((product) => choiceSlot?.ids?.includes(product.id));
  if (tapped) return tapped;
  const offset = ctx.session.resultOffset ?? 0;
  // A comparison ("the cheaper one") is among what was just read out, which is what the shopper has in mind.
  const heard = products.slice(offset, offset + RESULTS_PER_PAGE);
  const choice = choiceOf(choiceSlot, ctx.locale) ?? choiceInWords(words, ctx.locale);
  if (choice !== undefined) return chooseBy(ctx, choice, products, heard, personal) ?? null;
  const position = parseOrdinal(words, ctx.locale);
  if (position === undefined) return undefined;
  if (position === -1) return heard[heard.length - 1] ?? null;
  // Positions count in the whole list as it was numbered when read ("4." on the second page).
  return products[position - 1] ?? null;
}

function chooseBy(
  ctx: TurnContext,
  choice: ChoiceId,
  products: Product[],
  heard: Product[],
  personal: ReadonlyMap<string, number> | undefined,
): Product | undefined {
  switch (choice) {
    case 'cheaper':
      return extreme(heard, (product) => product.priceCents, 'least');
    case 'pricier':
      return extreme(heard, (product) => product.priceCents, 'most');
    case 'bigger':
      return extreme(comparableSizes(heard), (product) => comparableSize(product.size)?.amount, 'most');
    case 'smaller':
      return extreme(comparableSizes(heard), (product) => comparableSize(product.size)?.amount, 'least');
    case 'first':
      return products[0];
    case 'last':
      return heard[heard.length - 1];
    case 'other':
      return otherThan(heard, ctx.session.lastChosen);
    case 'popular':
      return mostPopular(heard, personal);
  }
}

/** The product with the least or most of a figure; the first read out wins a tie. Products without it take no part. */
function extreme(products: readonly Product[], figure: (product: Product) => number | undefined, which: 'least' | 'most'): Product | undefined {
  let best: { product: Product; value: number } | undefined;
  for (const product of products) {
    const value = figure(product);
    if (value === undefined) continue;
    if (!best || (which === 'least' ? value < best.value : value > best.value)) best = { product, value };
  }
  return best?.product;
}

/** Sizes compare on one scale: of the products read out, those on the scale most of them are sold by. */
function comparableSizes(products: readonly Product[]): Product[] {
  const units = new Map<string, Product[]>();
  for (const product of products) {
    const size = comparableSize(product.size);
    if (size) units.set(size.scale, [...(units.get(size.scale) ?? []), product]);
  }
  return [...units.values()].reduce<Product[]>((most, group) => (group.length > most.length ? group : most), []);
}

/**
 * "The other one": the next one read out after the one chosen before, or, with nothing chosen yet, the second: the
 * first is the one a shopper passes over when asking for another.
 */
function otherThan(heard: readonly Product[], chosenId: unknown): Product | undefined {
  if (heard.length < 2) return undefined;
  const chosen = heard.findIndex((product) => product.id === chosenId);
  return chosen < 0 ? heard[1] : heard[(chosen + 1) % heard.length];
}

/** The shopper's own favourite first (what they bought most), then what the shop sells most, then the list order. */
function mostPopular(heard: readonly Product[], personal: ReadonlyMap<string, number> | undefined): Product | undefined {
  const score = (product: Product): [number, number] => [personal?.get(product.id) ?? 0, product.popularity ?? 0];
  return heard.reduce<Product | undefined>((best, product) => {
    if (!best) return product;
    const [mine, shop] = score(product);
    const [bestMine, bestShop] = score(best);
    return mine > bestMine || (mine === bestMine && shop > bestShop) ? product : best;
  }, undefined);
}
