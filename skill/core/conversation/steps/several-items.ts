/**
 * "Add eggs, milk and bread": several products in one request. A phrase that names one product ("salt and
 * vinegar chips", "macaroni and cheese") stays one; only a phrase the catalog cannot answer whole is split.
 */
import type { Product } from '../../catalog/product';
import { packLineWords } from '../../cart/pack-line';
import { decideQuantity } from '../../cart/quantity';
import { parseProductRequest } from '../../catalog/product-request';
import { addToCart, CartLimitError, itemCount } from '../../cart/cart';
import { LAST_LINE, limitReply, quantityProblemReply, saveCart } from './cart-writes';
import { joinList } from '../../i18n/format';
import type { CartLine } from '../../ports';
import type { Locale, Reply } from '../../turn';
import type { TurnContext } from '../context';
import { personalWeights } from '../personal';
import { displayItem } from '../product-text';

/** More than this in one breath is more likely a misheard sentence than a shopping list. */
const MAX_ITEMS = 5;

const JOINERS: Record<Locale, RegExp> = {
  'en-US': /\s*,\s*|\s+and\s+|\s+plus\s+/i,
  'de-DE': /\s*,\s*|\s+und\s+|\s+sowie\s+/i,
};

/** The parts of a spoken list ("eggs and milk" → ["eggs", "milk"]), or undefined when it is not one. */
export function listedItems(raw: string, locale: Locale): string[] | undefined {
  const parts = raw.split(JOINERS[locale]).map((part) => part.trim()).filter((part) => part.length > 0);
  return parts.length >= 2 && parts.length <= MAX_ITEMS ? parts : undefined;
}

/** Adds every part the catalog finds, says which it did not, and asks nothing when none was found. */
export async function addSeveral(ctx: TurnContext, parts: string[]): Promise<Reply | undefined> {
  const personal = await personalWeights(ctx);
  const found: Array<{ product: Product; quantity: number; unitsAsked?: number }> = [];
  const missing: string[] = [];
  for (const part of parts) {
    const spoken = parseProductRequest(part, ctx.locale);
    const hits = ctx.deps.catalog.search(spoken.query || part, { locale: ctx.locale, limit: 5, personal });
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
  ctx.session.misses = 0;
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
