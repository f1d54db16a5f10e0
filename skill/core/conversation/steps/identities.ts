/**
 * A linked account remembers the platform identities it was used from (the Alexa user, the Dialogflow user or
 * conversation before linking), so "delete my data" can erase what was stored under each of them too.
 */
import type { TurnContext } from '../context';

/** Enough for every device a household uses; the oldest falls off first. */
export const MAX_REMEMBERED_IDENTITIES = 20;

/** The identity a turn arrives under when no account is linked: also the key of that shopper's own partition. */
export function platformIdentity(ctx: TurnContext): string {
  return `${ctx.turn.customer.platform}:${ctx.turn.customer.platformUserId}`;
}

/** Records the platform identity on the linked profile the first time it is seen (one small write, once). */
export async function rememberIdentity(ctx: TurnContext): Promise<void> {
  if (!(await ctx.isLinked())) return;
  const customer = await ctx.customer();
  const identity = platformIdentity(ctx);
  const known = customer.profile?.identities ?? [];
  if (known.includes(identity)) return;
  const identities = [...known, identity].slice(-MAX_REMEMBERED_IDENTITIES);
  await ctx.deps.customers.saveProfile({ ...(customer.profile ?? {}), customerId: customer.customerId, identities });
  ctx.remember({ ...customer, profile: { ...(customer.profile ?? {}), customerId: customer.customerId, identities } });
}
