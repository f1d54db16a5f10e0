/**
 * Checkout: read back items, total with tax and delivery, address, seller and payment; an explicit yes to exactly
 * that read-back; the voice PIN above the configured amount; then exactly-once placement. Reorders and accepted
 * replenishment offers end here too.
 */
import { productName } from '../../catalog/product';
import { placeOrder } from '../../orders/place-order';
import type { Order, ReplenishmentUpdate } from '../../ports';
import { basisForOrder, predictionUpdate, recordAfterOrder } from '../../replenishment/order-placed';
import type { Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import type { QuestionOf } from '../questions';
import { accountBlocker, currentQuote, money, proposeCheckout } from '../steps/checkout-proposal';
import { offerHandoff } from '../steps/handoff';

type CheckoutQuestion = QuestionOf<'checkout'>;

export async function checkoutIntent(ctx: TurnContext): Promise<Reply> {
  return proposeCheckout(ctx);
}

function askForPin(ctx: TurnContext, question: CheckoutQuestion, speech: string): Reply {
  return ctx.pose({ ...question, awaitingPin: true, pinVerified: false }, speech, speech, { ask: { kind: 'elicit', slot: 'pin', intent: 'VoicePinIntent' } });
}

async function confirmCheckout(ctx: TurnContext, question: CheckoutQuestion): Promise<Reply> {
  const blocked = await accountBlocker(ctx);
  if (blocked) return blocked;
  const customer = await ctx.customer();
  if (customer.cart.version !== question.cartVersion) {
    // Either the cart changed, or this very order was already placed (which empties the cart): tell which.
    const placed = (await ctx.orders()).find((order) => order.status === 'placed' && order.cartVersion === question.cartVersion);
    if (placed) return orderConfirmed(ctx, placed, true);
    return proposeCheckout(ctx, `${ctx.msg.cartChanged} `);
  }
  const quote = await currentQuote(ctx);
  // A price changed since the read-back: the shopper agreed to a different total, so read it back again.
  if (quote.totalCents !== question.totalCents) return proposeCheckout(ctx, `${ctx.msg.cartChanged} `);
  if (quote.totalCents > ctx.deps.policy.pinThresholdCents && question.pinVerified !== true) {
    if (!customer.profile?.voicePinSet) return ctx.tell(ctx.msg.pinNotSet);
    return askForPin(ctx, question, ctx.msg.pinNeeded(money(ctx, ctx.deps.policy.pinThresholdCents, quote.currency)));
  }
  // Read before the claim only when the loaded basis cannot say (older data): on the usual path this is no request.
  const basis = await basisForOrder(ctx.deps, customer.customerId, customer.predictionBasis, customer.cart.lines.map((line) => line.productId));
  let update: ReplenishmentUpdate | undefined;
  const result = await placeOrder(
    { orders: ctx.deps.orders, payments: ctx.deps.payments, clock: ctx.deps.clock, log: ctx.deps.log, policy: ctx.deps.policy },
    {
      customerId: customer.customerId,
      cartLines: customer.cart.lines,
      cartVersion: customer.cart.version,
      quote,
      paymentMethod: customer.profile!.paymentMethod!,
      claimant: ctx.turn.requestId,
      // A charge that could not finish inside the turn's budget is not started: the shopper would hear an apology.
      deadline: ctx.deadline,
      // Written with the order, in its transaction: the prediction update and the end of the question it answers.
      alongside: (order) => {
        update = basis ? predictionUpdate(ctx.deps, customer.customerId, order, basis) : undefined;
        return { ...(ctx.dialogKey ? { answeredDialogKey: ctx.dialogKey } : {}), ...(update ? { replenishment: update } : {}) };
      },
    },
  );
  switch (result.kind) {
    case 'placed':
      if (!result.duplicate) {
        if (result.written?.questionCleared) ctx.questionSettled = true;
        if (update && !result.written?.replenishmentRecorded) await recordAfterOrder(ctx.deps, customer.customerId, update);
      }
      return orderConfirmed(ctx, result.order, result.duplicate);
    case 'in-progress':
      return ctx.tell(ctx.msg.orderInProgress);
    // A payment that failed after the shopper's yes: nothing was charged (or it is refunded), the cart is kept, and a
    // person from the shop is offered.
    case 'declined':
      return offerHandoff(ctx, 'payment-failed', ctx.msg.orderDeclined, ctx.msg.handoffOfferPayment) ?? ctx.ask(ctx.msg.orderDeclined, ctx.msg.anythingElse);
    case 'cart-changed':
      return ctx.ask(result.charged === 'no' ? ctx.msg.cartChanged : ctx.msg.cartChangedRefunded, ctx.msg.checkoutQuestion);
    case 'too-late':
      return ctx.ask(ctx.msg.orderTooLate, ctx.msg.anythingElse);
    case 'failed': {
      ctx.deps.log.error('order placement failed', { charged: result.charged, error: result.error instanceof Error ? result.error.name : typeof result.error });
      // "Nothing was charged" only when that is known; a timed-out charge may have gone through and is refunded.
      const said = result.charged === 'no' ? ctx.msg.orderFailed : ctx.msg.orderFailedMaybeCharged;
      return offerHandoff(ctx, 'payment-failed', said, ctx.msg.handoffOfferPayment) ?? ctx.ask(said, ctx.msg.anythingElse);
    }
  }
}

function orderConfirmed(ctx: TurnContext, order: Order, duplicate: boolean): Reply {
  const day = ctx.msg.day(new Date(order.deliveryBy));
  // "Sent to your app" only where there is one (absent: a hand-built turn, the long-standing Alexa-like default).
  const speech = duplicate ? ctx.msg.orderAlreadyPlaced(order.orderId, day) : ctx.msg.orderPlaced(order.orderId, day, ctx.turn.device.app ?? true);
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

/**
 * The voice PIN, heard only as the answer to the PIN question of a checkout read back in this conversation. A
 * turn without digits (a miss) asks again; the failure count lives in the store, so tries cannot be reset.
 */
export async function voicePinIntent(ctx: TurnContext): Promise<Reply> {
  const asked = ctx.answering;
  const question = asked?.question;
  if (!asked || question?.kind !== 'checkout' || question.awaitingPin !== true) return ctx.ask(ctx.msg.pinNoPending, ctx.msg.helpReprompt);
  const pin = (ctx.turn.intent === 'VoicePinIntent' ? (ctx.turn.slots.pin?.raw ?? '') : '').replace(/\D/g, '');
  if (pin.length === 0) return ctx.reask(asked);
  const customer = await ctx.customer();
  const { result, triesLeft } = await ctx.deps.pins.verify(customer.customerId, pin);
  switch (result) {
    case 'ok':
      return confirmCheckout(ctx, { ...question, awaitingPin: false, pinVerified: true });
    case 'wrong':
      return askForPin(ctx, question, ctx.msg.pinWrong(triesLeft));
    case 'locked':
      return ctx.tell(ctx.msg.voiceOrderingLocked);
    case 'not-set':
      return ctx.tell(ctx.msg.pinNotSet);
  }
}

export const checkoutAnswers: QuestionAnswers<'checkout'> = {
  // While the PIN is asked for, "yes" is no PIN: ask for it again.
  yes: async (ctx, question) => (question.awaitingPin === true && ctx.answering ? ctx.reask(ctx.answering) : confirmCheckout(ctx, question)),
  no: async (ctx) => ctx.ask(ctx.msg.orderKept, ctx.msg.anythingElse),
};
