/**
 * "What's running low?", the answers to the launch nudge, and the consent ledger: reminders only about what the
 * shopper agreed to (the products named, or everything when they say so), at most one nudge per product per cycle,
 * "not now" snoozes, and withdrawing is as easy as agreeing.
 */
import { CartLimitError } from '../../cart/cart';
import { joinList } from '../../i18n/format';
import { consentCovers } from '../../privacy/consent';
import { isoDay } from '../../replenishment/live';
import { dayOf } from '../../replenishment/history';
import { canRemindOutsideSession, type Reply } from '../../turn';
import type { QuestionAnswers } from '../answers';
import type { TurnContext } from '../context';
import { parseProductRequest } from '../../catalog/product-request';
import { limitReply, mergeIntoCart } from '../steps/cart-writes';
import { proposeCheckout } from '../steps/checkout-proposal';
import { dueForShopper, productNameOf } from '../steps/replenishment-due';
import { reminderAtDueDay } from '../steps/reminder-at-due-day';

/** How long "not now" keeps a product quiet. */
export const SNOOZE_DAYS = 3;
/** Products read out at once. */
const MAX_READ = 3;
/** Reminders scheduled on the platform at once: the most pressing products only. */
const MAX_SCHEDULED = 5;
/** Purchases that make a product "bought regularly". */
const REGULAR_PURCHASES = 2;

/** "Stop all reminders": words that mean every product rather than one. */
const ALL_WORDS = /^(all|every|everything|alle|alles|jede)\b/i;

export async function replenishmentIntent(ctx: TurnContext): Promise<Reply> {
  const items = (await dueForShopper(ctx, false)).slice(0, MAX_READ);
  if (items.length === 0) return ctx.ask(ctx.msg.nothingLow, ctx.msg.welcomeReprompt);
  const question = ctx.msg.runningLow(joinList(items.map((item) => productNameOf(ctx, item.productId)), ctx.locale));
  return ctx.pose({ kind: 'replenish', lines: items.map((item) => ({ productId: item.productId, quantity: item.lastUnits })) }, question, question, { ask: { kind: 'confirm' } });
}

/** Yes puts exactly the offered products in the cart and reads the order back; no snoozes them. */
export const replenishAnswers: QuestionAnswers<'replenish'> = {
  async yes(ctx, question) {
    const wanted = question.lines.filter((line) => ctx.deps.catalog.get(line.productId));
    try {
      await mergeIntoCart(ctx, wanted);
    } catch (error) {
      if (error instanceof CartLimitError) return limitReply(ctx, error);
      throw error;
    }
    const names = wanted.map((line) => ctx.msg.cartLine(line.quantity, productNameOf(ctx, line.productId)));
    // Straight on to checkout: the read-back and an explicit yes still stand between the shopper and an order.
    return proposeCheckout(ctx, `${ctx.msg.reorderAdded(joinList(names, ctx.locale))} `);
  },
  async no(ctx, question) {
    const productIds = question.lines.map((line) => line.productId);
    if (productIds.length > 0) {
      const customerId = await ctx.customerId();
      await ctx.deps.replenishment.snooze(customerId, productIds, isoDay(dayOf(ctx.deps.clock.now()) + SNOOZE_DAYS));
    }
    return ctx.ask(ctx.msg.snoozed, ctx.msg.helpReprompt);
  },
};

/** A product the shopper names, among those they have bought (reminders are only about those). */
async function boughtProduct(ctx: TurnContext, raw: string): Promise<string | undefined> {
  const bought = new Set(((await ctx.replenishment())?.items ?? []).map((item) => item.state.productId));
  for (const id of ctx.turn.slots.product?.ids ?? []) if (bought.has(id)) return id;
  const query = parseProductRequest(raw, ctx.locale).query || raw;
  return ctx.deps.catalog.search(query, { locale: ctx.locale, limit: 50 }).find((hit) => bought.has(hit.product.id))?.product.id;
}

