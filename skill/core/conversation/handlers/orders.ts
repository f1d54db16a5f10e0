/** Where is my order, cancel my order, and "order my usual X" / "repeat my last order". */
import { productName } from '../../catalog/product';
import { CartLimitError } from '../../cart/cart';
import { formatPrice, joinList } from '../../i18n/format';
import type { CartLine, Order } from '../../ports';
import type { Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { parseProductRequest } from '../../catalog/product-request';
import { limitReply, mergeIntoCart } from '../steps/cart-writes';
import { proposeCheckout } from '../steps/checkout-proposal';
import { cancelAndRefund } from '../../orders/cancel-order';

function openOrders(orders: Order[], now: Date): Order[] {
  return orders.filter((order) => order.status === 'placed' && new Date(order.deliveryBy) > now);
}

export async function orderStatusIntent(ctx: TurnContext): Promise<Reply> {
  const orders = await ctx.orders();
  const placed = orders.filter((order) => order.status === 'placed');
  if (placed.length === 0) return ctx.ask(ctx.msg.noOrders, ctx.msg.anythingElse);
  const now = ctx.deps.clock.now();
  const open = openOrders(placed, now);
  const latest = open[0] ?? placed[0]!;
  const deliveryBy = new Date(latest.deliveryBy);
  return ctx.ask(
    ctx.msg.orderStatus({
      orderId: latest.orderId,
      placedDay: ctx.msg.day(new Date(latest.placedAt)),
      deliveryDay: ctx.msg.day(deliveryBy),
      delivered: deliveryBy <= now,
      openCount: open.length,
    }),
    ctx.msg.anythingElse,
  );
}

export async function cancelOrderIntent(ctx: TurnContext): Promise<Reply> {
  const orders = await ctx.orders();
  const now = ctx.deps.clock.now();
  // The order still on its way is the one a shopper means; a delivered one can only be reported as such.
  const latest = openOrders(orders, now)[0] ?? orders.find((order) => order.status === 'placed');
  if (!latest) return ctx.ask(ctx.msg.nothingToCancel, ctx.msg.anythingElse);
  const deliveryBy = new Date(latest.deliveryBy);
  if (deliveryBy <= now) return ctx.ask(ctx.msg.alreadyDelivered(latest.orderId, ctx.msg.day(deliveryBy)), ctx.msg.anythingElse);
  if (new Date(latest.cancellableUntil) <= now) return ctx.ask(ctx.msg.notCancellable(latest.orderId), ctx.msg.anythingElse);
  const question = ctx.msg.cancelConfirm(latest.orderId, formatPrice(latest.totalCents, latest.currency, ctx.locale));
  return ctx.pose({ kind: 'cancelOrder', orderId: latest.orderId }, question, question, { ask: { kind: 'confirm' } });
}

/** The yes cancels exactly the order named in the question, if it can still be cancelled, and refunds it. */
export const cancelOrderAnswers: QuestionAnswers<'cancelOrder'> = {
  async yes(ctx, question) {
    const customer = await ctx.customer();
    const order = (await ctx.orders()).find((candidate) => candidate.orderId === question.orderId);
    if (!order) return ctx.ask(ctx.msg.nothingToCancel, ctx.msg.anythingElse);
    const outcome = await cancelAndRefund(ctx.deps, customer.customerId, order);
    if (outcome.kind === 'not-placed') return ctx.ask(ctx.msg.nothingToCancel, ctx.msg.anythingElse);
    if (outcome.kind === 'too-late') return ctx.ask(ctx.msg.notCancellable(order.orderId), ctx.msg.anythingElse);
    ctx.deps.log.info('order cancelled', { orderId: order.orderId });
    return ctx.ask(ctx.msg.orderCancelled(order.orderId), ctx.msg.anythingElse);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.orderNotCancelled, ctx.msg.anythingElse);
  },
};

/**
 * "Order my usual coffee": of the products matching the words, the one this shopper bought most often (with the
 * quantity they usually take). "Repeat my last order": the lines of the latest order. Both go into the cart and
 * then through the same read-back and confirmation as checkout.
 */
export async function reorderIntent(ctx: TurnContext): Promise<Reply> {
  const orders = (await ctx.orders()).filter((order) => order.status === 'placed');
  const raw = ctx.turn.slots.product?.raw?.trim();
  let wanted: CartLine[];
  if (raw) {
    const usual = usualProduct(ctx, parseProductRequest(raw, ctx.locale).query || raw, orders);
    if (!usual) return ctx.ask(ctx.msg.usualNotFound(raw), ctx.msg.helpReprompt);
    wanted = [usual];
  } else {
    const last = orders[0];
    if (!last) return ctx.ask(ctx.msg.noLastOrder, ctx.msg.helpReprompt);
    wanted = last.lines.filter((line) => ctx.deps.catalog.get(line.productId)).map(({ productId, quantity }) => ({ productId, quantity }));
    if (wanted.length === 0) return ctx.ask(ctx.msg.noLastOrder, ctx.msg.helpReprompt);
  }
  try {
    await mergeIntoCart(ctx, wanted);
  } catch (error) {
    if (error instanceof CartLimitError) return limitReply(ctx, error);
    throw error;
  }
  const names = wanted.map((line) => ctx.msg.cartLine(line.quantity, productName(ctx.deps.catalog.get(line.productId)!, ctx.locale)));
  return proposeCheckout(ctx, `${ctx.msg.reorderAdded(joinList(names, ctx.locale))} `);
}

function usualProduct(ctx: TurnContext, query: string, orders: Order[]): CartLine | undefined {
  const bought = new Map<string, { times: number; quantities: number[] }>();
  for (const order of orders) {
    for (const line of order.lines) {
      const entry = bought.get(line.productId) ?? { times: 0, quantities: [] };
      entry.times += 1;
      entry.quantities.push(line.quantity);
      bought.set(line.productId, entry);
    }
  }
  if (bought.size === 0) return undefined;
  const hits = ctx.deps.catalog.search(query, { locale: ctx.locale, limit: 50, personal: new Map([...bought].map(([id, entry]) => [id, entry.times])) });
  let best: { productId: string; times: number; quantities: number[] } | undefined;
  for (const hit of hits) {
    const entry = bought.get(hit.product.id);
    if (entry && (!best || entry.times > best.times)) best = { productId: hit.product.id, ...entry };
  }
  if (!best) return undefined;
  return { productId: best.productId, quantity: mostCommon(best.quantities) };
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 1;
}
