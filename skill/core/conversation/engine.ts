/**
 * The conversation core: owns the question a reply leaves open, routes a Turn to the handler of its intent, and
 * guarantees a Reply within the platform's budget. A question is answered by the very next turn or dropped; a yes
 * or no with nothing pending acts on nothing. A failing dependency becomes a spoken apology with the cart and
 * session kept, so the shopper can simply say it again.
 */
import { shopCatalog } from '../catalog/shop-catalog';
import { DependencyError } from '../errors';
import type { CoreIntent, Reply, Turn } from '../turn';
import { TurnContext, type CoreDeps } from './context';
import type { ConversationCore } from './core';
import type { AnswerTable, QuestionAnswers } from './answers';
import { QUESTION_ANSWERS } from './question-table';
import { parseAskedQuestion, QUESTION_LIFETIME_MS, type AskedQuestion, type QuestionKind } from './questions';
import { TURN_BUDGET_MS, TurnBudgetExceededError, withinBudget } from './turn-budget';
import { replenishmentDue } from './handlers/reminder-message';
import { showChangedCart } from './steps/cart-screen';
import { rememberIdentity } from './steps/identities';
import { addToCartIntent, cartTotalIntent, changeQuantityIntent, clearCartIntent, readCart, removeFromCartIntent } from './handlers/cart';
import { startOver, thanks } from './handlers/small-talk';
import { pointsBack, repairTurn } from './steps/repair';
import { more, searchProducts, selectItem } from './handlers/search';
import { cancel, fallback, help, launch, no, repeat, sessionEnded, stop, yes } from './handlers/session';
import { firstContact } from './steps/first-contact';
import { checkoutIntent, voicePinIntent } from './handlers/checkout';
import { cancelOrderIntent, orderStatusIntent, reorderIntent } from './handlers/orders';
import { deleteMyDataIntent } from './handlers/privacy';
import { linkAccountIntent, looksLikeLinkCode } from './handlers/linking';
import { enableRemindersIntent, listRemindersIntent, permissionAnswer, replenishmentIntent, stopRemindersIntent } from './handlers/replenish';
import { handoffReplyIntent, humanHandoffIntent, orderProblemIntent } from './handlers/handoff';
import { afterMisses, isUnsure, offerWhenUnsure } from './steps/handoff';
import { answersToDeliver, markHeard, withAnswers } from './steps/shop-answers';
import { recordExchange } from './steps/transcript-recording';
import type { SecretTurn } from '../handoff/transcript';

export type Handler = (ctx: TurnContext) => Promise<Reply>;

const handlersByIntent: Record<CoreIntent, Handler> = {
  Launch: launch,
  SessionEnded: sessionEnded,
  Help: help,
  Stop: stop,
  Cancel: cancel,
  Fallback: fallback,
  Yes: yes,
  No: no,
  More: more,
  Repeat: repeat,
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
  LinkAccountIntent: linkAccountIntent,
  ReplenishmentIntent: replenishmentIntent,
  EnableRemindersIntent: enableRemindersIntent,
  StopRemindersIntent: stopRemindersIntent,
  ListRemindersIntent: listRemindersIntent,
  PermissionAnswer: permissionAnswer,
  ChangeQuantityIntent: changeQuantityIntent,
  CartTotalIntent: cartTotalIntent,
  ThanksIntent: thanks,
  StartOverIntent: startOver,
  ReplenishmentDue: replenishmentDue,
  HumanHandoffIntent: humanHandoffIntent,
  OrderProblemIntent: orderProblemIntent,
  HandoffReplyIntent: handoffReplyIntent,
};

/** What "repeat that" may say again when no question is pending: the last reply, kept short. */
const MAX_REMEMBERED_SPEECH = 600;

/**
 * Yes or no to the question pending: the Yes and No intents, or Alexa's CONFIRMED / DENIED for exactly the intent
 * it was told to confirm. Anything else is not an answer.
 */
function answerOf(turn: Turn, asked: AskedQuestion): 'yes' | 'no' | undefined {
  if (turn.intent === 'Yes') return 'yes';
  if (turn.intent === 'No') return 'no';
  // "Add it" / "add that" to "Shall I add it?" is that question's yes, and no other question's. The model says it
  // without a product ("add it"); a product slot that caught the pointer word counts the same.
  if (asked.question.kind === 'add' && turn.intent === 'AddToCartIntent' && pointsAtOffer(turn)) return 'yes';
  if (asked.confirmIntent === turn.intent && turn.dialog.confirmation !== 'NONE') return turn.dialog.confirmation === 'CONFIRMED' ? 'yes' : 'no';
  return undefined;
}

