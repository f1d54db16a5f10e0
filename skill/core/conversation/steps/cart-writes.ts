/** Writing the cart from a turn: within the cart's limits, with optimistic locking, the snapshot kept current. */
import type { Product } from '../../catalog/product';
import { addToCart, CartLimitError, itemCount, MAX_CART_LINES, MAX_LINE_QUANTITY } from '../../cart/cart';
import type { Cart, CartLine } from '../../ports';
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { displayItem, spokenProduct } from '../product-text';

export async function saveCart(ctx: TurnContext, lines: CartLine[]): Promise<Cart> {
  const customer = await ctx.customer();
  const cart = await ctx.deps.customers.saveCart(customer.customerId, lines, customer.cart.version);
  ctx.remember({ ...customer, cart });
  return cart;
}

/** What the shopper hears when a cart limit stops an addition. */
export function limitReply(ctx: TurnContext, error: CartLimitError): Reply {
  const speech = error.limit === 'lines' ? ctx.msg.cartFull(MAX_CART_LINES) : ctx.msg.quantityTooLarge(MAX_LINE_QUANTITY);
  return ctx.ask(speech, ctx.msg.addedReprompt);
}

/** Adds `quantity` packs of a product and says so; a limit is said instead of crossed. */
export async function addProduct(ctx: TurnContext, product: Product, quantity: number, said?: string): Promise<Reply> {
  const customer = await ctx.customer();
  let lines: CartLine[];
  try {
    lines = addToCart(customer.cart.lines, product.id, quantity);
  } catch (error) {
    if (error instanceof CartLimitError) return limitReply(ctx, error);
    throw error;
  }
  const cart = await saveCart(ctx, lines);
  ctx.session.misses = 0;
  const speech = said ?? ctx.msg.added(quantity, spokenProduct(ctx, product), itemCount(cart.lines));
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
