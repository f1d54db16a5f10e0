/**
 * A linked account remembers the platform identities it was used from (the Alexa user, the Dialogflow user or
 * conversation before linking), so "delete my data" can erase what was stored under each of them too. The first
 * time an identity turns up linked, the cart the shopper filled under it before linking joins the account's cart.
 */
import { addToCart, CartLimitError, itemCount, MAX_LINE_QUANTITY } from '../../cart/cart';
import type { CartLine, CartJoin, CustomerProfile } from '../../ports';
import type { TurnContext } from '../context';

/** Enough for every device a household uses; the oldest falls off first. */
export const MAX_REMEMBERED_IDENTITIES = 20;

/** The identity a turn arrives under when no account is linked: also the key of that shopper's own partition. */
export function platformIdentity(ctx: TurnContext): string {
  return `${ctx.turn.customer.platform}:${ctx.turn.customer.platformUserId}`;
}

/**
 * The pre-link cart added to the account's, within the cart's limits: a product already in the account's cart gets
 * the quantities added up to the most one line may hold; a product that finds no room is left out and counted.
 */
export const joinCarts: CartJoin = (guest, account) => {
  let lines: CartLine[] = account.map((line) => ({ ...line }));
  const moved: CartLine[] = [];
  let skipped = 0;
  for (const line of guest) {
    const held = lines.find((candidate) => candidate.productId === line.productId)?.quantity ?? 0;
    const fits = Math.min(line.quantity, MAX_LINE_QUANTITY - held);
    if (fits <= 0) {
      skipped += 1;
      continue;
    }
    try {
      lines = addToCart(lines, line.productId, fits);
      moved.push({ productId: line.productId, quantity: fits });
    } catch (error) {
      if (!(error instanceof CartLimitError)) throw error;
      skipped += 1;
    }
  }
  return { lines, moved, skipped };
};

/**
 * Moves the identity's pre-link cart into the account's (one transaction that also empties it, so it happens once
 * whatever retries or devices follow) and says so; undefined when there was nothing to move.
 */
async function carryOverCart(ctx: TurnContext, identity: string, customerId: string) {
  const links = ctx.deps.links;
  if (!links) return undefined;
  const carried = await links.carryOverCart(identity, customerId, joinCarts);
  if (!carried || carried.moved.length === 0) return carried ? { carried, notice: undefined } : undefined;
  ctx.deps.log.info('pre-link cart carried over', { lines: carried.moved.length, skipped: carried.skipped });
  return { carried, notice: ctx.msg.cartCarriedOver({ items: itemCount(carried.moved), skipped: carried.skipped }) };
}

function withIdentity(profile: CustomerProfile | undefined, customerId: string, identity: string): CustomerProfile | undefined {
  const known = profile?.identities ?? [];
  if (known.includes(identity)) return undefined;
  return { ...(profile ?? {}), customerId, identities: [...known, identity].slice(-MAX_REMEMBERED_IDENTITIES) };
}

/**
 * Records the platform identity on the linked profile the first time it is seen (one small write, once), after
 * carrying its pre-link cart over: when the move fails, the identity stays unrecorded and the next turn tries
 * again. Returns what to tell the shopper about the carried cart, once.
 */
export async function rememberIdentity(ctx: TurnContext): Promise<string | undefined> {
  // Nobody hears the end of a session: the move waits for a turn that can tell the shopper about it.
  if (ctx.turn.intent === 'SessionEnded') return undefined;
  if (!(await ctx.isLinked())) return undefined;
  const customer = await ctx.customer();
  const identity = platformIdentity(ctx);
  const profile = withIdentity(customer.profile, customer.customerId, identity);
  if (!profile) return undefined;
  const moved = await carryOverCart(ctx, identity, customer.customerId);
  await ctx.deps.customers.saveProfile(profile);
  ctx.remember({ ...customer, profile, ...(moved ? { cart: moved.carried.cart } : {}) });
  return moved?.notice;
}

/**
 * The conversation's identity was just linked to `customerId` by a one-time code: its cart joins the account's and
 * the account records the identity (for erasure). This turn still runs as the pre-link identity, so the account is
 * read here; from the next turn on, the identity resolves to the account.
 */
export async function joinAccount(ctx: TurnContext, customerId: string): Promise<string | undefined> {
  const identity = platformIdentity(ctx);
  const moved = await carryOverCart(ctx, identity, customerId);
  const account = await ctx.deps.customers.load(customerId);
  const profile = withIdentity(account.profile, customerId, identity);
  if (profile) await ctx.deps.customers.saveProfile(profile);
  if (moved) {
    const guest = await ctx.customer();
    ctx.remember({ ...guest, cart: { ...guest.cart, lines: [], version: guest.cart.version + 1 } });
  }
  return moved?.notice;
}
