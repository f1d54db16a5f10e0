/**
 * Launch, help, repeat, stop, cancel, fallback, session end, and a yes or no that answers nothing: the turns that
 * frame a conversation.
 */
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { launchNudge } from '../steps/replenishment-due';
import { firstContact } from '../steps/first-contact';

export async function launch(ctx: TurnContext): Promise<Reply> {
  // The first contact says it is an automated assistant; remember that it was said.
  if (await firstContact(ctx)) return ctx.ask(ctx.msg.welcomeFirst, ctx.msg.welcomeReprompt);
  const nudge = await launchNudge(ctx);
  if (nudge) {
    return ctx.pose({ kind: 'replenish', lines: [{ productId: nudge.productId, quantity: nudge.quantity }] }, `${ctx.msg.welcomeBackBrief} ${nudge.speech}`, nudge.speech);
  }
  return ctx.ask(ctx.msg.welcomeBack, ctx.msg.welcomeReprompt);
}

/** Help; with a question pending, help is said and the question asked again (it stays open). */
export async function help(ctx: TurnContext): Promise<Reply> {
  if (ctx.answering) return ctx.reask(ctx.answering, `${ctx.msg.help} ${ctx.answering.prompt}`);
  return ctx.ask(ctx.msg.help, ctx.msg.helpReprompt);
}

/** "Say that again": the pending question, else the last thing said, else a short hint. */
export async function repeat(ctx: TurnContext): Promise<Reply> {
  if (ctx.answering) return ctx.reask(ctx.answering);
  const last = typeof ctx.session.lastSpeech === 'string' && ctx.session.lastSpeech ? ctx.session.lastSpeech : undefined;
  return last ? ctx.ask(last, ctx.msg.helpReprompt) : ctx.ask(ctx.msg.welcomeReprompt, ctx.msg.helpReprompt);
}

export async function stop(ctx: TurnContext): Promise<Reply> {
  return ctx.tell(ctx.msg.goodbye);
}

/** "Cancel" withdraws a pending question when there was one (the engine has dropped it); otherwise it ends the session like stop. */
export async function cancel(ctx: TurnContext): Promise<Reply> {
  if (ctx.dialogKey && (await ctx.customer()).question !== undefined) return ctx.ask(ctx.msg.cancelledPending, ctx.msg.helpReprompt);
  return ctx.tell(ctx.msg.goodbye);
}

/** Not understood: a miss. The second in a row offers a person instead (steps/handoff.ts, from the engine). */
export async function fallback(ctx: TurnContext): Promise<Reply> {
  ctx.missed = true;
  return ctx.ask(ctx.msg.fallback, ctx.msg.helpReprompt);
}

/** A yes with no question pending (or one that expired, or was asked in another conversation): nothing happens. */
export async function yes(ctx: TurnContext): Promise<Reply> {
  return ctx.ask(ctx.msg.nothingToConfirm, ctx.msg.helpReprompt);
}

/** "No" without a question pending answers "Anything else?": the shopper is done. */
export async function no(ctx: TurnContext): Promise<Reply> {
  return ctx.tell(ctx.msg.goodbye);
}

/** The platform closed the session (timeout, user exit, error): nothing may be said, nothing is lost. */
export async function sessionEnded(ctx: TurnContext): Promise<Reply> {
  return ctx.tell('');
}
