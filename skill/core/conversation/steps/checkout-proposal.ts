/**
 * Reading an order back before it is placed: items, total with tax and delivery, address, seller and payment,
 * then one question. What the yes will authorise (this cart version, this total) is kept with the question.
 */
import { productName } from '../../catalog/product';
import { packLineWords } from '../../cart/pack-line';
import { formatPrice, joinList } from '../../i18n/format';
import { quoteCart, type Quote } from '../../orders/quote';
import { sayDigits } from '../../speech-marks';
import { canSendLinkingCard, type Reply } from '../../turn';
import type { TurnContext } from '../context';

export function money(ctx: TurnContext, cents: number, currency: string): string {
  return formatPrice(cents, currency, ctx.locale);
}

function itemsText(ctx: TurnContext, quote: Quote): string {
  return joinList(
    quote.lines.map((line) => {
      const product = ctx.deps.catalog.get(line.productId);
      return product ? ctx.msg.cartLineWithPacks(packLineWords(product, line.quantity, ctx.locale)) : ctx.msg.cartLine(line.quantity, line.productId);
    }),
    ctx.locale,
  );
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Everything about the account that must hold before an order can be proposed or placed; a Reply when it does not. */
export async function accountBlocker(ctx: TurnContext): Promise<Reply | undefined> {
  if (!(await ctx.isLinked())) {
    // Where no app can hold a linking card (a web chat, a phone line), ending on "see your app" strands the shopper:
    // the one-time code from the shop's account page links right here, so the conversation stays open for it.
    if (!canSendLinkingCard(ctx.turn.device)) return ctx.ask(ctx.msg.linkAccountWithCode, ctx.msg.linkCodeAsk);
    return ctx.tell(ctx.msg.linkAccount, { linkAccount: true });
  }
  const customer = await ctx.customer();
  if (customer.profile?.voiceOrderingLocked) return ctx.tell(ctx.msg.voiceOrderingLocked);
  if (!customer.profile?.address || !customer.profile.paymentMethod) return ctx.tell(ctx.msg.missingAddressOrPayment);
  return undefined;
}

/** The cart priced as it would be charged now. */
export async function currentQuote(ctx: TurnContext): Promise<Quote> {
  const customer = await ctx.customer();
  return quoteCart(customer.cart.lines, ctx.deps.catalog, ctx.deps.policy, ctx.locale);
}

/** Reads the order back and waits for an explicit yes. `prefix` lets reorder say what it put in the cart first. */
export async function proposeCheckout(ctx: TurnContext, prefix = ''): Promise<Reply> {
  const blocked = await accountBlocker(ctx);
  if (blocked) return blocked;
  const customer = await ctx.customer();
  if (customer.cart.lines.length === 0) return ctx.ask(ctx.msg.checkoutEmpty, ctx.msg.welcomeReprompt);
  const quote = await currentQuote(ctx);
  if (quote.lines.length === 0) return ctx.ask(ctx.msg.checkoutEmpty, ctx.msg.welcomeReprompt);
  const { address, paymentMethod } = customer.profile!;
  const readback = ctx.msg.checkoutReadback({
    seller: ctx.deps.policy.sellerName,
    items: itemsText(ctx, quote),
    total: money(ctx, quote.totalCents, quote.currency),
    tax: money(ctx, quote.taxCents, quote.currency),
    delivery: quote.deliveryFeeCents === 0 ? ctx.msg.freeDelivery : money(ctx, quote.deliveryFeeCents, quote.currency),
    address: `${address!.street}, ${address!.city}`,
    // The last four are marked, not written as markup: each adapter makes its voice read them digit by digit.
    payment: ctx.msg.cardEnding(capitalise(paymentMethod!.brand), sayDigits(paymentMethod!.last4)),
  });
  const unavailable = quote.unavailable.length > 0 ? ` ${ctx.msg.unavailableSkipped(quote.unavailable.length)}` : '';
  // The yes places exactly this: if the cart or its price changes before the answer, nothing is ordered.
  return ctx.pose(
    { kind: 'checkout', cartVersion: customer.cart.version, totalCents: quote.totalCents },
    `${prefix}${readback}${unavailable} ${ctx.msg.checkoutQuestion}`.trim(),
    ctx.msg.checkoutQuestion,
    {
      ask: { kind: 'confirm' },
      display: {
        title: ctx.deps.policy.sellerName,
        text: money(ctx, quote.totalCents, quote.currency),
        items: quote.lines.map((line) => ({ id: line.productId, title: `${line.quantity} × ${productName(ctx.deps.catalog.get(line.productId)!, ctx.locale)}`, price: money(ctx, line.unitPriceCents * line.quantity, quote.currency) })),
      },
    },
  );
}
