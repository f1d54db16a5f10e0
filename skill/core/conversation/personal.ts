import type { TurnContext } from './context';

/** What this shopper has bought and how often: generic requests rank their usual products first. */
export async function personalWeights(ctx: TurnContext): Promise<ReadonlyMap<string, number> | undefined> {
  const customer = await ctx.customer();
  const counts = customer.purchaseCounts;
  if (!counts || Object.keys(counts).length === 0) return undefined;
  return new Map(Object.entries(counts));
}
