/** German prompts agree with their numbers: one thing "ist" in the cart, twelve "sind". */
import { describe, expect, it } from 'vitest';
import { deDE } from '../../../../skill/core/i18n/de-DE/messages';

describe('German number agreement', () => {
  it('says "ist" for one and "sind" for many', () => {
    expect(deDE.added(1, 'Hafermilch', 1)).toBe('Hafermilch ist im Warenkorb. Du hast jetzt 1 Artikel. Noch etwas?');
    expect(deDE.added(12, 'Hafermilch', 3)).toBe('12 mal Hafermilch sind im Warenkorb. Du hast jetzt 3 Artikel. Noch etwas?');
  });

  it('agrees with what a spoken list put in the cart: one pack "ist", more "sind"', () => {
    expect(deDE.addedSeveral('eine Packung Braune Eier, 4,29 €', 'Kaviar', 1, false)).toMatch(/^Eine Packung Braune Eier, 4,29 € ist im Warenkorb\. Kaviar habe ich nicht gefunden\./);
    expect(deDE.addedSeveral('12 mal Hafermilch, 53,88 €', 'Kaviar', 1, true)).toMatch(/^12 mal Hafermilch, 53,88 € sind im Warenkorb\./);
    expect(deDE.addedSeveral('Eier und Milch', undefined, 2, true)).toMatch(/^Eier und Milch sind im Warenkorb\./);
  });

  it('says the VAT is in the price and only delivery comes on top', () => {
    expect(deDE.cartContents(2, 'Bananen, 1,29 €', '2,58 €')).toContain('Das macht 2,58 € inklusive MwSt., ohne Lieferung.');
    const readback = deDE.checkoutReadback({ seller: 'vocart', items: 'Bananen', total: '6,28 €', tax: '0,41 €', delivery: '4,99 €', address: 'Hauptstraße 1, Berlin', payment: 'Visa …4242' });
    expect(readback).toContain('Die Summe ist 6,28 €, inklusive 0,41 € MwSt. und 4,99 € Lieferung');
    expect(readback).not.toContain('Steuer');
  });
});
