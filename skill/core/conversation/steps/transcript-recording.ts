/**
 * The conversation's recent exchanges, kept for a person from the shop only while a case may follow: on a miss, an
 * unsure turn, a handoff asked for or offered, and from then on while the buffer lives (30 minutes). Every other
 * turn records nothing and costs no request. A case takes the buffer plus this turn's own exchange.
 */
import { TRANSCRIPT_LIFETIME_MS, transcriptEntry, type SecretTurn } from '../../handoff/transcript';
import type { Reply } from '../../turn';
import type { TurnContext } from '../context';

/** `secret`: the turn carried a PIN or a link code (the engine knows how it routed it): recorded as that alone. */
export async function recordExchange(ctx: TurnContext, reply: Reply, unsure: boolean, secret: SecretTurn | undefined): Promise<void> {
  const handoff = ctx.deps.handoff;
  if (!handoff || ctx.turn.intent === 'SessionEnded' || ctx.turn.intent === 'ReplenishmentDue') return;
  // After an erasure nothing about the shopper may be written again.
  if (ctx.answering?.question.kind === 'erase') return;
  const buffer = ctx.dialogKey ? ((await ctx.customer()).transcript ?? []) : [];
  const mayFollow = ctx.missed || unsure || ctx.handoffTrigger || buffer.length > 0 || ctx.takeTranscript !== undefined;
  if (!mayFollow) return;
  const now = ctx.deps.clock.now();
  const entry = transcriptEntry(ctx.turn, reply.speech, now, secret);
  const customerId = await ctx.customerId();
  const dialogKey = ctx.dialogKey;
  await Promise.all([
    // The case the shopper was just told about must exist: its failure fails the turn (an apology, said honestly).
    ctx.takeTranscript?.([...buffer, entry]),
    // The buffer is a help, not a promise: a failed write loses an exchange, not the shopper's turn.
    dialogKey
      ? handoff.cases.recordTurn(customerId, dialogKey, entry, new Date(now.getTime() + TRANSCRIPT_LIFETIME_MS)).catch((error: unknown) => {
          ctx.deps.log.warn('transcript turn not recorded', { error: error instanceof Error ? error.name : typeof error });
        })
      : undefined,
  ]);
}
