/**
 * Checkout: read back items, total with tax and delivery, address, seller and payment; an explicit yes; the voice
 * PIN above the configured amount; then exactly-once placement. Reorders end here too.
 */
import { productName } from '../../catalog/product';
import { formatPrice, joinList } from '../../i18n/format';
import { placeOrder } from '../../orders/place-order';
import { quoteCart, type Quote } from '../../orders/quote';
import type { Order } from '../../ports';
import type { PendingAction, Reply } from '../../turn';
import type { TurnContext } from '../context';
import { onPending } from './confirm';
import { recordOrderForReplenishment } from './replenish';

function money(ctx: TurnContext, cents: number, currency: string): string {
  return formatPrice(cents, currency, ctx.locale);
}

function itemsText(ctx: TurnContext, quote: Quote): string {
  return joinList(
    quote.lines.map((line) => {
      const product = ctx.deps.catalog.get(line.productId);
      return ctx.msg.cartLine(line.quantity, product ? productName(product, ctx.locale) : line.productId);
    }),
    ctx.locale,
  );
}

/** Everything about the account that must hold before an order can be proposed or placed; a Reply when it does not. */
async function accountBlocker(ctx: TurnContext): Promise<Reply | undefined> {
  if (!(await ctx.isLinked())) return ctx.tell(ctx.msg.linkAccount, { linkAccount: true });
  const customer = await ctx.customer();
  if (customer.profile?.voiceOrderingLocked) return ctx.tell(ctx.msg.voiceOrderingLocked);
  if (!customer.profile?.address || !customer.profile.paymentMethod) return ctx.tell(ctx.msg.missingAddressOrPayment);
  return undefined;
}

