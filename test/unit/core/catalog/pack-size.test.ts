import { describe, expect, it } from 'vitest';
import { chooseBySize, packsFor, parsePackSize, piecesPerPack, sameSize } from '../../../../skill/core/catalog/pack-size';

describe('pack sizes', () => {
  it.each([
    ['12 oz', { amount: 12, unit: 'oz' }],
    ['64 fl oz', { amount: 64, unit: 'oz' }],
    ['half gallon', { amount: 0.5, unit: 'gallon' }],
    ['1,5 Liter', { amount: 1500, unit: 'ml' }],
    ['2 kg', { amount: 2000, unit: 'g' }],
    ['24 count', { amount: 24, unit: 'count' }],
  ])('reads "%s"', (text, size) => {
    expect(parsePackSize(text)).toEqual(size);
  });

  it('reads nothing it cannot compare', () => {
    expect(parsePackSize('6 pack cans')).toBeUndefined();
    expect(parsePackSize('family size')).toBeUndefined();
    expect(parsePackSize(undefined)).toBeUndefined();
  });

  it('matches a size said to the same size labelled, across spellings', () => {
    expect(sameSize('12 oz', '12 fl oz')).toBe(true);
    expect(sameSize('1 Liter', '1000 ml')).toBe(true);
    expect(sameSize('1 gallon', 'half gallon')).toBe(false);
  });

  it('counts the whole packs that make a size, and nothing when they do not', () => {
    expect(packsFor('2 lb', '1 lb')).toBe(2);
    expect(packsFor('1 gallon', 'half gallon')).toBe(2);
    expect(packsFor('24 count', '12 count')).toBe(2);
    expect(packsFor('1 kg', '500 g')).toBe(2);
    expect(packsFor('1 lb', '2 lb')).toBeUndefined();
    expect(packsFor('30 count', '12 count')).toBeUndefined();
    expect(packsFor('2 lb', '16 oz')).toBeUndefined();
  });

  it('chooses the size said over one that only adds up to it, and nothing when no size was said', () => {
    const half = { id: 'half', size: 'half gallon' };
    const whole = { id: 'whole', size: '1 gallon' };
    expect(chooseBySize([half, whole], '1 gallon')).toBe(whole);
    expect(chooseBySize([half], '1 gallon')).toBe(half);
    expect(chooseBySize([half, whole], '3 lb')).toBeUndefined();
    expect(chooseBySize([half, whole], undefined)).toBeUndefined();
  });

  it('knows the pieces in a pack sold as a count of several, and nothing for one piece or a measure', () => {
    expect(piecesPerPack('12 count')).toBe(12);
    expect(piecesPerPack('18 ct')).toBe(18);
    expect(piecesPerPack('6 each')).toBe(6);
    expect(piecesPerPack('1 each')).toBeUndefined();
    expect(piecesPerPack('2 lb')).toBeUndefined();
    expect(piecesPerPack('24 rolls')).toBeUndefined();
    expect(piecesPerPack('1.5 count')).toBeUndefined();
    expect(piecesPerPack(undefined)).toBeUndefined();
  });
});
