/**
 * Add, remove, change, read and clear: the cart persists in the store across sessions and platforms. "That" and
 * "it" point at the product just offered or the line just talked about; a name that fits several lines is asked
 * about ("which one?") rather than guessed.
 */
import type { Product } from '../../catalog/product';
import { cartSubtotalCents, itemCount } from '../../cart/cart';
import { packLineWords } from '../../cart/pack-line';
import { decideQuantity } from '../../cart/quantity';
import { formatShopPrice, joinList } from '../../i18n/format';
import type { CartLine } from '../../ports';
import type { Locale, Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { parseOrdinal, parseQuantitySlot } from '../numbers';
import { displayItem, sizeText } from '../product-text';
import { personalWeights } from '../personal';
import { parseProductRequest } from '../../catalog/product-request';
import { CONFIDENT_MATCH } from '../../catalog/search-index';
import { addProduct, quantityProblemReply, saveCart } from '../steps/cart-writes';
import { askWhichItem, askWhichLine, changeLine, lineTalkedAbout, linesNamed } from '../steps/cart-lines';
import { pointsBack } from '../steps/repair';
import { chooseFromResults, offerPlainInstead, readResults, RESULTS_KEPT, resultProducts } from '../steps/result-list';
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
  // A weak match is offered, never added unasked ("Hackfleisch" once put chopped tomatoes in the cart).
  return hits.filter((hit) => hit.score >= CONFIDENT_MATCH).map((hit) => hit.product);
}

/** What the catalog found only weakly, read out or offered ("Shall I add it?") instead of added. */
async function offerWeakMatches(ctx: TurnContext, query: string): Promise<Reply | undefined> {
  const hits = ctx.deps.catalog.search(query, { locale: ctx.locale, limit: RESULTS_KEPT, personal: await personalWeights(ctx) });
  return hits.length > 0 ? readResults(ctx, query, hits.map((hit) => hit.product.id)) : undefined;
}

/** How many close matches a spoken size or count may choose among. */
const CLOSE_MATCHES = 5;

/** How the measure slot ("two pounds") reads back into the request the shopper made: "two pounds of ground beef". */
const MEASURE_JOIN: Record<Locale, string> = { 'en-US': ' of ', 'de-DE': ' ' };

export async function addToCartIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  // "Add it": the model's pointer samples carry no product; a product slot that caught "that" means the same.
  if (!raw || pointsBack(raw, ctx.locale)) return addTheOneHeard(ctx);
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
    // "eggs and milk", "eggs milk bread": only when the words name no one product ("salt and vinegar chips" does).
    const several = await addSeveral(ctx, listedItems(raw, ctx.locale) ?? [raw]);
    if (several) return several;
    const offered = (await offerPlainInstead(ctx, spoken.query || raw)) ?? (await offerWeakMatches(ctx, spoken.query || raw));
    if (offered) return offered;
    ctx.missed = true;
    return ctx.ask(ctx.msg.notFound(raw), ctx.msg.helpReprompt);
  }
  if ('error' in decision) return quantityProblemReply(ctx, decision);
  return addProduct(ctx, decision.product, decision.packs, decision.unitsAsked);
}

/**
 * "Add it" / "add that" with no offer pending (the engine answers a pending "Shall I add it?" itself): the one
 * result just heard, else a question for which product.
 */
async function addTheOneHeard(ctx: TurnContext): Promise<Reply> {
  const heard = resultProducts(ctx);
  if (heard.length === 1) return addProduct(ctx, heard[0]!, 1);
  if (heard.length > 1) return ctx.ask(ctx.msg.whichOne, ctx.msg.whichOne);
  // "Add it" with nothing heard to point at.
  ctx.missed = true;
  return ctx.ask(ctx.msg.whatProduct, ctx.msg.whatProduct, { ask: { kind: 'elicit', slot: 'product' } });
}

/**
 * The line the turn's product words mean, or the reply that asks: "that" is the line just talked about; a name
 * that fits several lines asks which one (with `quantity` kept for the answer).
 */