/** Reads the order back and waits for an explicit yes. `prefix` lets reorder say what it put in the cart first. */
export async function proposeCheckout(ctx: TurnContext, prefix = ''): Promise<Reply> {
  const blocked = await accountBlocker(ctx);
  if (blocked) return blocked;
  const customer = await ctx.customer();
  if (customer.cart.lines.length === 0) return ctx.ask(ctx.msg.checkoutEmpty, ctx.msg.welcomeReprompt);
  const quote = quoteCart(customer.cart.lines, ctx.deps.catalog, ctx.deps.policy);
  if (quote.lines.length === 0) return ctx.ask(ctx.msg.checkoutEmpty, ctx.msg.welcomeReprompt);
  const { address, paymentMethod } = customer.profile!;
  const readback = ctx.msg.checkoutReadback({
    seller: ctx.deps.policy.sellerName,
    items: itemsText(ctx, quote),
    total: money(ctx, quote.totalCents, quote.currency),
    tax: money(ctx, quote.taxCents, quote.currency),
    delivery: quote.deliveryFeeCents === 0 ? ctx.msg.freeDelivery : money(ctx, quote.deliveryFeeCents, quote.currency),
    address: `${address!.street}, ${address!.city}`,
    payment: `${capitalise(paymentMethod!.brand)} …${paymentMethod!.last4}`,
  });
  const unavailable = quote.unavailable.length > 0 ? ` ${ctx.msg.unavailableSkipped(quote.unavailable.length)}` : '';
  // The confirmed cart is pinned by its version: if it changes before the yes, nothing is ordered.
  ctx.session.pending = { kind: 'checkout', cartVersion: customer.cart.version, totalCents: quote.totalCents };
  return ctx.ask(`${prefix}${readback}${unavailable} ${ctx.msg.checkoutQuestion}`.trim(), ctx.msg.checkoutQuestion, {
    ask: { kind: 'confirm' },
    display: { title: ctx.deps.policy.sellerName, text: money(ctx, quote.totalCents, quote.currency), items: quote.lines.map((line) => ({ id: line.productId, title: `${line.quantity} × ${productName(ctx.deps.catalog.get(line.productId)!, ctx.locale)}`, price: money(ctx, line.unitPriceCents * line.quantity, quote.currency) })) },
  });
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

export async function checkoutIntent(ctx: TurnContext): Promise<Reply> {
  const pending = ctx.session.pending;
  if (pending?.kind === 'checkout' && ctx.turn.dialog.confirmation === 'CONFIRMED') return confirmCheckout(ctx, pending);
  if (pending?.kind === 'checkout' && ctx.turn.dialog.confirmation === 'DENIED') return declineCheckout(ctx);
  return proposeCheckout(ctx);
}

async function confirmCheckout(ctx: TurnContext, pending: PendingAction): Promise<Reply> {
  const blocked = await accountBlocker(ctx);
  if (blocked) return blocked;
  const customer = await ctx.customer();
  if (customer.cart.version !== pending.cartVersion) {
    // Either the cart changed, or this very order was already placed (which empties the cart): tell which.
    const placed = findPlacedFromPending(customer.orders, pending);
    if (placed) return orderConfirmed(ctx, placed, true);
    delete ctx.session.pending;
    return ctx.ask(ctx.msg.cartChanged, ctx.msg.checkoutQuestion);
  }
  const quote = quoteCart(customer.cart.lines, ctx.deps.catalog, ctx.deps.policy);
  if (quote.totalCents > ctx.deps.policy.pinThresholdCents && pending.pinVerified !== true) {
    if (!customer.profile?.voicePinSet) {
      delete ctx.session.pending;
      return ctx.tell(ctx.msg.pinNotSet);
    }
    ctx.session.pending = { ...pending, awaitingPin: true };
    const ask = ctx.msg.pinNeeded(money(ctx, ctx.deps.policy.pinThresholdCents, quote.currency));
    return ctx.ask(ask, ask, { ask: { kind: 'elicit', slot: 'pin' } });
  }
  const result = await placeOrder(
    { orders: ctx.deps.orders, payments: ctx.deps.payments, clock: ctx.deps.clock, log: ctx.deps.log, policy: ctx.deps.policy },
    {
      customerId: customer.customerId,
      cartLines: customer.cart.lines,
      cartVersion: customer.cart.version,
      quote,
      paymentMethod: customer.profile!.paymentMethod!,
      claimant: ctx.turn.requestId,
    },
  );
  delete ctx.session.pending;
  switch (result.kind) {
    case 'placed':
      if (!result.duplicate) await recordOrderForReplenishment(ctx, result.order);
      return orderConfirmed(ctx, result.order, result.duplicate);
    case 'in-progress':
      return ctx.tell(ctx.msg.orderInProgress);
    case 'declined':
      return ctx.ask(ctx.msg.orderDeclined, ctx.msg.anythingElse);
    case 'cart-changed':
      return ctx.ask(ctx.msg.cartChanged, ctx.msg.checkoutQuestion);
    case 'failed':
      ctx.deps.log.error('order placement failed', { error: result.error instanceof Error ? result.error.name : typeof result.error });
      return ctx.ask(ctx.msg.orderFailed, ctx.msg.anythingElse);
  }
}

/** A pending checkout whose cart was already turned into an order: the order placed from exactly that version. */
function findPlacedFromPending(orders: Order[] | undefined, pending: PendingAction): Order | undefined {
  return orders?.find((order) => order.status === 'placed' && order.cartVersion === pending.cartVersion);
}

function orderConfirmed(ctx: TurnContext, order: Order, duplicate: boolean): Reply {
  delete ctx.session.pending;
  const day = ctx.msg.day(new Date(order.deliveryBy));
  const speech = duplicate ? ctx.msg.orderAlreadyPlaced(order.orderId, day) : ctx.msg.orderPlaced(order.orderId, day);
  return ctx.tell(speech, {
    display: {
      title: ctx.msg.orderCardTitle(order.orderId),
      text: `${money(ctx, order.totalCents, order.currency)} · ${day}`,
      items: order.lines.map((line) => {
        const product = ctx.deps.catalog.get(line.productId);
        return { id: line.productId, title: `${line.quantity} × ${product ? productName(product, ctx.locale) : line.productId}`, price: money(ctx, line.unitPriceCents * line.quantity, order.currency) };
      }),
    },
  });
}

async function declineCheckout(ctx: TurnContext): Promise<Reply> {
  delete ctx.session.pending;
  return ctx.ask(ctx.msg.orderKept, ctx.msg.anythingElse);
}

export async function voicePinIntent(ctx: TurnContext): Promise<Reply> {
  const pending = ctx.session.pending;
  if (pending?.kind !== 'checkout' || pending.awaitingPin !== true) return ctx.ask(ctx.msg.pinNoPending, ctx.msg.helpReprompt);
  const pin = (ctx.turn.slots.pin?.raw ?? '').replace(/\D/g, '');
  const customer = await ctx.customer();
  const { result, triesLeft } = await ctx.deps.pins.verify(customer.customerId, pin);
  switch (result) {
    case 'ok':
      return confirmCheckout(ctx, { ...pending, pinVerified: true, awaitingPin: false });
    case 'wrong':
      return ctx.ask(ctx.msg.pinWrong(triesLeft), ctx.msg.pinWrong(triesLeft), { ask: { kind: 'elicit', slot: 'pin' } });
    case 'locked':
      delete ctx.session.pending;
      return ctx.tell(ctx.msg.voiceOrderingLocked);
    case 'not-set':
      delete ctx.session.pending;
      return ctx.tell(ctx.msg.pinNotSet);
  }
}

onPending('checkout', {
  yes: (ctx, pending) => (pending.awaitingPin === true ? Promise.resolve(ctx.ask(ctx.msg.pinNeeded(money(ctx, ctx.deps.policy.pinThresholdCents, ctx.deps.policy.currency)), ctx.msg.checkoutQuestion)) : confirmCheckout(ctx, pending)),
  no: (ctx) => declineCheckout(ctx),
});
