/** Add, remove, read and clear: the cart persists in the store across sessions and platforms. */
import { productName, type Product } from '../../catalog/product';
import { cartSubtotalCents, itemCount, removeFromCart } from '../../cart/cart';
import { packLineWords } from '../../cart/pack-line';
import { decideQuantity } from '../../cart/quantity';
import { formatShopPrice, joinList } from '../../i18n/format';
import type { Locale, Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { parseQuantitySlot } from '../numbers';
import { displayItem, sizeText } from '../product-text';
import { personalWeights } from '../personal';
import { parseProductRequest } from '../../catalog/product-request';
import { addProduct, quantityProblemReply, saveCart } from '../steps/cart-writes';
import { chooseFromResults, offerPlainInstead } from '../steps/result-list';
import { addSeveral, listedItems } from '../steps/several-items';

/**
 * The products the shopper may mean, best first: a resolved slot id or a choice from the last results is the one
 * meant; otherwise the close matches a size or a count may choose among ("eighteen eggs" → the 18-pack). Null for
 * a choice that is not in the list.
 */
async function resolveCandidates(ctx: TurnContext, text: string): Promise<Product[] | null> {
  for (const id of ctx.turn.slots.product?.ids ?? []) {
    const product = ctx.deps.catalog.get(id);
    if (product) return [product];
  }
  const chosen = chooseFromResults(ctx, text);
  if (chosen !== undefined) return chosen === null ? null : [chosen];
  const hits = ctx.deps.catalog.search(text, { locale: ctx.locale, limit: CLOSE_MATCHES, personal: await personalWeights(ctx) });
  return hits.map((hit) => hit.product);
}

/** How many close matches a spoken size or count may choose among. */
const CLOSE_MATCHES = 5;

/** How the measure slot ("two pounds") reads back into the request the shopper made: "two pounds of ground beef". */
const MEASURE_JOIN: Record<Locale, string> = { 'en-US': ' of ', 'de-DE': ' ' };

export async function addToCartIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  if (!raw) return ctx.ask(ctx.msg.whatProduct, ctx.msg.whatProduct, { ask: { kind: 'elicit', slot: 'product' } });
  // "two pounds of ground beef" arrives as measure and product: together they are the pack size asked for,
  // read exactly as if the shopper's words had all landed in the product slot.
  const measure = ctx.turn.slots.measure?.raw?.trim();
  const request = measure ? `${measure}${MEASURE_JOIN[ctx.locale]}${raw}` : raw;
  const spoken = parseProductRequest(request, ctx.locale);
  const slotQuantity = measure ? undefined : parseQuantitySlot(ctx.turn.slots.quantity?.raw, ctx.locale);
  const candidates = await resolveCandidates(ctx, spoken.query || raw);
  if (candidates === null) return ctx.ask(ctx.msg.noSuchChoice(0), ctx.msg.whichOne);
  // "six eggs" is one 12-pack, "six cartons of eggs" six, "two pounds of ground beef" two 1 lb packs.
  const decision = decideQuantity(spoken, candidates, slotQuantity);
  if (!decision) {
    // "eggs and milk": only when the words name no one product ("salt and vinegar chips" does).
    const listed = listedItems(raw, ctx.locale);
    const several = listed ? await addSeveral(ctx, listed) : undefined;
    if (several) return several;
    return (await offerPlainInstead(ctx, spoken.query || raw)) ?? ctx.ask(ctx.msg.notFound(raw), ctx.msg.helpReprompt);
  }
  if ('error' in decision) return quantityProblemReply(ctx, decision);
  return addProduct(ctx, decision.product, decision.packs, decision.unitsAsked);
}

export async function removeFromCartIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  if (!raw) return ctx.ask(ctx.msg.whatProduct, ctx.msg.whatProduct, { ask: { kind: 'elicit', slot: 'product' } });
  const customer = await ctx.customer();
  const inCart = new Set(customer.cart.lines.map((line) => line.productId));
  const ids = (ctx.turn.slots.product?.ids ?? []).filter((id) => inCart.has(id));
  // Search the whole catalog, then keep what is in the cart: "the coffee" finds the coffee the shopper has.
  const query = parseProductRequest(raw, ctx.locale).query || raw;
  const found = ids[0] ?? ctx.deps.catalog.search(query, { locale: ctx.locale, limit: 50 }).find((hit) => inCart.has(hit.product.id))?.product.id;
  if (!found) return ctx.ask(ctx.msg.notInCart(raw), ctx.msg.addedReprompt);
  await saveCart(ctx, removeFromCart(customer.cart.lines, found));
  const product = ctx.deps.catalog.get(found);
  return ctx.ask(ctx.msg.removed(product ? productName(product, ctx.locale) : raw), ctx.msg.addedReprompt);
}

export async function readCart(ctx: TurnContext): Promise<Reply> {
  const { cart } = await ctx.customer();
  if (cart.lines.length === 0) return ctx.ask(ctx.msg.cartEmpty, ctx.msg.welcomeReprompt);
  const parts: string[] = [];
  const items = [];
  for (const line of cart.lines) {
    const product = ctx.deps.catalog.get(line.productId);
    if (!product) continue;
    parts.push(ctx.msg.cartLineWithPacks(packLineWords(product, line.quantity, ctx.locale)));
    items.push({ ...displayItem(ctx, product), subtitle: `${line.quantity} × ${sizeText(ctx, product) ?? ''}`.trim() });
  }
  const total = formatShopPrice(cartSubtotalCents(cart.lines, ctx.deps.catalog), ctx.locale);
  const list = joinList(parts, ctx.locale);
  return ctx.ask(ctx.msg.cartContents(itemCount(cart.lines), list, total), ctx.msg.anythingElse, {
    display: ctx.display(ctx.msg.cartTitle, items, total),
  });
}

/** "Empty my cart" asks first; the yes empties exactly the cart that was described (same version). */
export async function clearCartIntent(ctx: TurnContext): Promise<Reply> {
  const { cart } = await ctx.customer();
  if (cart.lines.length === 0) return ctx.ask(ctx.msg.cartEmpty, ctx.msg.welcomeReprompt);
  const question = ctx.msg.clearConfirm(itemCount(cart.lines));
  return ctx.pose({ kind: 'clearCart', cartVersion: cart.version }, question, question, { ask: { kind: 'confirm' } });
}

export const clearCartAnswers: QuestionAnswers<'clearCart'> = {
  async yes(ctx, question) {
    const { cart } = await ctx.customer();
    // Something was added since the question: the shopper agreed to empty a different cart.
    if (cart.version !== question.cartVersion) return clearCartIntent(ctx);
    await saveCart(ctx, []);
    return ctx.ask(ctx.msg.cleared, ctx.msg.welcomeReprompt);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.keptCart, ctx.msg.anythingElse);
  },
};
