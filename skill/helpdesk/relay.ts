/**
 * The relay between the table's handoff cases and a help desk, the same in AWS (lambda/handoff-relay.ts, fed by
 * the table's stream) and on a laptop (relaying-cases.ts, after the store's write). The shopper's turn never waits
 * for it: a help desk's latency and outages stay out of the conversation.
 *
 * Idempotent where it matters: before opening, the relay reads the case as it is now (by its key, consistently), and
 * a case that already has an external id was relayed, so a repeated stream record (retry, bisect, replay) opens no
 * second conversation.
 */
import type { HandoffCase } from '../core/handoff/case';
import type { HandoffInbox, HelpDesk, Log } from '../core/ports';

/** A help desk that can also take a transcript shared after the case was relayed (optional beyond the port). */
export interface RelayedHelpDesk extends HelpDesk {
  transcriptShared?(handoff: HandoffCase): Promise<void>;
}

/** Where a case lives: its customer's partition and its id. */
export interface CaseRef {
  customerId: string;
  caseId: string;
}

export type RelayOutcome = 'opened' | 'already-relayed' | 'shopper-message' | 'transcript' | 'case-gone' | 'erased' | 'nothing';

/**
 * The case is in the table but the inbox cannot find it by its id yet (the GSI lags a new item by a moment). Opening
 * it now would leave it unlinked, since linking finds the case the same way: retried, it succeeds.
 */
export class CaseNotIndexedError extends Error {
  readonly retryable = true;

  constructor(readonly caseId: string) {
    super(`handoff case ${caseId} is not in the inbox index yet`);
    this.name = 'CaseNotIndexedError';
  }
}

export interface HandoffRelay {
  /** A case was written for the first time. */
  opened(ref: CaseRef): Promise<RelayOutcome>;
  /** The shopper replied on a case ("tell them …"). */
  shopperWrote(ref: CaseRef, text: string): Promise<RelayOutcome>;
  /** The shopper agreed to share the conversation after the case opened. */
  transcriptShared(ref: CaseRef): Promise<RelayOutcome>;
  /**
   * The shopper asked for erasure and their relayed cases went with it: the help desk forgets them too. Not for a
   * case that expired (retention, not a request) and not for one never relayed (the help desk holds nothing of it).
   */
  shopperErased(customerId: string): Promise<RelayOutcome>;
}

export interface HandoffRelayDeps {
  helpDesk: RelayedHelpDesk;
  /** The case as it is now, by its key (skill/helpdesk/case-reader.ts). */
  read(ref: CaseRef): Promise<HandoffCase | undefined>;
  /** The inbox's lookup by case id, which linking uses: the case must be findable there before it is opened. */
  inbox: Pick<HandoffInbox, 'get'>;
  log: Log;
}

export function createHandoffRelay({ helpDesk, read, inbox, log }: HandoffRelayDeps): HandoffRelay {
  /** Opens the case at the help desk unless it is there already; the note carries whatever the case holds now. */
  async function open(handoff: HandoffCase): Promise<RelayOutcome> {
    if (handoff.externalId !== undefined) return 'already-relayed';
    if (!(await inbox.get(handoff.caseId))) throw new CaseNotIndexedError(handoff.caseId);
    await helpDesk.caseOpened(handoff);
    // Erased while it was being opened: the removal carried no external id (the link found no case to go on), so
    // nothing else will erase what the help desk just created. One more read, outside any shopper's turn.
    if (helpDesk.shopperErased && !(await read(handoff))) {
      await helpDesk.shopperErased(handoff.customerId);
      log.info('handoff help desk erased a shopper');
      return 'erased';
    }
    log.info('handoff relayed', { caseId: handoff.caseId, reason: handoff.reason });
    return 'opened';
  }

  async function current(ref: CaseRef): Promise<HandoffCase | undefined> {
    const handoff = await read(ref);
    // Erased with its customer between the write and the relay: nothing to tell anyone.
    if (!handoff) log.info('handoff relay skipped a case that is gone', { caseId: ref.caseId });
    return handoff;
  }

  return {
    async opened(ref) {
      const handoff = await current(ref);
      return handoff ? open(handoff) : 'case-gone';
    },

    async shopperWrote(ref, text) {
      const handoff = await current(ref);
      if (!handoff) return 'case-gone';
      // Never relayed (the help desk was down past the retries, or switched on later): the opening note includes
      // the shopper's messages, this one among them.
      if (handoff.externalId === undefined) return open(handoff);
      await helpDesk.shopperWrote(handoff, text);
      log.info('handoff shopper message relayed', { caseId: ref.caseId });
      return 'shopper-message';
    },

    async transcriptShared(ref) {
      const handoff = await current(ref);
      if (!handoff) return 'case-gone';
      if (handoff.externalId === undefined) return open(handoff);
      if (!helpDesk.transcriptShared) return 'nothing';
      await helpDesk.transcriptShared(handoff);
      return 'transcript';
    },

    async shopperErased(customerId) {
      // A help desk that cannot erase keeps its copies: said at warn level so an operator erases them by hand.
      if (!helpDesk.shopperErased) {
        log.warn('handoff help desk cannot erase a shopper');
        return 'nothing';
      }
      await helpDesk.shopperErased(customerId);
      // No customer id, not even a pseudonym: the log outlives the erasure.
      log.info('handoff help desk erased a shopper');
      return 'erased';
    },
  };
}
