/**
 * "What's running low?", the launch nudge, and the consent ledger: reminders only after the shopper agreed, at
 * most one nudge per product per cycle, "not now" snoozes, and withdrawing is as easy as agreeing.
 */
import { productName } from '../../catalog/product';
import { addToCart, CartLimitError, MAX_CART_LINES } from '../../cart/cart';
import { joinList } from '../../i18n/format';
import type { Order } from '../../ports';
import { dueProducts, isoDay, updateForOrder, type DueProduct } from '../../replenishment/live';
import { dayOf } from '../../replenishment/history';
import type { PendingAction, Reply } from '../../turn';
import type { TurnContext } from '../context';
import { parseProductRequest } from '../../catalog/product-request';
import { proposeCheckout } from './checkout';
import { onPending } from './confirm';

/** How long "not now" keeps a product quiet. */
export const SNOOZE_DAYS = 3;
/** Purchases of a product before the skill brings it up by itself. */
const MIN_PURCHASES_FOR_NUDGE = 2;
/** Products read out at once. */
const MAX_READ = 3;
/** Reminders scheduled on the platform at once: the most pressing products only. */
const MAX_SCHEDULED = 5;

function nameOf(ctx: TurnContext, productId: string): string {
  const product = ctx.deps.catalog.get(productId);
  return product ? productName(product, ctx.locale) : productId;
}

async function due(ctx: TurnContext, respectConsent: boolean): Promise<DueProduct[]> {
  const customer = await ctx.customer();
  return dueProducts(customer.replenishment, ctx.deps.clock.now(), ctx.deps.priors, respectConsent ? customer.reminderConsent : undefined).filter((item) =>
    ctx.deps.catalog.get(item.productId),
  );
}

export async function replenishmentIntent(ctx: TurnContext): Promise<Reply> {
  const items = (await due(ctx, false)).slice(0, MAX_READ);
  if (items.length === 0) return ctx.ask(ctx.msg.nothingLow, ctx.msg.welcomeReprompt);
  ctx.session.pending = { kind: 'replenish', lines: items.map((item) => ({ productId: item.productId, quantity: item.lastUnits })) };
  const question = ctx.msg.runningLow(joinList(items.map((item) => nameOf(ctx, item.productId)), ctx.locale));
  return ctx.ask(question, question, { ask: { kind: 'confirm' } });
}

/**
 * The launch nudge: with consent, the most run-out product not yet nudged in its current cycle. Returns the
 * sentence to append, or undefined; marks the product so the next launch does not repeat it.
 */
export async function launchNudge(ctx: TurnContext): Promise<string | undefined> {
  const customer = await ctx.customer();
  if (!customer.reminderConsent?.granted) return undefined;
  // Unprompted, only about what the shopper buys regularly: one purchase is no rhythm to interrupt a welcome for.
  const candidate = (await due(ctx, true)).find((item) => !item.nudgedThisCycle && item.purchases >= MIN_PURCHASES_FOR_NUDGE);
  if (!candidate) return undefined;
  await ctx.deps.replenishment.markNudged(customer.customerId, candidate.productId, candidate.purchase);
  ctx.session.pending = { kind: 'replenish', lines: [{ productId: candidate.productId, quantity: candidate.lastUnits }] };
  return ctx.msg.nudge(nameOf(ctx, candidate.productId));
}

async function acceptReplenish(ctx: TurnContext, pending: PendingAction): Promise<Reply> {
  delete ctx.session.pending;
  const wanted = Array.isArray(pending.lines) ? (pending.lines as Array<{ productId: string; quantity: number }>).filter((line) => ctx.deps.catalog.get(line.productId)) : [];
  const customer = await ctx.customer();
  let lines = customer.cart.lines;
  try {
    for (const line of wanted) {
      if (!lines.some((existing) => existing.productId === line.productId)) lines = addToCart(lines, line.productId, Math.max(1, Math.round(line.quantity)));
    }
  } catch (error) {
    if (error instanceof CartLimitError) return ctx.ask(ctx.msg.cartFull(MAX_CART_LINES), ctx.msg.anythingElse);
    throw error;
  }
  const cart = await ctx.deps.customers.saveCart(customer.customerId, lines, customer.cart.version);
  ctx.remember({ ...customer, cart });
  const names = wanted.map((line) => ctx.msg.cartLine(line.quantity, nameOf(ctx, line.productId)));
  // Straight on to checkout: the read-back and an explicit yes still stand between the shopper and an order.
  return proposeCheckout(ctx, `${ctx.msg.reorderAdded(joinList(names, ctx.locale))} `);
}

async function declineReplenish(ctx: TurnContext, pending: PendingAction): Promise<Reply> {
  delete ctx.session.pending;
  const productIds = Array.isArray(pending.lines) ? (pending.lines as Array<{ productId: string }>).map((line) => line.productId) : [];
  if (productIds.length > 0) {
    const customerId = await ctx.customerId();
    await ctx.deps.replenishment.snooze(customerId, productIds, isoDay(dayOf(ctx.deps.clock.now()) + SNOOZE_DAYS));
  }
  return ctx.ask(ctx.msg.snoozed, ctx.msg.helpReprompt);
}

onPending('replenish', { yes: acceptReplenish, no: declineReplenish });