async function targetLine(ctx: TurnContext, intent: 'RemoveFromCartIntent' | 'ChangeQuantityIntent', quantity?: number): Promise<string | Reply> {
  const { cart } = await ctx.customer();
  if (cart.lines.length === 0) return ctx.ask(ctx.msg.cartEmpty, ctx.msg.welcomeReprompt);
  const raw = ctx.turn.slots.product?.raw?.trim();
  // "Remove that" with nothing to point at, or a name no line has: a miss.
  if (!raw || pointsBack(raw, ctx.locale)) {
    const talkedAbout = lineTalkedAbout(ctx, cart.lines);
    if (talkedAbout) return talkedAbout;
    ctx.missed = true;
    return askWhichItem(ctx, intent);
  }
  const named = linesNamed(ctx, raw, cart.lines);
  if (named.length === 0) {
    ctx.missed = true;
    return ctx.ask(ctx.msg.notInCart(raw), ctx.msg.addedReprompt);
  }
  if (named.length > 1) return askWhichLine(ctx, named, quantity);
  return named[0]!;
}

/** "Remove the coffee", or "remove that" (said without a product: the line just talked about). */
export async function removeFromCartIntent(ctx: TurnContext): Promise<Reply> {
  const target = await targetLine(ctx, 'RemoveFromCartIntent');
  return typeof target === 'string' ? changeLine(ctx, target) : target;
}

/** "Make that three", "change the milk to two", "only one milk": the line's new quantity, 0 removes it. */
export async function changeQuantityIntent(ctx: TurnContext): Promise<Reply> {
  const quantity = parseQuantitySlot(ctx.turn.slots.quantity?.raw, ctx.locale);
  if (quantity === undefined || Number.isNaN(quantity)) return ctx.ask(ctx.msg.badQuantity, ctx.msg.badQuantity, { ask: { kind: 'elicit', slot: 'quantity' } });
  const target = await targetLine(ctx, 'ChangeQuantityIntent', quantity);
  return typeof target === 'string' ? changeLine(ctx, target, quantity) : target;
}

/**
 * "Which one?" answered: a position ("the second one") or a name among exactly the lines the question stored.
 * A yes picks nothing and hears the question again; anything else is no answer and is routed as usual.
 */
export const whichLineAnswers: QuestionAnswers<'whichLine'> = {
  async yes(ctx) {
    return ctx.answering ? ctx.reask(ctx.answering, `${ctx.msg.whichLineReprompt} ${ctx.answering.prompt}`) : ctx.ask(ctx.msg.whichItem, ctx.msg.whichItem);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.keptCart, ctx.msg.anythingElse);
  },
  async choose(ctx, question) {
    const { productIds } = question;
    const { turn } = ctx;
    let picked: string | undefined;
    if (turn.intent === 'SelectItemIntent') {
      const position = parseOrdinal([turn.slots.ordinal?.raw, turn.slots.choice?.raw].filter(Boolean).join(' '), ctx.locale);
      if (position === undefined) return undefined;
      picked = position === -1 ? productIds[productIds.length - 1] : productIds[position - 1];
      if (!picked) return ctx.reask(ctx.answering!, `${ctx.msg.noSuchChoice(position)} ${ctx.answering!.prompt}`);
    } else {
      const raw = turn.slots.product?.raw?.trim();
      if (!raw || !ANSWERS_BY_NAME.has(turn.intent)) return undefined;
      const among: CartLine[] = productIds.map((productId) => ({ productId, quantity: 1 }));
      const named = linesNamed(ctx, raw, among);
      if (named.length === 0) return undefined;
      // Still more than one: the name did not narrow it down; ask again, the same choices.
      if (named.length > 1) return ctx.reask(ctx.answering!);
      picked = named[0];
    }
    return changeLine(ctx, picked!, question.quantity);
  },
};

/** Turns whose product words can name the line meant: "remove the decaf", a bare "the decaf", "change the decaf". */
const ANSWERS_BY_NAME: ReadonlySet<string> = new Set(['RemoveFromCartIntent', 'SearchProductIntent', 'ChangeQuantityIntent']);

/** The cart's total, in the currency of the locale's shop (the one the checkout will charge). */
function cartTotal(ctx: TurnContext, lines: readonly CartLine[]): string {
  return formatShopPrice(cartSubtotalCents(lines, ctx.deps.catalog), ctx.locale);
}

/** "What's my total": the sum alone, not every line read back. */
export async function cartTotalIntent(ctx: TurnContext): Promise<Reply> {
  const { cart } = await ctx.customer();
  if (cart.lines.length === 0) return ctx.ask(ctx.msg.cartEmpty, ctx.msg.welcomeReprompt);
  return ctx.ask(ctx.msg.cartTotal(itemCount(cart.lines), cartTotal(ctx, cart.lines)), ctx.msg.anythingElse);
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
  const total = cartTotal(ctx, cart.lines);
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
