/** Writing the cart from a turn: within the cart's limits, with optimistic locking, the snapshot kept current. */
import type { Product } from '../../catalog/product';
import { addToCart, CartLimitError, InvalidQuantityError, itemCount, MAX_CART_LINES, MAX_LINE_QUANTITY } from '../../cart/cart';
import { packLineWords } from '../../cart/pack-line';
import type { QuantityProblem } from '../../cart/quantity';
import type { Cart, CartLine } from '../../ports';
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { displayItem } from '../product-text';

/** Session key of the line last added or changed: a reading aid for "that", checked against the stored cart. */
export const LAST_LINE = 'lastLine';

export async function saveCart(ctx: TurnContext, lines: CartLine[]): Promise<Cart> {
  const customer = await ctx.customer();
  const cart = await ctx.deps.customers.saveCart(customer.customerId, lines, customer.cart.version);
  ctx.remember({ ...customer, cart });
  ctx.cartChanged = true;
  return cart;
}

/** What the shopper hears when a cart limit stops an addition. */
export function limitReply(ctx: TurnContext, error: CartLimitError): Reply {
  const speech = error.limit === 'lines' ? ctx.msg.cartFull(MAX_CART_LINES) : ctx.msg.quantityTooLarge(MAX_LINE_QUANTITY);
  return ctx.ask(speech, ctx.msg.addedReprompt);
}

/** What the shopper hears when the amount said cannot go on a cart line. */
export function quantityProblemReply(ctx: TurnContext, problem: QuantityProblem): Reply {
  if (problem.error === 'too-many') return ctx.ask(ctx.msg.quantityTooLarge(MAX_LINE_QUANTITY), ctx.msg.addedReprompt);
  return ctx.ask(ctx.msg.badQuantity, ctx.msg.badQuantity, { ask: { kind: 'elicit', slot: 'quantity' } });
}

/**
 * Adds `quantity` packs of a product and says what went in: packs, the pieces they hold against what was asked
 * ("one pack of 12 … (you asked for 6)") and the line total. A limit is said instead of crossed.
 */
export async function addProduct(ctx: TurnContext, product: Product, quantity: number, unitsAsked?: number): Promise<Reply> {
  const customer = await ctx.customer();
  let lines: CartLine[];
  try {
    lines = addToCart(customer.cart.lines, product.id, quantity);
  } catch (error) {
    if (error instanceof CartLimitError) return limitReply(ctx, error);
    if (error instanceof InvalidQuantityError) return quantityProblemReply(ctx, { error: 'bad-quantity' });
    throw error;
  }
  const cart = await saveCart(ctx, lines);
  // "Make that three" / "remove that" right after mean this line (a reading aid, checked against the cart).
  ctx.session[LAST_LINE] = product.id;
  const speech = ctx.msg.addedPacks(packLineWords(product, quantity, ctx.locale, unitsAsked), itemCount(cart.lines));
  return ctx.ask(speech, ctx.msg.addedReprompt, {
    display: ctx.display(ctx.msg.cartTitle, [displayItem(ctx, product)]),
  });
}

/**
 * Puts wanted lines into the cart for a reorder or a replenishment: a product already there keeps the shopper's
 * own quantity rather than being doubled. Throws CartLimitError when the cart cannot take them.
 */
export async function mergeIntoCart(ctx: TurnContext, wanted: readonly CartLine[]): Promise<Cart> {
  const customer = await ctx.customer();
  let lines = customer.cart.lines;
  for (const line of wanted) {
    if (!lines.some((existing) => existing.productId === line.productId)) lines = addToCart(lines, line.productId, line.quantity);
  }
  return saveCart(ctx, lines);
}
