/** The first contact: vocart says it is an automated assistant once, whatever the shopper's first words are. */
import type { TurnContext } from '../context';

/** Records that the shopper has been told vocart is an automated assistant; true when this turn must say it. */
export async function firstContact(ctx: TurnContext): Promise<boolean> {
  const customer = await ctx.customer();
  if (customer.profile?.firstContactAt) return false;
  const profile = { ...(customer.profile ?? {}), customerId: customer.customerId, firstContactAt: ctx.deps.clock.now().toISOString(), locale: ctx.locale };
  await ctx.deps.customers.saveProfile(profile);
  ctx.remember({ ...customer, profile });
  return true;
}
