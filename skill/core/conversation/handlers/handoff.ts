/**
 * Handing the shopper over to a person from the shop. A smart speaker cannot transfer a call (Alexa closes the
 * session within seconds), so the handoff is asynchronous and said as it is: vocart is an automated assistant, a
 * person will answer later, roughly when (the shop's hours and response target), and where (the next visit, on any
 * channel; an Alexa reminder where the shopper allowed reminders).
 *
 * Asked for ("talk to a person", "my order arrived damaged"), a case opens at once without the conversation, and
 * the shopper is asked whether it may go with it. Offered (misses, an unsure platform, a failed payment), nothing
 * opens without a yes, and that yes is the consent to pass the conversation on.
 */
import type { HandoffReason } from '../../handoff/case';
import { orderProblemOf } from '../../handoff/order-problems';
import { redact } from '../../handoff/transcript';
import type { Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { answerPromise, answerReachesShopper, openCase, openedHere } from '../steps/handoff';

/** Said wherever a person cannot be reached (no handoff configured): the shop's website instead. */
const unavailable = (ctx: TurnContext): Reply => ctx.ask(ctx.msg.handoffUnavailable, ctx.msg.helpReprompt);

/** Opens the case the shopper asked for, says when and where the answer comes, and asks to add the conversation. */
async function openAsked(ctx: TurnContext, reason: HandoffReason, lead: string, details: { orderId?: string; problem?: string } = {}): Promise<Reply> {
  if (!ctx.deps.handoff) return unavailable(ctx);
  ctx.handoffTrigger = true;
  // Asking twice in one conversation is one request: a second case would only split the answer.
  if (openedHere(ctx, reason)) return ctx.ask(ctx.msg.handoffAlreadyOpen({ when: answerPromise(ctx).when }), ctx.msg.anythingElse);
  const opened = await openCase(ctx, reason, details);
  const { when, reminder, extra } = answerPromise(ctx);
  const reachable = await answerReachesShopper(ctx);
  const told = ctx.msg.handoffOpened({ when, reminder, withConversation: false, reachable, ...(details.orderId ? { orderId: details.orderId } : {}) });
  const question = ctx.msg.handoffShareQuestion;
  return ctx.pose({ kind: 'shareTranscript', caseId: opened.caseId }, [lead, told, question].filter(Boolean).join(' '), question, extra);
}

/** "Talk to a person", "customer service". */
export async function humanHandoffIntent(ctx: TurnContext): Promise<Reply> {
  return openAsked(ctx, 'asked-for-person', '');
}

/** "My order arrived damaged": about the most recent order still standing, when there is one. */
export async function orderProblemIntent(ctx: TurnContext): Promise<Reply> {
  if (!ctx.deps.handoff) return unavailable(ctx);
  const order = (await ctx.orders()).find((candidate) => candidate.status === 'placed');
  const problem = orderProblemOf(ctx.turn.slots.problem?.ids);
  return openAsked(ctx, 'order-problem', ctx.msg.orderProblem(problem), { ...(order ? { orderId: order.orderId } : {}), ...(problem ? { problem } : {}) });
}

/** "Tell them the box was wet": passed on to the shopper's latest case, which reopens. */
export async function handoffReplyIntent(ctx: TurnContext): Promise<Reply> {
  if (!ctx.deps.handoff) return unavailable(ctx);
  // The shopper's own words, but no card number or PIN goes into a case however it was said.
  const text = redact(ctx.turn.slots.message?.raw ?? '');
  if (!text) return ctx.ask(ctx.msg.handoffReplyAsk, ctx.msg.handoffReplyAsk);
  const sent = await ctx.deps.handoff.cases.shopperReply(await ctx.customerId(), text, ctx.deps.clock.now());
  if (!sent) return ctx.ask(ctx.msg.handoffReplyNoCase, ctx.msg.helpReprompt);
  const { when, reminder, extra } = answerPromise(ctx);
  return ctx.ask(ctx.msg.handoffReplySent({ when, reminder, reachable: await answerReachesShopper(ctx) }), ctx.msg.anythingElse, extra);
}

/** "Shall I ask a person from the shop?" — the yes opens the case with the conversation; the no opens nothing. */
export const handoffAnswers: QuestionAnswers<'handoff'> = {
  async yes(ctx, question) {
    if (!ctx.deps.handoff) return unavailable(ctx);
    ctx.handoffTrigger = true;
    // Opened once the reply is known, so the case holds this exchange too.
    ctx.takeTranscript = async (transcript) => {
      await openCase(ctx, question.reason, { transcript });
    };
    const { when, reminder, extra } = answerPromise(ctx);
    const reachable = await answerReachesShopper(ctx);
    return ctx.ask(`${ctx.msg.handoffOpened({ when, reminder, withConversation: true, reachable })} ${ctx.msg.anythingElse}`, ctx.msg.anythingElse, extra);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.handoffOfferDeclined, ctx.msg.helpReprompt);
  },
};

/** "May I add our conversation?" — the yes adds it to exactly the case the question named. */
export const shareTranscriptAnswers: QuestionAnswers<'shareTranscript'> = {
  async yes(ctx, question) {
    if (!ctx.deps.handoff) return unavailable(ctx);
    const cases = ctx.deps.handoff.cases;
    const customerId = await ctx.customerId();
    ctx.takeTranscript = (transcript) => cases.shareTranscript(customerId, question.caseId, transcript);
    return ctx.ask(ctx.msg.handoffShared, ctx.msg.anythingElse);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.handoffNotShared, ctx.msg.anythingElse);
  },
};
