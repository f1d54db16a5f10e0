/**
 * The daily run's word that products are probably running low, arriving outside any conversation (on Alexa through
 * Skill Messaging). Nobody is listening, so nothing is said: the reply asks the platform to set reminders, in the
 * shopper's language, for the due day. What they say and when they ring is decided here, as for reminders set in a
 * conversation, so the adapter only delivers them.
 */
import { productName } from '../../catalog/product';
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';
import { reminderAtDueDay } from '../steps/reminder-at-due-day';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function replenishmentDue(ctx: TurnContext): Promise<Reply> {
  const due = ctx.turn.replenishmentDue;
  if (!due || !ISO_DAY.test(due.dueDay)) return ctx.tell('');
  // Products gone from the catalog since the run are left out: a reminder about nothing helps nobody.
  const reminders = due.productIds.flatMap((id) => {
    const product = ctx.deps.catalog.get(id);
    return product ? [reminderAtDueDay(ctx, due.dueDay, productName(product, ctx.locale))] : [];
  });
  return ctx.tell('', { reminders });
}
