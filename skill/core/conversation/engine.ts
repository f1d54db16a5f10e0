/**
 * The conversation core: routes a Turn to the handler of its intent and guarantees a Reply. A failing
 * dependency becomes a spoken apology with the session kept, so the shopper can simply say it again.
 */
import { DependencyError } from '../errors';
import type { CoreIntent, Reply, Turn } from '../turn';
import { TurnContext, type CoreDeps } from './context';
import type { ConversationCore } from './core';
import { addToCartIntent, clearCartIntent, readCart, removeFromCartIntent } from './handlers/cart';
import { no, yes } from './handlers/confirm';
import { more, searchProducts, selectItem } from './handlers/search';
import { cancel, fallback, help, launch, sessionEnded, stop } from './handlers/session';
import { checkoutIntent, voicePinIntent } from './handlers/checkout';
import { cancelOrderIntent, orderStatusIntent, reorderIntent } from './handlers/orders';
import { deleteMyDataIntent } from './handlers/privacy';
import { enableRemindersIntent, listRemindersIntent, permissionAnswer, replenishmentIntent, stopRemindersIntent } from './handlers/replenish';

export type Handler = (ctx: TurnContext) => Promise<Reply>;

const handlersByIntent: Partial<Record<CoreIntent, Handler>> = {
  Launch: launch,
  SessionEnded: sessionEnded,
  Help: help,
  Stop: stop,
  Cancel: cancel,
  Fallback: fallback,
  Yes: yes,
  No: no,
  More: more,
  SelectItemIntent: selectItem,
  SearchProductIntent: searchProducts,
  AddToCartIntent: addToCartIntent,
  RemoveFromCartIntent: removeFromCartIntent,
  ReadCartIntent: readCart,
  ClearCartIntent: clearCartIntent,
  CheckoutIntent: checkoutIntent,
  VoicePinIntent: voicePinIntent,
  OrderStatusIntent: orderStatusIntent,
  CancelOrderIntent: cancelOrderIntent,
  ReorderIntent: reorderIntent,
  DeleteMyDataIntent: deleteMyDataIntent,
  ReplenishmentIntent: replenishmentIntent,
  EnableRemindersIntent: enableRemindersIntent,
  StopRemindersIntent: stopRemindersIntent,
  ListRemindersIntent: listRemindersIntent,
  PermissionAnswer: permissionAnswer,
};

export function createConversationCore(deps: CoreDeps, extraHandlers: Partial<Record<CoreIntent, Handler>> = {}): ConversationCore {
  const handlers = { ...handlersByIntent, ...extraHandlers };
  return {
    async handle(turn: Turn): Promise<Reply> {
      const ctx = new TurnContext(turn, deps);
      const handler = handlers[turn.intent] ?? fallback;
      const started = Date.now();
      try {
        const reply = await handler(ctx);
        deps.log.info('turn', { intent: turn.intent, platform: turn.customer.platform, locale: turn.locale, ms: Date.now() - started });
        return reply;
      } catch (error) {
        // Only ids and error names are logged: the utterance and the customer's data stay out of the logs.
        deps.log.error('turn failed', {
          intent: turn.intent,
          platform: turn.customer.platform,
          error: error instanceof Error ? error.name : typeof error,
          dependency: error instanceof DependencyError ? error.dependency : undefined,
          cause: error instanceof Error && error.cause instanceof Error ? error.cause.name : undefined,
        });
        if (turn.intent === 'SessionEnded') return ctx.tell('');
        return { speech: ctx.msg.trouble, reprompt: ctx.msg.helpReprompt, endSession: false, sessionState: turn.session ?? {} };
      }
    },
  };
}
