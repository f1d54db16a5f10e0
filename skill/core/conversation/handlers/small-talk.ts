/** "Thanks" and "start over": the turns that are about the conversation itself, not the shop. */
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { LAST_LINE } from '../steps/cart-writes';

/** The conversation's context that "start over" forgets: what was searched, chosen, talked about and said last. */
const CONTEXT_KEYS = ['lastResults', 'resultOffset', 'lastQuery', 'lastChosen', 'misses', 'unsure', 'lastSpeech', LAST_LINE] as const;

/**
 * "Thanks": with a question open, a short "you're welcome" and the question again (it stays open, so the shopper
 * can still answer it); with nothing open, a friendly close.
 */
export async function thanks(ctx: TurnContext): Promise<Reply> {
  if (ctx.answering) return ctx.reask(ctx.answering, `${ctx.msg.welcome} ${ctx.answering.prompt}`);
  return ctx.tell(ctx.msg.welcomeGoodbye);
}

/**
 * "Start over" forgets the conversation's context and the open question (this reply asks none, so the engine
 * drops it). The cart is the shopper's and is never emptied without asking: the reply says so and how to.
 */
export async function startOver(ctx: TurnContext): Promise<Reply> {
  for (const key of CONTEXT_KEYS) delete ctx.session[key];
  return ctx.ask(ctx.msg.startedOver, ctx.msg.welcomeReprompt);
}
