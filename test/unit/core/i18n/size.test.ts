import { describe, expect, it } from 'vitest';
import { localizedSize } from '../../../../skill/core/i18n/size';

describe('pack sizes in the shopper\'s units', () => {
  it('leaves sizes as written for en-US', () => {
    expect(localizedSize('12 oz', 'en-US')).toBe('12 oz');
    expect(localizedSize('1 gallon', 'en-US')).toBe('1 gallon');
  });

  it.each([
    ['12 oz', '340 g'],
    ['2 oz', '55 g'],
    ['2 lb', '910 g'],
    ['5 lb', '2,3 kg'],
    ['16.9 fl oz', '500 ml'],
    ['64 fl oz', '1,9 Liter'],
    ['1 gallon', '3,8 Liter'],
    ['half gallon', '1,9 Liter'],
    ['24 count', '24 Stück'],
    ['12 rolls', '12 Rollen'],
    ['6 pack cans', '6er-Pack Dosen'],
    ['2 liter', '2 Liter'],
    ['500 ml', '500 ml'],
  ])('reads %s to a German shopper as %s', (size, german) => {
    expect(localizedSize(size, 'de-DE')).toBe(german);
  });

  it('keeps what it does not recognise', () => {
    expect(localizedSize('family size', 'de-DE')).toBe('family size');
    expect(localizedSize('3 dozen', 'de-DE')).toBe('3 dozen');
  });
});