/** Products bought regularly, most often first: what "everything" covers, named so the shopper knows. */
async function regularProducts(ctx: TurnContext): Promise<string[]> {
  return ((await ctx.replenishment())?.items ?? [])
    .filter((item) => item.state.purchases >= REGULAR_PURCHASES && ctx.deps.catalog.get(item.state.productId))
    .sort((a, b) => b.state.purchases - a.state.purchases)
    .map((item) => item.state.productId);
}

/** Records the grant for exactly `productId` (or everything) and says what it covers; on Alexa, schedules or asks the permission. */
async function grantReminders(ctx: TurnContext, productId: string | undefined): Promise<Reply> {
  const customerId = await ctx.customerId();
  const platform = ctx.turn.customer.platform;
  await ctx.deps.replenishment.recordConsent(customerId, {
    action: 'grant',
    at: ctx.deps.clock.now().toISOString(),
    platform,
    ...(productId ? { productId } : {}),
    ...(platform === 'alexa' ? { alexaUserId: ctx.turn.customer.platformUserId } : {}),
  });
  const speech = ctx.msg.remindersOn(productId ? productNameOf(ctx, productId) : undefined);
  // Without a way to reach the shopper after the session (Dialogflow has no push) the in-session nudges are all there is.
  if (!canRemindOutsideSession(ctx.turn.device)) return ctx.ask(speech, ctx.msg.anythingElse);
  if (!ctx.turn.permissions?.includes('reminders')) {
    return ctx.ask(`${speech} ${ctx.msg.remindersPermission}`, ctx.msg.anythingElse, { askPermission: 'reminders' });
  }
  return schedulingReply(ctx, speech, await upcomingReminders(ctx, productId));
}

/** A reply that schedules reminders, and what it says instead if the platform finds the permission gone. */
function schedulingReply(ctx: TurnContext, speech: string, reminders: Array<{ at: string; text: string }>): Reply {
  return ctx.ask(speech, ctx.msg.anythingElse, {
    reminders,
    ifRemindersRefused: { speech: `${speech} ${ctx.msg.remindersPermission}`, askPermission: 'reminders' },
  });
}

/**
 * "Remind me about my coffee" is consent for the coffee, said in so many words: recorded at once, for that product
 * only. "Turn on reminders" names nothing, so the products it would cover are read out and asked about first.
 */
export async function enableRemindersIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  if (raw && !ALL_WORDS.test(raw)) {
    const productId = await boughtProduct(ctx, raw);
    if (!productId) return ctx.ask(ctx.msg.remindersNotBought(raw), ctx.msg.helpReprompt);
    return grantReminders(ctx, productId);
  }
  const examples = joinList((await regularProducts(ctx)).slice(0, MAX_READ).map((id) => productNameOf(ctx, id)), ctx.locale);
  const question = ctx.msg.remindersAskAll(examples);
  return ctx.pose({ kind: 'reminders' }, question, question, { ask: { kind: 'confirm' } });
}

export const remindersAnswers: QuestionAnswers<'reminders'> = {
  async yes(ctx, question) {
    if (!question.productIds) return grantReminders(ctx, undefined);
    let reply: Reply | undefined;
    for (const productId of question.productIds) reply = await grantReminders(ctx, productId);
    return reply ?? ctx.ask(ctx.msg.anythingElse, ctx.msg.anythingElse);
  },
  async no(ctx) {
    return ctx.ask(ctx.msg.anythingElse, ctx.msg.anythingElse);
  },
};

/**
 * Alexa's answer after it asked the shopper for the reminders permission by voice. Granted: schedule what the
 * shopper agreed to (unless they withdrew meanwhile). Refused or unanswered: respect it, in-skill nudges stay.
 */
