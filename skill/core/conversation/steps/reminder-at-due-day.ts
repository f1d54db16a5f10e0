/**
 * A reminder for a product's due day, as every reply that sets one builds it: the reminders set in a conversation
 * and the ones the daily run's message asks for ring at the same hour and say the same sentence.
 */
import type { TurnContext } from '../context';

/** The hour (device time) a reminder rings on its due day. */
export const REMINDER_LOCAL_TIME = '09:00:00.000';

export function reminderAtDueDay(ctx: TurnContext, dueDay: string, productName: string): { at: string; text: string } {
  return { at: `${dueDay}T${REMINDER_LOCAL_TIME}`, text: ctx.msg.reminderText(productName) };
}
