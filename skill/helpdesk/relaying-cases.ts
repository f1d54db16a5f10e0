/**
 * The local relay (npm start, npm run chat): the store's HandoffCases wrapped so that, after a write, the case goes
 * on to the help desk in the background. The shopper's turn returns as soon as the store has written; a help desk
 * that is slow, down or misconfigured costs a log line, never the turn.
 *
 * Work is chained per case, so "opened" finishes (and sets the external id) before the same case's transcript or
 * reply is relayed: without the chain a quick "yes, share it" could open a second conversation.
 */
import type { HandoffCases, Log } from '../core/ports';
import { HelpDeskError } from './errors';
import { CaseNotIndexedError, type HandoffRelay } from './relay';

export interface RelayingHandoffCases extends HandoffCases {
  /**
   * The customer's data was erased on request: the help desk forgets them too, in the background, after whatever is
   * still being relayed (a case opening at this moment would otherwise recreate what the erasure removes).
   */
  shopperErased(customerId: string): void;
  /** Resolves when every relay started so far has finished (tests, and a clean shutdown). */
  settled(): Promise<void>;
}

export function relayingHandoffCases(cases: HandoffCases, relay: HandoffRelay, log: Log): RelayingHandoffCases {
  const chains = new Map<string, Promise<void>>();

  /** `caseId` undefined: work about the shopper, not one case, logged without any id (an erasure outlives its log). */
  function enqueue(key: string, caseId: string | undefined, work: () => Promise<unknown>): void {
    const previous = chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(work)
      .then(
        () => undefined,
        (error: unknown) => {
          // Ids and the kind of failure only: the error's message may quote the help desk, never a shopper, but
          // the text the shopper said must not reach a log through a cause either.
          log.warn('handoff relay failed', {
            ...(caseId === undefined ? {} : { caseId }),
            failure: error instanceof HelpDeskError ? error.failure : error instanceof CaseNotIndexedError ? 'not-indexed' : 'error',
            ...(error instanceof HelpDeskError && error.status !== undefined ? { status: error.status } : {}),
          });
        },
      )
      .finally(() => {
        if (chains.get(key) === next) chains.delete(key);
      });
    chains.set(key, next);
  }

  return {
    async open(input) {
      const opened = await cases.open(input);
      enqueue(opened.caseId, opened.caseId, () => relay.opened(opened));
      return opened;
    },
    async shareTranscript(customerId, caseId, transcript) {
      await cases.shareTranscript(customerId, caseId, transcript);
      enqueue(caseId, caseId, () => relay.transcriptShared({ customerId, caseId }));
    },
    recordTurn: (customerId, dialogKey, entry, expiresAt) => cases.recordTurn(customerId, dialogKey, entry, expiresAt),
    markDelivered: (customerId, caseIds, at) => cases.markDelivered(customerId, caseIds, at),
    async shopperReply(customerId, text, at) {
      const replied = await cases.shopperReply(customerId, text, at);
      if (replied) enqueue(replied.caseId, replied.caseId, () => relay.shopperWrote(replied, text));
      return replied;
    },
    shopperErased(customerId) {
      const pending = Promise.all([...chains.values()]);
      enqueue(`erase#${customerId}`, undefined, () => pending.then(() => relay.shopperErased(customerId)));
    },
    async settled() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
  };
}
