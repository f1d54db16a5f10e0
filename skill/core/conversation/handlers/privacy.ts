/**
 * "Delete my data": erasure on request, after an explicit yes, of everything stored under every identity the
 * shopper used (a linked account and the platform users it was used from before and since linking).
 */
import type { Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { platformIdentity } from '../steps/identities';

export async function deleteMyDataIntent(ctx: TurnContext): Promise<Reply> {
  return ctx.pose({ kind: 'erase' }, ctx.msg.eraseConfirm, ctx.msg.eraseConfirm, { ask: { kind: 'confirm' } });
}

async function erase(ctx: TurnContext): Promise<Reply> {
  const customerId = await ctx.customerId();
  const customer = await ctx.customer();
  // A linked merchant account keeps its order records (accounting); an anonymous platform user keeps nothing.
  const linked = await ctx.isLinked();
  // The summary counts every order placed; history written before summaries existed is counted from the orders.
  const ordersKept = linked ? (customer.orderCount ?? (await ctx.orders()).length) : 0;
  // Platform identities this account was used from: their own partitions hold what was stored before linking.
  const identities = linked ? [...new Set([...(customer.profile?.identities ?? []), platformIdentity(ctx)])].filter((id) => id !== customerId) : [];
  let deleted = await ctx.deps.customers.erase(customerId, { keepOrders: linked });
  let identitiesWithData = 0;
  for (const identity of identities) {
    const items = await ctx.deps.customers.erase(identity, { keepOrders: false });
    deleted += items;
    if (items > 0) identitiesWithData += 1;
  }
  ctx.deps.log.info('customer data erased', { items: deleted, ordersKept, identities: identities.length });
  return ctx.tell(ctx.msg.erased({ ordersKept, identities: identitiesWithData }));
}

export const eraseAnswers: QuestionAnswers<'erase'> = {
  yes: erase,
  async no(ctx) {
    return ctx.ask(ctx.msg.eraseKept, ctx.msg.anythingElse);
  },
};