function answer(table: AnswerTable, ctx: TurnContext, asked: AskedQuestion, said: 'yes' | 'no'): Promise<Reply> {
  // The table is keyed by kind, so the entry found is the one for this question's own kind.
  const entry = table[asked.question.kind] as unknown as QuestionAnswers<QuestionKind>;
  return said === 'yes' ? entry.yes(ctx, asked.question) : entry.no(ctx, asked.question);
}

function pointsAtOffer(turn: Turn): boolean {
  const raw = turn.slots.product?.raw?.trim();
  return !raw || pointsBack(raw, turn.locale);
}

/** A choice among what the question stored ("the second one"), when its kind takes one and the turn makes one. */
async function chosen(table: AnswerTable, ctx: TurnContext, asked: AskedQuestion): Promise<Reply | undefined> {
  const entry = table[asked.question.kind] as unknown as QuestionAnswers<QuestionKind>;
  if (!entry.choose) return undefined;
  ctx.answering = asked;
  const reply = await entry.choose(ctx, asked.question);
  if (!reply) ctx.answering = undefined;
  return reply;
}

/** Which handler answers the turn, given the question pending (if any). */
async function route(handlers: Record<CoreIntent, Handler>, table: AnswerTable, ctx: TurnContext, asked: AskedQuestion | undefined): Promise<Reply> {
  const intent = ctx.turn.intent;
  if (asked) {
    const said = answerOf(ctx.turn, asked);
    if (said) {
      // When in doubt, ask again: a yes or no the platform was unsure it heard authorises nothing (money, consent).
      if (isUnsure(ctx)) return ctx.reask(asked, `${ctx.msg.notSureReask} ${asked.prompt}`);
      ctx.answering = asked;
      return answer(table, ctx, asked, said);
    }
    const choice = await chosen(table, ctx, asked);
    if (choice) return choice;
    // Help, "repeat" and "thanks" keep the question; a missed or spoken PIN goes to the PIN step, which asks again.
    if (intent === 'Help' || intent === 'Repeat' || intent === 'ThanksIntent') ctx.answering = asked;
    if (asked.elicit && (intent === 'VoicePinIntent' || intent === 'Fallback')) {
      ctx.answering = asked;
      return handlers.VoicePinIntent(ctx);
    }
  }
  // "My code is 4 8 1 5 2 3" sounds like a PIN to the models; six digits with no PIN asked for is a link code.
  if (intent === 'VoicePinIntent' && looksLikeLinkCode(ctx.turn.slots.pin?.raw, ctx.locale)) return handlers.LinkAccountIntent(ctx);
  return handlers[intent](ctx);
}

/** A turn whose words are a secret (the PIN, a link code), as the engine routed it: recorded as that alone. */
function secretOf(ctx: TurnContext): SecretTurn | undefined {
  const { turn } = ctx;
  // Whatever answers the PIN question (a miss included) may hold the PIN.
  if (ctx.answering?.elicit) return 'pin';
  if (turn.intent === 'LinkAccountIntent') return 'link-code';
  if (turn.intent === 'VoicePinIntent') return looksLikeLinkCode(turn.slots.pin?.raw, ctx.locale) ? 'link-code' : 'pin';
  return undefined;
}

/** Stores the question the reply leaves open, or drops the one this turn did not keep. */
async function settleQuestion(ctx: TurnContext, hadStored: boolean, abandoned: () => boolean): Promise<void> {
  if (!ctx.dialogKey) return;
  const next = abandoned() ? undefined : ctx.nextQuestion;
  // The order's commit already deleted the question it answered: no request is left to make for it.
  if (!next && (!hadStored || ctx.questionSettled)) return;
  const customerId = await ctx.customerId();
  const expiresAt = new Date(ctx.deps.clock.now().getTime() + QUESTION_LIFETIME_MS);
  await ctx.deps.customers.saveQuestion(customerId, ctx.dialogKey, next, expiresAt);
}