export async function permissionAnswer(ctx: TurnContext): Promise<Reply> {
  if (ctx.turn.permissionAnswer !== 'granted') {
    return ctx.ask(`${ctx.msg.remindersPermissionDeclined} ${ctx.msg.anythingElse}`, ctx.msg.anythingElse);
  }
  const customer = await ctx.customer();
  if (!customer.reminderConsent?.granted) return ctx.ask(ctx.msg.anythingElse, ctx.msg.anythingElse);
  return schedulingReply(ctx, `${ctx.msg.remindersPermissionGranted} ${ctx.msg.anythingElse}`, await upcomingReminders(ctx));
}

/** Reminders for the due days ahead, for the Alexa Reminders API: consented products only. */
async function upcomingReminders(ctx: TurnContext, onlyProduct?: string): Promise<Array<{ at: string; text: string }>> {
  const customer = await ctx.customer();
  // The snapshot predates this turn's grant: a product granted just now counts as covered.
  const covered = (productId: string) => productId === onlyProduct || consentCovers(customer.reminderConsent, productId);
  const today = isoDay(dayOf(ctx.deps.clock.now()));
  return ((await ctx.replenishment())?.items ?? [])
    .filter((item) => item.dueDay && item.dueDay > today && (onlyProduct ? item.state.productId === onlyProduct : covered(item.state.productId)))
    .filter((item) => item.state.purchases >= REGULAR_PURCHASES && ctx.deps.catalog.get(item.state.productId))
    .sort((a, b) => a.dueDay!.localeCompare(b.dueDay!))
    .slice(0, MAX_SCHEDULED)
    .map((item) => reminderAtDueDay(ctx, item.dueDay!, productNameOf(ctx, item.state.productId)));
}

/**
 * "Stop all reminders" withdraws everything; "stop reminding me about perfume" excludes that product. A product
 * that is not reminded about withdraws nothing: the shopper is asked which one they mean.
 */
export async function stopRemindersIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  const customerId = await ctx.customerId();
  const at = ctx.deps.clock.now().toISOString();
  const platform = ctx.turn.customer.platform;
  if (!raw || ALL_WORDS.test(raw)) {
    await ctx.deps.replenishment.recordConsent(customerId, { action: 'withdraw', at, platform });
    return ctx.ask(ctx.msg.remindersOffAll, ctx.msg.anythingElse);
  }
  const productId = await boughtProduct(ctx, raw);
  const customer = await ctx.customer();
  if (!productId || !consentCovers(customer.reminderConsent, productId)) return ctx.ask(ctx.msg.remindersWhich(raw), ctx.msg.remindersWhich(raw));
  await ctx.deps.replenishment.recordConsent(customerId, { action: 'exclude', at, platform, productId });
  return ctx.ask(ctx.msg.remindersOffProduct(productNameOf(ctx, productId)), ctx.msg.anythingElse);
}

export async function listRemindersIntent(ctx: TurnContext): Promise<Reply> {
  const customer = await ctx.customer();
  const consent = customer.reminderConsent;
  if (!consent?.granted || !consent.grantedAt) return ctx.ask(ctx.msg.remindersNone, ctx.msg.anythingElse);
  const covered = consent.onlyProducts ?? (await regularProducts(ctx)).filter((id) => consentCovers(consent, id));
  const excluded = consent.onlyProducts ? [] : consent.excludedProducts;
  return ctx.ask(
    ctx.msg.remindersList({
      since: ctx.msg.day(new Date(consent.grantedAt)),
      platform: consent.platform === 'google' ? 'Google' : 'Alexa',
      // A consent for named products reads all of them; "everything" reads a few examples.
      products: joinList(covered.filter((id) => ctx.deps.catalog.get(id)).slice(0, consent.onlyProducts ? undefined : MAX_READ).map((id) => productNameOf(ctx, id)), ctx.locale),
      excluded: joinList(excluded.filter((id) => ctx.deps.catalog.get(id)).map((id) => productNameOf(ctx, id)), ctx.locale),
      only: consent.onlyProducts !== undefined,
    }),
    ctx.msg.anythingElse,
  );
}
