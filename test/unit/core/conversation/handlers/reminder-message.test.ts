/** The daily run's message as a core Turn: the core decides the reminders; nobody hears anything. */
import { describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../../skill/core/conversation/engine';
import { MemoryCustomers, memoryCoreDeps, turn } from '../../../../helpers/fakes';

function due(productIds: string[], dueDay = '2026-12-24', locale: 'en-US' | 'de-DE' = 'en-US') {
  const { sessionId: _none, ...rest } = turn({ intent: 'ReplenishmentDue', newSession: true, replenishmentDue: { dueDay, productIds } }, locale);
  return rest;
}

describe('ReplenishmentDue', () => {
  it('answers with one reminder per known product on the due day, in the shopper\'s language, and says nothing', async () => {
    const core = createConversationCore(memoryCoreDeps());
    const reply = await core.handle(due(['coffee-1', 'gone-1', 'milk-2'], '2026-12-24', 'de-DE'));
    expect(reply).toMatchObject({ speech: '', endSession: true });
    expect(reply.reminders).toEqual([
      { at: '2026-12-24T09:00:00.000', text: expect.stringContaining('Röstkaffee gemahlen') },
      { at: '2026-12-24T09:00:00.000', text: expect.stringContaining('Hafermilch') },
    ]);
  });

  it('sets nothing for a day that is not a day', async () => {
    const reply = await createConversationCore(memoryCoreDeps()).handle(due(['coffee-1'], 'soon'));
    expect(reply.reminders ?? []).toEqual([]);
  });

  it('is no first contact: the shopper is not there to hear a disclosure, and no profile is written', async () => {
    const customers = new MemoryCustomers();
    const reply = await createConversationCore(memoryCoreDeps({ customers })).handle(due(['coffee-1']));
    expect(reply.speech).toBe('');
    expect(customers.profiles.size).toBe(0);
  });
});
