/** "Delete my data": erasure on request, after an explicit yes. */
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { onPending } from './confirm';

export async function deleteMyDataIntent(ctx: TurnContext): Promise<Reply> {
  if (ctx.turn.dialog.confirmation === 'CONFIRMED' && ctx.session.pending?.kind === 'erase') return erase(ctx);
  if (ctx.turn.dialog.confirmation === 'DENIED') return keep(ctx);
  ctx.session.pending = { kind: 'erase' };
  return ctx.ask(ctx.msg.eraseConfirm, ctx.msg.eraseConfirm, { ask: { kind: 'confirm' } });
}

async function erase(ctx: TurnContext): Promise<Reply> {
  const customerId = await ctx.customerId();
  // A linked merchant account keeps its orders (accounting); an anonymous platform user keeps nothing.
  const keepOrders = await ctx.isLinked();
  const deleted = await ctx.deps.customers.erase(customerId, { keepOrders });
  ctx.deps.log.info('customer data erased', { items: deleted, keptOrders: keepOrders });
  return ctx.tell(ctx.msg.erased(keepOrders));
}

async function keep(ctx: TurnContext): Promise<Reply> {
  delete ctx.session.pending;
  return ctx.ask(ctx.msg.eraseKept, ctx.msg.anythingElse);
}

onPending('erase', { yes: erase, no: keep });
