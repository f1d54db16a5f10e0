/**
 * A conversation with the core over the in-memory fakes, carrying each reply's session into the next turn as a
 * platform does: what the handler tests need to talk to the core as a known shopper.
 */
import type { CoreDeps } from '../../skill/core/conversation/context';
import { createConversationCore } from '../../skill/core/conversation/engine';
import type { Reply, Turn } from '../../skill/core/turn';
import { FixedClock, MemoryAccounts, MemoryCustomers, MemoryHandoffCases, SAMPLE_PRODUCTS, SilentLog, TEST_HANDOFF_SETTINGS, WordMatchCatalog, memoryCoreDeps, turn } from './fakes';

/** The customer id the fakes give the default test turn's platform user. */
export const TEST_SHOPPER = 'alexa:user-1';

export interface ConversationOptions {
  /** With people from the shop to hand over to (the in-memory cases and the test shop's hours). */
  handoff?: boolean;
  /** Anything else the test wants to control (orders, payments, the clock…). */
  deps?: Partial<Omit<CoreDeps, 'customers'>>;
}

export function coreConversation(options: ConversationOptions = {}) {
  const customers = new MemoryCustomers();
  const clock = options.deps?.clock instanceof FixedClock ? options.deps.clock : new FixedClock();
  const log = new SilentLog();
  const handoffs = new MemoryHandoffCases(clock);
  if (options.handoff) customers.handoffs = handoffs;
  const core = createConversationCore(
    memoryCoreDeps({
      catalog: new WordMatchCatalog(SAMPLE_PRODUCTS),
      customers,
      accounts: new MemoryAccounts(new Map()),
      clock,
      log,
      ...(options.handoff ? { handoff: { cases: handoffs, settings: TEST_HANDOFF_SETTINGS } } : {}),
      ...options.deps,
    }),
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
    handoffs,
    clock,
    log,
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
