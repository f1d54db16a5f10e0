/**
 * Choosing among the results read out, by what a choice means: the words the models accept each do something.
 * Milk as read out: 1. Whole Milk (1 gallon, $3.49, popularity 90), 2. Oat Milk (64 oz, $2.99, 70),
 * 3. Lactose Free Milk (half gallon, $4.29, 40); Skim Milk ($2.79) is on the next page.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createConversationCore } from '../../../../../skill/core/conversation/engine';
import type { Locale, Reply, SlotValue, Turn } from '../../../../../skill/core/turn';
import { FixedClock, MemoryCustomers, SAMPLE_PRODUCTS, WordMatchCatalog, memoryCoreDeps, turn } from '../../../../helpers/fakes';

describe('choosing from the results read out', () => {
  let customers: MemoryCustomers;
  let core: ReturnType<typeof createConversationCore>;
  let session: Turn['session'];

  async function say(partial: Partial<Turn> & Pick<Turn, 'intent'>, locale: Locale = 'en-US'): Promise<Reply> {
    const reply = await core.handle(turn({ session, ...partial }, locale));
    session = reply.sessionState;
    return reply;
  }

  async function searchThenChoose(choice: SlotValue, locale: Locale = 'en-US'): Promise<Reply> {
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: locale === 'en-US' ? 'milk' : 'Milch' } } }, locale);
    return say({ intent: 'SelectItemIntent', slots: { choice } }, locale);
  }

  const cart = () => customers.carts.get('alexa:user-1')?.lines ?? [];

  beforeEach(() => {
    customers = new MemoryCustomers();
    session = {};
    core = createConversationCore(memoryCoreDeps({ catalog: new WordMatchCatalog(SAMPLE_PRODUCTS), customers, clock: new FixedClock() }));
    customers.profiles.set('alexa:user-1', { customerId: 'alexa:user-1', firstContactAt: '2026-01-01T00:00:00.000Z' });
  });

  it('"the less expensive one" is the cheapest read out, not the dearest', async () => {
    const reply = await searchThenChoose({ raw: 'the less expensive one' });
    expect(reply.speech).toMatch(/^Added Oat Milk/);
  });

  it('reads the resolved id first', async () => {
    const reply = await searchThenChoose({ raw: 'less expensive', ids: ['cheaper'] });
    expect(reply.speech).toMatch(/^Added Oat Milk/);
    const dearer = await searchThenChoose({ raw: 'premium', ids: ['pricier'] });
    expect(dearer.speech).toMatch(/^Added Lactose Free Milk/);
  });

  it('"the bigger one" and "the smaller one" compare pack sizes across units', async () => {
    expect((await searchThenChoose({ raw: 'bigger', ids: ['bigger'] })).speech).toMatch(/^Added Whole Milk/);
    // 64 oz and half a gallon are the same size: the first read out wins the tie.
    expect((await searchThenChoose({ raw: 'the smaller one' })).speech).toMatch(/^Added Oat Milk/);
  });

  it('"the other one" is the one not chosen, and the second when none was', async () => {
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'milk' } } });
    expect((await say({ intent: 'SelectItemIntent', slots: { choice: { raw: 'the other one' } } })).speech).toMatch(/^Added Oat Milk/);
    expect((await say({ intent: 'SelectItemIntent', slots: { choice: { raw: 'other', ids: ['other'] } } })).speech).toMatch(/^Added Lactose Free Milk/);
  });

  it('"the other one" after a single result says there is nothing else', async () => {
    await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'eggs' } } });
    const reply = await say({ intent: 'SelectItemIntent', slots: { choice: { raw: 'the other one' } } });
    expect(reply.speech).toMatch(/^That's all I found/);
    expect(cart()).toEqual([]);
  });

  it('"the most popular one" is the shopper\'s own favourite first, then the shop\'s', async () => {
    expect((await searchThenChoose({ raw: 'the most popular one' })).speech).toMatch(/^Added Whole Milk/);
    customers.purchases.set('alexa:user-1', { 'milk-3': 4 });
    expect((await searchThenChoose({ raw: 'most popular', ids: ['popular'] })).speech).toMatch(/^Added Lactose Free Milk/);
  });

  it('understands the German choice words', async () => {
    expect((await searchThenChoose({ raw: 'größere' }, 'de-DE')).speech).toMatch(/Vollmilch/);
    expect((await searchThenChoose({ raw: 'andere' }, 'de-DE')).speech).toMatch(/Hafermilch/);
    expect((await searchThenChoose({ raw: 'beliebteste' }, 'de-DE')).speech).toMatch(/Vollmilch/);
  });

  it('a tapped result (its product id resolved) is that product', async () => {
    const reply = await searchThenChoose({ raw: 'milk-3', ids: ['milk-3'] });
    expect(reply.speech).toMatch(/^Added Lactose Free Milk/);
  });
});
