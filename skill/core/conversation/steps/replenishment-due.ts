/** What this shopper probably runs out of now, and the launch nudge about the most pressing of it. */
import { productName } from '../../catalog/product';
import { dueProducts, type DueProduct } from '../../replenishment/live';
import { NO_CONSENT } from '../../privacy/consent';
import type { TurnContext } from '../context';

/** Purchases of a product before the skill brings it up by itself. */
const MIN_PURCHASES_FOR_NUDGE = 2;

export function productNameOf(ctx: TurnContext, productId: string): string {
  const product = ctx.deps.catalog.get(productId);
  return product ? productName(product, ctx.locale) : productId;
}

/** Due products still sold; with `respectConsent`, only those the shopper agreed to hear about. */
export async function dueForShopper(ctx: TurnContext, respectConsent: boolean): Promise<DueProduct[]> {
  const customer = await ctx.customer();
  return dueProducts(await ctx.replenishment(), ctx.deps.clock.now(), ctx.deps.priors, respectConsent ? (customer.reminderConsent ?? NO_CONSENT) : undefined).filter((item) =>
    ctx.deps.catalog.get(item.productId),
  );
}

/**
 * The launch nudge: with consent, the most run-out product not yet nudged in its current cycle. Returns the product
 * and the sentence, or undefined; marks the product so the next launch does not repeat it.
 */
export async function launchNudge(ctx: TurnContext): Promise<{ productId: string; quantity: number; speech: string } | undefined> {
  const customer = await ctx.customer();
  if (!customer.reminderConsent?.granted) return undefined;
  // Unprompted, only about what the shopper buys regularly: one purchase is no rhythm to interrupt a welcome for.
  const candidate = (await dueForShopper(ctx, true)).find((item) => !item.nudgedThisCycle && item.purchases >= MIN_PURCHASES_FOR_NUDGE);
  if (!candidate) return undefined;
  await ctx.deps.replenishment.markNudged(customer.customerId, candidate.productId, candidate.purchase);
  return { productId: candidate.productId, quantity: candidate.lastUnits, speech: ctx.msg.nudge(productNameOf(ctx, candidate.productId)) };
}