/** A product the shopper names, among those they have bought (reminders are only about those). */
async function boughtProduct(ctx: TurnContext, raw: string): Promise<string | undefined> {
  const customer = await ctx.customer();
  const bought = new Set((customer.replenishment?.items ?? []).map((item) => item.state.productId));
  for (const id of ctx.turn.slots.product?.ids ?? []) if (bought.has(id)) return id;
  const query = parseProductRequest(raw, ctx.locale).query || raw;
  return ctx.deps.catalog.search(query, { locale: ctx.locale, limit: 50 }).find((hit) => bought.has(hit.product.id))?.product.id;
}

export async function enableRemindersIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  const productId = raw ? await boughtProduct(ctx, raw) : undefined;
  if (raw && !productId) return ctx.ask(ctx.msg.remindersNotBought(raw), ctx.msg.helpReprompt);
  const customerId = await ctx.customerId();
  const now = ctx.deps.clock.now();
  const platform = ctx.turn.customer.platform;
  await ctx.deps.replenishment.recordConsent(customerId, {
    action: 'grant',
    at: now.toISOString(),
    platform,
    ...(productId ? { productId } : {}),
    ...(platform === 'alexa' ? { alexaUserId: ctx.turn.customer.platformUserId } : {}),
  });
  const speech = ctx.msg.remindersOn(productId ? nameOf(ctx, productId) : undefined);
  if (ctx.turn.customer.platform !== 'alexa') return ctx.ask(speech, ctx.msg.anythingElse);
  if (!ctx.turn.permissions?.includes('reminders')) {
    return ctx.ask(`${speech} ${ctx.msg.remindersPermission}`, ctx.msg.anythingElse, { askPermission: 'reminders' });
  }
  return ctx.ask(speech, ctx.msg.anythingElse, { reminders: await upcomingReminders(ctx, productId) });
}

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
  return ctx.ask(`${ctx.msg.remindersPermissionGranted} ${ctx.msg.anythingElse}`, ctx.msg.anythingElse, {
    reminders: await upcomingReminders(ctx),
  });
}

/** Reminders for the due days ahead (09:00 local on the due day), for the Alexa Reminders API. */
async function upcomingReminders(ctx: TurnContext, onlyProduct?: string): Promise<Array<{ at: string; text: string }>> {
  const customer = await ctx.customer();
  const today = isoDay(dayOf(ctx.deps.clock.now()));
  const excluded = new Set(customer.reminderConsent?.excludedProducts ?? []);
  return (customer.replenishment?.items ?? [])
    .filter((item) => item.dueDay && item.dueDay > today && !excluded.has(item.state.productId) && (!onlyProduct || item.state.productId === onlyProduct))
    .filter((item) => item.state.purchases >= 2 && ctx.deps.catalog.get(item.state.productId))
    .sort((a, b) => a.dueDay!.localeCompare(b.dueDay!))
    .slice(0, MAX_SCHEDULED)
    .map((item) => ({ at: `${item.dueDay}T09:00:00.000`, text: ctx.msg.reminderText(nameOf(ctx, item.state.productId)) }));
}

export async function stopRemindersIntent(ctx: TurnContext): Promise<Reply> {
  const raw = ctx.turn.slots.product?.raw?.trim();
  const customerId = await ctx.customerId();
  const at = ctx.deps.clock.now().toISOString();
  const platform = ctx.turn.customer.platform;
  // "Stop all reminders" and words that are no product withdraw everything: the safer reading of a stop request.
  const productId = raw && !/^(all|alle|every|jede)\b/i.test(raw) ? await boughtProduct(ctx, raw) : undefined;
  if (productId) {
    await ctx.deps.replenishment.recordConsent(customerId, { action: 'exclude', at, platform, productId });
    return ctx.ask(ctx.msg.remindersOffProduct(nameOf(ctx, productId)), ctx.msg.anythingElse);
  }
  await ctx.deps.replenishment.recordConsent(customerId, { action: 'withdraw', at, platform });
  return ctx.ask(ctx.msg.remindersOffAll, ctx.msg.anythingElse);
}

export async function listRemindersIntent(ctx: TurnContext): Promise<Reply> {
  const customer = await ctx.customer();
  const consent = customer.reminderConsent;
  if (!consent?.granted || !consent.grantedAt) return ctx.ask(ctx.msg.remindersNone, ctx.msg.anythingElse);
  const excluded = new Set(consent.excludedProducts);
  const regular = (customer.replenishment?.items ?? [])
    .filter((item) => item.state.purchases >= 2 && !excluded.has(item.state.productId) && ctx.deps.catalog.get(item.state.productId))
    .sort((a, b) => b.state.purchases - a.state.purchases)
    .slice(0, MAX_READ)
    .map((item) => nameOf(ctx, item.state.productId));
  return ctx.ask(
    ctx.msg.remindersList({
      since: ctx.msg.day(new Date(consent.grantedAt)),
      platform: consent.platform === 'google' ? 'Google' : 'Alexa',
      products: joinList(regular, ctx.locale),
      excluded: joinList([...excluded].filter((id) => ctx.deps.catalog.get(id)).map((id) => nameOf(ctx, id)), ctx.locale),
    }),
    ctx.msg.anythingElse,
  );
}

/** After an order: the incremental prediction update. A failure is logged, never the shopper's problem. */
export async function recordOrderForReplenishment(ctx: TurnContext, order: Order): Promise<void> {
  try {
    const customer = await ctx.customer();
    const update = updateForOrder(customer.replenishment, customer.customerId, order, ctx.deps.catalog, ctx.deps.priors);
    if (update) await ctx.deps.replenishment.recordOrder(customer.customerId, update);
  } catch (error) {
    ctx.deps.log.warn('replenishment update after order failed; it is rebuilt from order lines', { error: error instanceof Error ? error.name : typeof error });
  }
}
