/** Money as each locale's shop shows and says it: one currency per conversation, whatever the catalog row says. */
import { describe, expect, it } from 'vitest';
import { formatPrice, formatShopPrice } from '../../../../skill/core/i18n/format';

describe('formatShopPrice', () => {
  it('shows dollars in en-US and euros in de-DE', () => {
    expect(formatShopPrice(449, 'en-US')).toBe('$4.49');
    expect(formatShopPrice(449, 'de-DE')).toBe('4,49 €');
    expect(formatShopPrice(123456, 'de-DE')).toBe('1.234,56 €');
  });

  it('writes a plain space before the euro sign, as speech engines and chat surfaces want', () => {
    expect(formatShopPrice(5, 'de-DE')).toBe('0,05 €');
    expect(formatShopPrice(5, 'de-DE')).not.toContain('\u00a0');
  });

  it('leaves an order charged in another currency in that currency', () => {
    expect(formatPrice(449, 'USD', 'de-DE')).toBe('4,49 $');
  });
});