export function createConversationCore(deps: CoreDeps, extraHandlers: Partial<Record<CoreIntent, Handler>> = {}, table: AnswerTable = QUESTION_ANSWERS): ConversationCore {
  const handlers = { ...handlersByIntent, ...extraHandlers };

  async function respond(ctx: TurnContext, abandoned: () => boolean): Promise<Reply> {
    // The question stored for this conversation, if any, counts only while well formed and current.
    const stored = ctx.dialogKey ? (await ctx.customer()).question : undefined;
    const asked = stored === undefined ? undefined : parseAskedQuestion(stored, ctx.deps.clock.now());
    // A person's answers waiting since the last visit (read in the same load, on a session's first turn only).
    const answers = await answersToDeliver(ctx);
    // The first linked turn from a platform identity carries the cart filled there before linking over, and says so.
    const carried = await rememberIdentity(ctx);
    // Whatever the first request is ("Alexa, ask vocart to add milk"), the shopper hears that vocart is a bot. Noted
    // before the handler runs, so a first request to erase everything leaves nothing behind.
    // A message from the daily run is no contact with the shopper: nobody hears it, and it must not count as the first.
    const disclose = ctx.turn.intent !== 'Launch' && ctx.turn.intent !== 'SessionEnded' && ctx.turn.intent !== 'ReplenishmentDue' && (await firstContact(ctx));
    const unsure = isUnsure(ctx);
    // Unsure twice in a row (and not answering a question, which is asked again instead): a person is offered.
    const offered = offerWhenUnsure(ctx, !(asked && answerOf(ctx.turn, asked)));
    let reply = offered ?? afterMisses(ctx, await showChangedCart(ctx, await route(handlers, table, ctx, asked)));
    if (carried && reply.speech) reply = { ...reply, speech: `${carried} ${reply.speech}` };
    if (disclose && reply.speech) reply = { ...reply, speech: `${ctx.msg.disclosure} ${reply.speech}` };
    // Before anything else the shopper hears what a person wrote, introduced and closed as a person's words.
    reply = withAnswers(ctx, reply, answers);
    await Promise.all([settleQuestion(ctx, stored !== undefined, abandoned), recordExchange(ctx, reply, unsure, secretOf(ctx)), markHeard(ctx, answers)]);
    if (!reply.endSession && reply.speech) reply.sessionState = { ...reply.sessionState, lastSpeech: reply.speech.slice(0, MAX_REMEMBERED_SPEECH) };
    return reply;
  }

  return {
    async handle(turn: Turn): Promise<Reply> {
      // "Uh, um, oat milk" and "milk, no wait, oat milk" reach every handler as the oat milk the shopper meant.
      // The turn reads the catalog as its locale's shop sells it: one price in one currency, from search to charge.
      const ctx = new TurnContext(repairTurn(turn), { ...deps, catalog: shopCatalog(deps.catalog, turn.locale) });
      const budgetMs = deps.turnBudgetMs?.[turn.customer.platform] ?? TURN_BUDGET_MS[turn.customer.platform];
      ctx.deadline = Date.now() + budgetMs;
      const started = Date.now();
      let gaveUp = false;
      try {
        const work = respond(ctx, () => gaveUp);
        // Past the budget the work may still fail in the background: that must not become an unhandled rejection.
        work.catch(() => undefined);
        const reply = await withinBudget(work, ctx.deadline, budgetMs);
        deps.log.info('turn', { intent: turn.intent, platform: turn.customer.platform, locale: turn.locale, ms: Date.now() - started });
        return reply;
      } catch (error) {
        gaveUp = true;
        // Only ids and error names are logged: the utterance and the customer's data stay out of the logs.
        deps.log.error('turn failed', {
          intent: turn.intent,
          platform: turn.customer.platform,
          ms: Date.now() - started,
          error: error instanceof Error ? error.name : typeof error,
          dependency: error instanceof DependencyError ? error.dependency : undefined,
          cause: error instanceof Error && error.cause instanceof Error ? error.cause.name : undefined,
        });
        if (turn.intent === 'SessionEnded') return ctx.tell('');
        // The shopper heard no question: none may stay open behind the apology (best effort; the store may be down).
        if (!(error instanceof TurnBudgetExceededError)) await settleQuestion(ctx, true, () => true).catch(() => undefined);
        const speech = error instanceof TurnBudgetExceededError ? ctx.msg.tooSlow : ctx.msg.trouble;
        const { lastSpeech: _dropped, ...session } = turn.session ?? {};
        return { speech, reprompt: ctx.msg.helpReprompt, endSession: false, sessionState: session };
      }
    },
  };
}
