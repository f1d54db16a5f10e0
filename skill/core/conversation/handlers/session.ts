/** Launch, help, stop, cancel, fallback and session end: the turns that frame a conversation. */
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { launchNudge } from './replenish';

/** After this many misunderstood turns in a row, the fallback offers help instead of repeating itself. */
export const MISSES_BEFORE_HELP = 2;

export async function launch(ctx: TurnContext): Promise<Reply> {
  const customer = await ctx.customer();
  if (!customer.profile?.firstContactAt) {
    // The first contact says it is an automated assistant; remember that it was said.
    await ctx.deps.customers.saveProfile({
      ...(customer.profile ?? {}),
      customerId: customer.customerId,
      firstContactAt: ctx.deps.clock.now().toISOString(),
      locale: ctx.locale,
    });
    return ctx.ask(ctx.msg.welcomeFirst, ctx.msg.welcomeReprompt);
  }
  const nudge = await launchNudge(ctx);
  if (nudge) return ctx.ask(`${ctx.msg.welcomeBackBrief} ${nudge}`, nudge, { ask: { kind: 'confirm' } });
  return ctx.ask(ctx.msg.welcomeBack, ctx.msg.welcomeReprompt);
}

export async function help(ctx: TurnContext): Promise<Reply> {
  ctx.session.misses = 0;
  return ctx.ask(ctx.msg.help, ctx.msg.helpReprompt);
}

export async function stop(ctx: TurnContext): Promise<Reply> {
  return ctx.tell(ctx.msg.goodbye);
}

/** "Cancel" withdraws a pending question when there is one; otherwise it ends the session like stop. */
export async function cancel(ctx: TurnContext): Promise<Reply> {
  if (ctx.session.pending) {
    delete ctx.session.pending;
    return ctx.ask(ctx.msg.cancelledPending, ctx.msg.helpReprompt);
  }
  return ctx.tell(ctx.msg.goodbye);
}

export async function fallback(ctx: TurnContext): Promise<Reply> {
  const misses = (typeof ctx.session.misses === 'number' ? ctx.session.misses : 0) + 1;
  ctx.session.misses = misses;
  if (misses >= MISSES_BEFORE_HELP) return ctx.ask(ctx.msg.fallbackOfferHelp, ctx.msg.helpReprompt);
  return ctx.ask(ctx.msg.fallback, ctx.msg.helpReprompt);
}

/** The platform closed the session (timeout, user exit, error): nothing may be said, nothing is lost. */
export async function sessionEnded(ctx: TurnContext): Promise<Reply> {
  return ctx.tell('');
}
