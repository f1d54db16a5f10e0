import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../../skill/core/conversation/engine';
import type { Reply, Turn } from '../../../../../skill/core/turn';
import { FixedClock, MemoryAccounts, MemoryCustomers, SAMPLE_PRODUCTS, SilentLog, WordMatchCatalog, memoryCoreDeps, turn } from '../../../../helpers/fakes';

describe('thanks and start over', () => {
  let customers: MemoryCustomers;
  let core: ReturnType<typeof createConversationCore>;
  let session: Turn['session'];

  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Turn['locale'] = 'en-US'): Promise<Reply> {
    const reply = await core.handle(turn({ session, ...partial }, locale));
    session = reply.sessionState;
    return reply;
  }

  beforeEach(() => {
    customers = new MemoryCustomers();
    session = {};
    core = createConversationCore(
      memoryCoreDeps({ catalog: new WordMatchCatalog(SAMPLE_PRODUCTS), customers, accounts: new MemoryAccounts(new Map()), clock: new FixedClock(), log: new SilentLog() }),
    );
    customers.profiles.set('alexa:user-1', { customerId: 'alexa:user-1', firstContactAt: '2026-01-01T00:00:00.000Z' });
  });

  it('"thanks" with a question open says you are welcome and asks it again; the yes still answers it', async () => {
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'oat milk' } } });
    const thanks = await say({ intent: 'ThanksIntent' });
    expect(thanks.speech).toMatch(/^You're welcome\. I found Oat Milk.*Shall I add it/);
    expect(thanks.endSession).toBe(false);
    await say({ intent: 'Yes' });
    expect((await customers.load('alexa:user-1')).cart.lines).toEqual([{ productId: 'milk-2', quantity: 1 }]);
  });

  it('"danke" with nothing open closes kindly', async () => {
    const thanks = await say({ intent: 'ThanksIntent' }, 'de-DE');
    expect(thanks.speech).toMatch(/^Gern geschehen/);
    expect(thanks.endSession).toBe(true);
  });

  it('"start over" forgets the results and the open question, keeps the cart, and says so', async () => {
    await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'eggs' } } });
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'oat milk' } } });
    const reply = await say({ intent: 'StartOverIntent' });
    expect(reply.speech).toMatch(/start over.*cart stays as it is/i);
    expect(reply.endSession).toBe(false);
    expect(session.lastResults).toBeUndefined();
    const yes = await say({ intent: 'Yes' });
    expect(yes.speech).toBe((await core.handle(turn({ intent: 'Yes', sessionId: 'other' }))).speech);
    expect((await customers.load('alexa:user-1')).cart.lines).toEqual([{ productId: 'eggs-1', quantity: 1 }]);
  });
});
