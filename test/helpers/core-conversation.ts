/**
 * A conversation with the core over the in-memory fakes, carrying each reply's session into the next turn as a
 * platform does: what the handler tests need to talk to the core as a known shopper.
 */
import { createConversationCore } from '../../skill/core/conversation/engine';
import type { Reply, Turn } from '../../skill/core/turn';
import { FixedClock, MemoryAccounts, MemoryCustomers, SAMPLE_PRODUCTS, SilentLog, WordMatchCatalog, memoryCoreDeps, turn } from './fakes';

/** The customer id the fakes give the default test turn's platform user. */
export const TEST_SHOPPER = 'alexa:user-1';

export function coreConversation() {
  const customers = new MemoryCustomers();
  const core = createConversationCore(
    memoryCoreDeps({ catalog: new WordMatchCatalog(SAMPLE_PRODUCTS), customers, accounts: new MemoryAccounts(new Map()), clock: new FixedClock(), log: new SilentLog() }),
  );
  // A shopper met before: no first-contact disclosure in front of the answers under test.
  customers.profiles.set(TEST_SHOPPER, { customerId: TEST_SHOPPER, firstContactAt: '2026-01-01T00:00:00.000Z' });
  let session: Turn['session'] = {};
  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Turn['locale'] = 'en-US'): Promise<Reply> {
    const reply = await core.handle(turn({ session, ...partial }, locale));
    session = reply.sessionState;
    return reply;
  }
  return {
    customers,
    core,
    say,
    /** The session the next turn will carry. */
    session: () => session,
    /** Replaces it, as a platform that starts a new session (or a forged one) would. */
    setSession: (next: Turn['session']) => {
      session = next;
    },
  };
}
