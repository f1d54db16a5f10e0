/**
 * Adding by everyday words against the demo catalog (issue 12): an amount with a fraction picks that pack size, a
 * German word for mince adds mince, and a weak match is offered, never put in the cart unasked.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseProductsJson } from '../../../../../skill/core/catalog/catalog-loader';
import { buildVoiceCatalog } from '../../../../../skill/core/catalog/build/catalog-builder';
import { createConversationCore } from '../../../../../skill/core/conversation/engine';
import type { Locale, Reply, Turn } from '../../../../../skill/core/turn';
import { FixedClock, MemoryAccounts, MemoryCustomers, SilentLog, memoryCoreDeps, turn } from '../../../../helpers/fakes';

const catalog = buildVoiceCatalog(parseProductsJson(readFileSync(new URL('../../../../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));

describe('adding by everyday words', () => {
  let customers: MemoryCustomers;
  let core: ReturnType<typeof createConversationCore>;
  let session: Turn['session'];

  async function add(raw: string, locale: Locale): Promise<Reply> {
    const reply = await core.handle(turn({ session, intent: 'AddToCartIntent', slots: { product: { raw } } }, locale));
    session = reply.sessionState;
    return reply;
  }
  const cart = async () => (await customers.load('alexa:user-1')).cart.lines;

  beforeEach(() => {
    customers = new MemoryCustomers();
    session = {};
    core = createConversationCore(memoryCoreDeps({ catalog, customers, accounts: new MemoryAccounts(new Map()), clock: new FixedClock(), log: new SilentLog() }));
    customers.profiles.set('alexa:user-1', { customerId: 'alexa:user-1', firstContactAt: '2026-01-01T00:00:00.000Z' });
  });

  it('"half a gallon of milk" adds one half-gallon carton', async () => {
    await add('half a gallon of milk', 'en-US');
    expect(await cart()).toEqual([{ productId: 'p013', quantity: 1 }]);
  });

  it('"Hackfleisch" adds minced beef, not chopped tomatoes', async () => {
    await add('Hackfleisch', 'de-DE');
    expect(await cart()).toEqual([{ productId: 'p098', quantity: 1 }]);
  });

  it('offers a weak match ("spüli" in the English shop) and adds nothing until a yes', async () => {
    const reply = await add('spüli', 'en-US');
    expect(await cart()).toEqual([]);
    expect(reply.speech).toMatch(/Shall I add it|\?/);
  });
});
