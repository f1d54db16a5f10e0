/**
 * A shop per locale, heard as a German shopper hears it: the demo catalog's German price list is what search, the
 * cart, the cards, the read-back and the charge all say, in euros, with the VAT inside (issue 12). The core is
 * given the catalog as the de-DE shop sells it (core/catalog/shop-catalog.ts), as a turn in that locale reads it.
 */
import { describe, expect, it } from 'vitest';
import { shopCatalog } from '../../../../skill/core/catalog/shop-catalog';
import { createConversationCore } from '../../../../skill/core/conversation/engine';
import type { Turn } from '../../../../skill/core/turn';
import { LocalPaymentGateway } from '../../../../skill/payments/local-gateway';
import { loadCatalogFile } from '../../../../skill/store/catalog-file';
import { FixedClock, MemoryAccounts, MemoryCustomers, MemoryOrders, memoryCoreDeps, turn } from '../../../helpers/fakes';

const demo = loadCatalogFile();
const customer = { platform: 'alexa' as const, platformUserId: 'user-de', accessToken: 'token-de' };

function germanShopper() {
  const customers = new MemoryCustomers();
  customers.profiles.set('kundin-1', {
    customerId: 'kundin-1',
    firstContactAt: '2026-01-01T00:00:00.000Z',
    locale: 'de-DE',
    address: { street: 'Lindenstraße 5', city: 'Berlin', postalCode: '10969', country: 'DE' },
    paymentMethod: { id: 'pm-de', brand: 'visa', last4: '4242' },
  });
  const payments = new LocalPaymentGateway();
  payments.registerPaymentMethod('pm-de', 'kundin-1');
  const charged: Array<{ amountCents: number; currency: string }> = [];
  const charge = payments.charge.bind(payments);
  payments.charge = async (request) => {
    charged.push({ amountCents: request.amountCents, currency: request.currency });
    return charge(request);
  };
  const orders = new MemoryOrders(customers);
  const core = createConversationCore(
    memoryCoreDeps({ catalog: shopCatalog(demo, 'de-DE'), customers, orders, payments, clock: new FixedClock(), accounts: new MemoryAccounts(new Map([['token-de', 'kundin-1']])) }),
  );
  let session: Turn['session'] = {};
  const say = async (partial: Partial<Turn> & Pick<Turn, 'intent'>) => {
    const reply = await core.handle(turn({ session, customer, device: { hasScreen: true }, ...partial }, 'de-DE'));
    session = reply.sessionState;
    return reply;
  };
  return { say, customers, charged };
}

describe('the German shop', () => {
  it('says, shows and charges the German euro price, not the dollar figure', async () => {
    const { say, customers, charged } = germanShopper();
    // Haferdrink: $4.49 in the US shop, 2,29 € in the German one.
    const found = await say({ intent: 'SearchProductIntent', slots: { product: { raw: 'Haferdrink Barista' } } });
    expect(found.speech).toContain('2,29 €');
    expect(found.speech).not.toMatch(/4,49|\$/);
    // The card too, with the size in millilitres (32 fl oz).
    expect(found.display?.items?.[0]).toMatchObject({ id: 'p018', price: '2,29 €', subtitle: '950 ml' });

    const added = await say({ intent: 'AddToCartIntent', slots: { product: { raw: 'Haferdrink Barista' }, quantity: { raw: '2' } } });
    expect(added.speech).toContain('4,58 €');
    expect((await customers.load('kundin-1')).cart.lines).toEqual([{ productId: 'p018', quantity: 2 }]);

    const readBack = await say({ intent: 'CheckoutIntent' });
    // 4,58 € of goods and 4,99 € delivery; oat drinks take 19 %: (458 + 499) × 19/119 = 152,80 → 1,53 € contained.
    expect(readBack.speech).toContain('9,57 €');
    expect(readBack.speech).toContain('1,53 €');
    expect(readBack.speech).not.toContain('$');

    const done = await say({ intent: 'Yes' });
    expect(done.speech).toMatch(/^Erledigt\./);
    expect(charged).toEqual([{ amountCents: 957, currency: 'EUR' }]);
  });
});
