/**
 * What every handoff path shares: opening a case, saying when and where the answer comes, and offering a person as
 * a stored yes/no question, after misses in a row, unsure turns in a row, or a failed payment (handlers/checkout.ts).
 */
import { expectedAnswer } from '../../handoff/answer-time';
import type { HandoffReason, TranscriptEntry } from '../../handoff/case';
import { canRemindOutsideSession, recognisesReturn, type Reply } from '../../turn';
import type { TurnContext } from '../context';
import type { OfferedHandoff } from '../questions';

/** After this many misses in a row, a person is offered (without a way to reach one: help). */
export const MISSES_BEFORE_OFFER = 2;
/** After this many unsure turns in a row (the platform's confidence below the threshold), a person is offered. */
export const UNSURE_BEFORE_OFFER = 2;

/** What the shopper is told about when and where the answer comes, and the reminder to set where one can be. */
export function answerPromise(ctx: TurnContext): { when: string; reminder: boolean; extra: Partial<Reply> } {
  const { settings } = ctx.deps.handoff!;
  const at = expectedAnswer(ctx.deps.clock.now(), settings);
  const reminder = canRemindOutsideSession(ctx.turn.device) && (ctx.turn.permissions?.includes('reminders') ?? false);
  // The reminder rings at the shop's wall-clock time in the device's own zone: the shop's shoppers are local.
  return { when: ctx.msg.answerTime(at), reminder, extra: reminder ? { reminders: [{ at: at.localIso, text: ctx.msg.handoffReminderText }] } : {} };
}

/**
 * Whether a person's answer can find this shopper on a later visit: a linked account is found on any channel, and
 * a platform identity where the platform names the shopper again (not a Dialogflow chat that is its own identity).
 */
export async function answerReachesShopper(ctx: TurnContext): Promise<boolean> {
  return recognisesReturn(ctx.turn.device) || (await ctx.isLinked());
}

export async function openCase(ctx: TurnContext, reason: HandoffReason, details: { orderId?: string; problem?: string; transcript?: TranscriptEntry[] }) {
  const customer = await ctx.customer();
  const opened = await ctx.deps.handoff!.cases.open({
    customerId: customer.customerId,
    channel: ctx.turn.customer.platform,
    locale: ctx.locale,
    reason,
    transcript: details.transcript ?? [],
    transcriptShared: details.transcript !== undefined,
    cart: customer.cart.lines,
    ...(details.orderId ? { orderId: details.orderId } : {}),
    ...(details.problem ? { problem: details.problem } : {}),
  });
  // Reasons and channels only: what the figures need, nothing about the shopper.
  ctx.deps.log.info('handoff opened', { reason, platform: ctx.turn.customer.platform, locale: ctx.locale });
  // Remembered for this conversation only (it rides in the session and authorises nothing): see openedHere.
  ctx.session.handoffs = [...handoffsHere(ctx), reason];
  return opened;
}

function handoffsHere(ctx: TurnContext): string[] {
  const here = ctx.turn.session?.handoffs;
  return Array.isArray(here) ? here.filter((reason): reason is string => typeof reason === 'string').slice(-5) : [];
}

/**
 * Whether this conversation already opened a case for this reason (any reason when none is named): asking again is
 * the same request, and a miss after it gets help rather than a second offer. Taken from the session, so a forged
 * one can only keep its own sender from opening a second case.
 */
export function openedHere(ctx: TurnContext, reason?: HandoffReason): boolean {
  const here = handoffsHere(ctx);
  return reason === undefined ? here.length > 0 : here.includes(reason);
}

/**
 * The offer of a person after `lead` (what went wrong), as a stored yes/no question; undefined when no person can
 * be reached (the caller then says what it said before handoffs existed).
 */
export function offerHandoff(ctx: TurnContext, reason: OfferedHandoff, lead: string, offer: string): Reply | undefined {
  if (!ctx.deps.handoff || openedHere(ctx)) return undefined;
  ctx.handoffTrigger = true;
  return ctx.pose({ kind: 'handoff', reason }, [lead, offer].filter(Boolean).join(' '), offer);
}

/**
 * Counts the turn into the run of misses and, on the second in a row, offers a person instead of (the fallback) or
 * after (a product not found, nothing to point at) what the handler said. Any turn that is no miss ends the run.
 */
export function afterMisses(ctx: TurnContext, reply: Reply): Reply {
  if (!ctx.missed) {
    if (ctx.session.misses !== undefined) delete ctx.session.misses;
    return reply;
  }
  const misses = (typeof ctx.turn.session?.misses === 'number' ? ctx.turn.session.misses : 0) + 1;
  ctx.session.misses = misses;
  // A reply that asks its own question (or ends the session) keeps it: the offer would take its place.
  if (misses < MISSES_BEFORE_OFFER || ctx.nextQuestion || reply.endSession) return reply;
  const fallback = ctx.turn.intent === 'Fallback';
  const offered = fallback
    ? offerHandoff(ctx, 'repeated-misses', '', ctx.msg.fallbackOfferHandoff)
    : offerHandoff(ctx, 'repeated-misses', reply.speech, ctx.msg.handoffOfferAfterMiss);
  if (offered) return { ...offered, ...(reply.display ? { display: reply.display } : {}) };
  return fallback ? ctx.ask(ctx.msg.fallbackOfferHelp, ctx.msg.helpReprompt) : reply;
}

/** Whether the platform was unsure of this turn's intent (it says so only where it sends a confidence: Dialogflow). */
export function isUnsure(ctx: TurnContext): boolean {
  const threshold = ctx.deps.handoff?.settings.minConfidence;
  return threshold !== undefined && typeof ctx.turn.confidence === 'number' && ctx.turn.confidence < threshold;
}

/**
 * The run of unsure turns: the first is handled as usual (what it does to the cart is said back and can be undone,
 * and an unsure yes to a question is asked again anyway); the second in a row offers a person instead of acting.
 * Returns the offer, or undefined to handle the turn; `mayOffer` false (the turn answers a question) only counts.
 */
export function offerWhenUnsure(ctx: TurnContext, mayOffer: boolean): Reply | undefined {
  if (!isUnsure(ctx)) {
    if (ctx.session.unsure !== undefined) delete ctx.session.unsure;
    return undefined;
  }
  const unsure = (typeof ctx.turn.session?.unsure === 'number' ? ctx.turn.session.unsure : 0) + 1;
  ctx.session.unsure = unsure;
  if (unsure < UNSURE_BEFORE_OFFER || !mayOffer) return undefined;
  return offerHandoff(ctx, 'low-confidence', '', ctx.msg.handoffOfferUnsure);
}

