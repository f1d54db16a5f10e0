/**
 * Yes and No answer the question that is pending in the session. Each kind of pending action registers what yes
 * and no mean, so a new flow (checkout, reorder, reminders) adds an entry instead of a branch here.
 */
import type { PendingAction, Reply } from '../../turn';
import type { TurnContext } from '../context';
import { addProduct, clearCart, keepCart } from './cart';

export interface PendingHandlers {
  yes(ctx: TurnContext, pending: PendingAction): Promise<Reply>;
  no(ctx: TurnContext, pending: PendingAction): Promise<Reply>;
}

const registry = new Map<string, PendingHandlers>();

export function onPending(kind: string, handlers: PendingHandlers): void {
  registry.set(kind, handlers);
}

onPending('clearCart', { yes: (ctx) => clearCart(ctx), no: (ctx) => keepCart(ctx) });
onPending('add', {
  yes: async (ctx, pending) => {
    const product = typeof pending.productId === 'string' ? ctx.deps.catalog.get(pending.productId) : undefined;
    const quantity = typeof pending.quantity === 'number' && pending.quantity > 0 ? pending.quantity : 1;
    if (!product) {
      delete ctx.session.pending;
      return ctx.ask(ctx.msg.noResultsToChoose, ctx.msg.helpReprompt);
    }
    return addProduct(ctx, product, quantity);
  },
  no: async (ctx) => {
    delete ctx.session.pending;
    return ctx.ask(ctx.msg.cancelledPending, ctx.msg.helpReprompt);
  },
});

function pendingHandlers(ctx: TurnContext): [PendingAction, PendingHandlers] | undefined {
  const pending = ctx.session.pending;
  if (!pending || typeof pending.kind !== 'string') return undefined;
  const handlers = registry.get(pending.kind);
  return handlers ? [pending, handlers] : undefined;
}

export async function yes(ctx: TurnContext): Promise<Reply> {
  const found = pendingHandlers(ctx);
  if (!found) {
    delete ctx.session.pending;
    return ctx.ask(ctx.msg.nothingToConfirm, ctx.msg.helpReprompt);
  }
  return found[1].yes(ctx, found[0]);
}

/** "No" without a question pending answers "Anything else?": the shopper is done. */
export async function no(ctx: TurnContext): Promise<Reply> {
  const found = pendingHandlers(ctx);
  if (!found) return ctx.tell(ctx.msg.goodbye);
  return found[1].no(ctx, found[0]);
}
