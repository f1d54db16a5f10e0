/**
 * A person's answers reach the shopper at their next visit, on any channel, before anything else is said. Each is
 * introduced as a person's words and closed as such: the bot never speaks as a person (EU AI Act Art. 50). The
 * words come from outside and are made speakable first (handoff/agent-text.ts).
 */
import { speakableAgentName, speakableAnswer } from '../../handoff/agent-text';
import type { PendingAnswer } from '../../handoff/case';
import type { Reply } from '../../turn';
import { mayDeliverAnswers, type TurnContext } from '../context';

/** Answers read out in one turn; more wait for the next visit (a voice reply must stay listenable). */
export const MAX_ANSWERS_AT_ONCE = 3;

/**
 * The answers this turn reads out, taken whole per case (a case is marked answered only when all its waiting
 * answers were heard), oldest first. Empty unless the load asked for them (the session's first turn).
 */
export async function answersToDeliver(ctx: TurnContext): Promise<PendingAnswer[]> {
  if (!ctx.deps.handoff || !mayDeliverAnswers(ctx.turn)) return [];
  const waiting = (await ctx.customer()).pendingAnswers ?? [];
  const taken: PendingAnswer[] = [];
  for (const caseId of new Set(waiting.map((answer) => answer.caseId))) {
    const ofCase = waiting.filter((answer) => answer.caseId === caseId);
    if (taken.length > 0 && taken.length + ofCase.length > MAX_ANSWERS_AT_ONCE) break;
    taken.push(...ofCase);
  }
  return taken;
}

/** The reply with the answers said first. */
export function withAnswers(ctx: TurnContext, reply: Reply, answers: readonly PendingAnswer[]): Reply {
  if (answers.length === 0 || !reply.speech) return reply;
  const spoken = answers.map((answer) => {
    const agentName = speakableAgentName(answer.agentName);
    return { text: speakableAnswer(answer.text), ...(agentName ? { agentName } : {}) };
  });
  return { ...reply, speech: `${ctx.msg.shopAnswers(spoken)} ${reply.speech}` };
}

/**
 * The shopper heard them: they leave the waiting list, and their cases become answered. A failure here is logged,
 * not said: the shopper did hear the answer, and hearing it once more next time is the lesser harm.
 */
export async function markHeard(ctx: TurnContext, answers: readonly PendingAnswer[]): Promise<void> {
  if (answers.length === 0 || !ctx.deps.handoff) return;
  const caseIds = [...new Set(answers.map((answer) => answer.caseId))];
  try {
    await ctx.deps.handoff.cases.markDelivered(await ctx.customerId(), caseIds, ctx.deps.clock.now());
  } catch (error) {
    ctx.deps.log.warn('answers not marked heard', { cases: caseIds.length, error: error instanceof Error ? error.name : typeof error });
  }
}
