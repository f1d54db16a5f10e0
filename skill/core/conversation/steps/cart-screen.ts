/**
 * After a turn that changed the cart, the screen shows the cart as it is now. An Echo Show keeps the last list it
 * was sent until it gets another, so without this the shopper looks at the cart as it was before "remove the
 * coffee". The adapters draw it afresh (Alexa: a new RenderDocument with the new data source).
 */
import type { CartLine } from '../../ports';
import type { Display, Reply } from '../../turn';
import type { TurnContext } from '../context';
import { displayItem } from '../product-text';

/** The cart's lines as the screen lists them: name, count × size, price. */
export function cartDisplay(ctx: TurnContext, lines: readonly CartLine[]): Display | undefined {
  const items = lines.flatMap((line) => {
    const product = ctx.deps.catalog.get(line.productId);
    return product ? [{ ...displayItem(ctx, product), subtitle: `${line.quantity} × ${product.size ?? ''}`.trim() }] : [];
  });
  return ctx.display(ctx.msg.cartTitle, items);
}

/** The reply with the current cart on screen when this turn saved the cart and the conversation goes on. */
export async function showChangedCart(ctx: TurnContext, reply: Reply): Promise<Reply> {
  if (!ctx.cartChanged || reply.endSession) return reply;
  const display = cartDisplay(ctx, (await ctx.customer()).cart.lines);
  return display ? { ...reply, display } : reply;
}
