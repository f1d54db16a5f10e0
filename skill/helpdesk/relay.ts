/**
 * The relay between the table's handoff cases and a help desk, the same in AWS (lambda/handoff-relay.ts, fed by
 * the table's stream) and on a laptop (relaying-cases.ts, after the store's write). The shopper's turn never waits
 * for it: a help desk's latency and outages stay out of the conversation.
 *
 * Idempotent where it matters: before opening, the relay reads the case as it is now, and a case that already has
 * an external id was relayed, so a repeated stream record (retry, bisect, replay) opens no second conversation.
 */
import type { HandoffCase } from '../core/handoff/case';
import type { HandoffInbox, HelpDesk, Log } from '../core/ports';

/** A help desk that can also take a transcript shared after the case was relayed (optional beyond the port). */
export interface RelayedHelpDesk extends HelpDesk {
  transcriptShared?(handoff: HandoffCase): Promise<void>;
}

export type RelayOutcome = 'opened' | 'already-relayed' | 'shopper-message' | 'transcript' | 'case-gone' | 'nothing';

export interface HandoffRelay {
  /** A case was written for the first time. */
  opened(caseId: string): Promise<RelayOutcome>;
  /** The shopper replied on a case ("tell them …"). */
  shopperWrote(caseId: string, text: string): Promise<RelayOutcome>;
  /** The shopper agreed to share the conversation after the case opened. */
  transcriptShared(caseId: string): Promise<RelayOutcome>;
}

export function createHandoffRelay(deps: { helpDesk: RelayedHelpDesk; inbox: Pick<HandoffInbox, 'get'>; log: Log }): HandoffRelay {
  const { helpDesk, inbox, log } = deps;

  /** Opens the case at the help desk unless it is there already; the note carries whatever the case holds now. */
  async function open(handoff: HandoffCase): Promise<RelayOutcome> {
    if (handoff.externalId !== undefined) return 'already-relayed';
    await helpDesk.caseOpened(handoff);
    log.info('handoff relayed', { caseId: handoff.caseId, reason: handoff.reason });
    return 'opened';
  }

  async function current(caseId: string): Promise<HandoffCase | undefined> {
    const handoff = await inbox.get(caseId);
    // Erased with its customer between the write and the relay: nothing to tell anyone.
    if (!handoff) log.info('handoff relay skipped a case that is gone', { caseId });
    return handoff;
  }

  return {
    async opened(caseId) {
      const handoff = await current(caseId);
      return handoff ? open(handoff) : 'case-gone';
    },

    async shopperWrote(caseId, text) {
      const handoff = await current(caseId);
      if (!handoff) return 'case-gone';
      // Never relayed (the help desk was down past the retries, or switched on later): the opening note includes
      // the shopper's messages, this one among them.
      if (handoff.externalId === undefined) return open(handoff);
      await helpDesk.shopperWrote(handoff, text);
      log.info('handoff shopper message relayed', { caseId });
      return 'shopper-message';
    },

    async transcriptShared(caseId) {
      const handoff = await current(caseId);
      if (!handoff) return 'case-gone';
      if (handoff.externalId === undefined) return open(handoff);
      if (!helpDesk.transcriptShared) return 'nothing';
      await helpDesk.transcriptShared(handoff);
      return 'transcript';
    },
  };
}
