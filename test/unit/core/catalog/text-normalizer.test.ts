import { describe, expect, it } from 'vitest';
import { foldCharacters, normalizeTokens, stemToken, unitAliases } from '../../../../skill/core/catalog/text-normalizer';

describe('folding characters', () => {
  it('spells German umlauts and ß the way keyboards without them do', () => {
    expect(foldCharacters('Müsli Käse Öl Straße', 'de-DE')).toBe('muesli kaese oel strasse');
  });

  it('drops accents in English names without inventing an e', () => {
    expect(foldCharacters('Crème Brûlée Jalapeño', 'en-US')).toBe('creme brulee jalapeno');
  });

  it('spells letters without a separable accent the way keyboards without them do', () => {
    expect(foldCharacters('Smørrebrød Œuf Łosoś', 'de-DE')).toBe('smorrebrod oeuf losos');
  });
});

describe('normalising a name or a request', () => {
  it('gives a written name and its spoken form the same tokens', () => {
    expect(normalizeTokens('2% Reduced Fat Milk', 'en-US')).toEqual(normalizeTokens('two percent reduced fat milk', 'en-US'));
    expect(normalizeTokens('Milch 1,5% Fett', 'de-DE')).toEqual(normalizeTokens('milch eins komma fünf prozent fett', 'de-DE'));
  });

  it('splits digits from letters and spells a unit after a number one way', () => {
    expect(normalizeTokens('Water 12oz', 'en-US')).toEqual(['water', '12', 'oz']);
    expect(normalizeTokens('one gallon of milk', 'en-US')).toEqual(['1', 'gal', 'of', 'milk']);
  });

  it('spells a unit after a decimal whose whole part was not heard', () => {
    expect(normalizeTokens('komma fünf prozent', 'de-DE')).toEqual(['.5', 'pct']);
  });

  it('keeps a unit word that follows no number, so a misheard spelling can still find it', () => {
    expect(normalizeTokens('Gallon Freezer Bags', 'en-US')).toEqual(['gallon', 'freezer', 'bags']);
  });

  it('joins apostrophes and speaks symbols', () => {
    expect(normalizeTokens("Kid's Mac & Cheese", 'en-US')).toEqual(['kids', 'mac', 'and', 'cheese']);
    expect(normalizeTokens('Gut & Günstig', 'de-DE')).toEqual(['gut', 'und', 'guenstig']);
  });

  it('reads a misheard number word as the number when the catalog does not know the word', () => {
    const known = new Set(['watch', 'batteries']);
    const isKnown = (token: string) => known.has(token);
    expect(normalizeTokens('watch two zero threa two batteries', 'en-US', isKnown)).toEqual(['watch', '2032', 'batteries']);
    expect(normalizeTokens('milch null koma ains prozent', 'de-DE', () => false)).toEqual(['milch', '0.1', 'pct']);
  });

  it('leaves a known word alone even if it sounds like a number', () => {
    expect(normalizeTokens('threa', 'en-US', (token) => token === 'threa')).toEqual(['threa']);
    expect(normalizeTokens('threa', 'en-US')).toEqual(['threa']);
  });

  it('keeps words written in other scripts', () => {
    expect(normalizeTokens('Süssstoff flüssig - Течен подсладител', 'de-DE')).toEqual(['suessstoff', 'fluessig', 'течен', 'подсладител']);
    expect(normalizeTokens('Вода 500мл', 'de-DE')).toEqual(['вода', '500', 'мл']);
  });

  it('reads an unknown word after a number as the unit it sounds like', () => {
    const known = new Set(['reduced', 'fat', 'milk']);
    const isKnown = (token: string) => known.has(token);
    expect(normalizeTokens('two pacent reduced fat milk', 'en-US', isKnown)).toEqual(['2', 'pct', 'reduced', 'fat', 'milk']);
    expect(normalizeTokens('zwei lieter', 'de-DE', () => false)).toEqual(['2', 'l']);
    // Not after a number, or a word the catalog knows: left as it is.
    expect(normalizeTokens('pacent milk', 'en-US', isKnown)).toEqual(['pacent', 'milk']);
    expect(normalizeTokens('two pacent', 'en-US', (token) => token === 'pacent')).toEqual(['2', 'pacent']);
  });

  it('returns no tokens for punctuation only', () => {
    expect(normalizeTokens(' - , ! ', 'en-US')).toEqual([]);
  });
});

describe('stems and unit aliases', () => {
  it('meets singular and plural', () => {
    expect(stemToken('cherries', 'en-US')).toBe(stemToken('cherry', 'en-US'));
    expect(stemToken('tomatoes', 'en-US')).toBe(stemToken('tomato', 'en-US'));
    expect(stemToken('tomaten', 'de-DE')).toBe(stemToken('tomate', 'de-DE'));
  });

  it('does not stem numbers or short words', () => {
    expect(stemToken('12s', 'en-US')).toBe('12s');
    expect(stemToken('gas', 'en-US')).toBe('gas');
  });

  it('lists the other spellings of a unit, and none for other words', () => {
    expect(unitAliases('gallon', 'en-US')).toEqual(expect.arrayContaining(['gal', 'gallons']));
    expect(unitAliases('milk', 'en-US')).toEqual([]);
  });
});
