/**
 * Finding and changing one line of the cart by what the shopper said: a name ("the coffee"), or a pointer back
 * at the line just talked about ("remove that", "make that three"). When a name fits several lines, the shopper is
 * asked which one: the choices are stored server-side with the question, never read back from the session.
 */
import { productName } from '../../catalog/product';
import { parseProductRequest } from '../../catalog/product-request';
import { CartLimitError, isWholeQuantity, MAX_LINE_QUANTITY, removeFromCart } from '../../cart/cart';
import { packLineWords } from '../../cart/pack-line';
import type { CartLine } from '../../ports';
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { MAX_WHICH_LINES } from '../questions';
import { LAST_LINE, limitReply, quantityProblemReply, saveCart } from './cart-writes';

/**
 * How far below the best match a cart line may score and still count as meant: "the coffee" fits two coffees
 * about equally, "the oat milk" fits oat milk far better than the whole milk beside it.
 */
const CLOSE_SCORE = 0.2;

/** The line "that" points at: the one last added or changed while still in the cart, else the only line. */
export function lineTalkedAbout(ctx: TurnContext, lines: readonly CartLine[]): string | undefined {
  const id = ctx.session[LAST_LINE];
  if (typeof id === 'string' && lines.some((line) => line.productId === id)) return id;
  return lines.length === 1 ? lines[0]!.productId : undefined;
}

/**
 * The cart lines the words may mean, in the cart's order: the lines among the ids the platform resolved and the lines the
 * catalog search finds close to the best of them. Both count, because a platform resolves an ambiguous word to one
 * id ("ground coffee" is a synonym of two coffees, and Dialogflow picks one). When several remain, the line whose
 * name holds every word of a longer phrase ("the ground coffee medium roast") is the one meant; otherwise all are
 * asked about.
 */
export function linesNamed(ctx: TurnContext, raw: string, lines: readonly CartLine[]): string[] {
  const inCart = new Set(lines.map((line) => line.productId));
  const resolved = (ctx.turn.slots.product?.ids ?? []).filter((id) => inCart.has(id));
  // Search the whole catalog, then keep what is in the cart: "the coffee" finds the coffees the shopper has.
  const query = parseProductRequest(raw, ctx.locale).query || raw;
  const hits = ctx.deps.catalog.search(query, { locale: ctx.locale, limit: 50 }).filter((hit) => inCart.has(hit.product.id));
  const best = Math.max(...hits.map((hit) => hit.score));
  const close = hits.filter((hit) => hit.score >= best - CLOSE_SCORE).map((hit) => hit.product.id);
  // In cart order: "the first one" then means the same line whichever platform resolved which id.
  const found = new Set([...resolved, ...close]);
  const candidates = lines.map((line) => line.productId).filter((id) => found.has(id));
  if (candidates.length < 2) return candidates;
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  // One word is a kind ("coffee" covers espresso beans too), not a name: only a longer phrase can single one out.
  if (words.length < 2) return candidates;
  const naming = candidates.filter((id) => {
    const name = nameOf(ctx, id).toLowerCase();
    return words.every((word) => name.includes(word));
  });
  return naming.length === 1 ? naming : candidates;
}

function nameOf(ctx: TurnContext, productId: string): string {
  const product = ctx.deps.catalog.get(productId);
  return product ? productName(product, ctx.locale) : productId;
}

/** "Which one: 1. …; 2. …?" — the choices and the new quantity (if any) kept server-side with the question. */
export function askWhichLine(ctx: TurnContext, productIds: readonly string[], quantity?: number): Reply {
  const choices = productIds.slice(0, MAX_WHICH_LINES);
  const list = choices.map((id, index) => `${index + 1}. ${nameOf(ctx, id)}`).join('; ');
  const question = ctx.msg.whichLine(list, quantity === undefined || quantity === 0);
  return ctx.pose({ kind: 'whichLine', productIds: choices, ...(quantity !== undefined ? { quantity } : {}) }, question, question);
}

/** "Which item?" when nothing was named and nothing was just talked about. */
export function askWhichItem(ctx: TurnContext, intent: 'RemoveFromCartIntent' | 'ChangeQuantityIntent'): Reply {
  return ctx.ask(ctx.msg.whichItem, ctx.msg.whichItem, { ask: { kind: 'elicit', slot: 'product', intent } });
}

/**
 * Removes the line (quantity undefined or 0) or sets its quantity, and says what the cart now holds. The line is
 * looked up in the stored cart, so a choice made a turn ago still acts only on what is there now.
 */
export async function changeLine(ctx: TurnContext, productId: string, quantity?: number): Promise<Reply> {
  const customer = await ctx.customer();
  const name = nameOf(ctx, productId);
  if (!customer.cart.lines.some((line) => line.productId === productId)) return ctx.ask(ctx.msg.notInCart(name), ctx.msg.addedReprompt);
  if (quantity === undefined || quantity === 0) {
    await saveCart(ctx, removeFromCart(customer.cart.lines, productId));
    if (ctx.session[LAST_LINE] === productId) delete ctx.session[LAST_LINE];
    return ctx.ask(ctx.msg.removed(name), ctx.msg.addedReprompt);
  }
  if (!isWholeQuantity(quantity)) return quantityProblemReply(ctx, { error: 'bad-quantity' });
  if (quantity > MAX_LINE_QUANTITY) return limitReply(ctx, new CartLimitError('quantity'));
  const lines = customer.cart.lines.map((line) => (line.productId === productId ? { ...line, quantity } : line));
  await saveCart(ctx, lines);
  ctx.session[LAST_LINE] = productId;
  const product = ctx.deps.catalog.get(productId);
  const line = product ? ctx.msg.cartLineWithPacks(packLineWords(product, quantity, ctx.locale)) : ctx.msg.cartLine(quantity, name);
  return ctx.ask(ctx.msg.quantityChanged(line), ctx.msg.addedReprompt);
}
