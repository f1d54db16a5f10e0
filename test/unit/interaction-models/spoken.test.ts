import { describe, expect, it } from 'vitest';
import { headPhrases } from '../../../interaction-models/generator/product-values';
import { numberToWords, spokenVariants, toSpoken } from '../../../interaction-models/generator/spoken';

describe('toSpoken', () => {
  it.each([
    ['2% Reduced Fat Milk', 'en-US', 'two percent reduced fat milk'],
    ['Dark Chocolate 70% Cocoa', 'en-US', 'dark chocolate seventy percent cocoa'],
    ['Kettle & Crane', 'en-US', 'kettle and crane'],
    ['Maison Lumière No. 5 Eau de Parfum', 'en-US', 'maison lumière number five eau de parfum'],
    ['Pure Vanilla Extract 5.3 oz', 'en-US', 'pure vanilla extract five point three oz'],
    ['Fettarme Milch 1,5 %', 'de-DE', 'fettarme milch eins komma fünf prozent'],
    ['Weizenmehl Type 405', 'de-DE', 'weizenmehl type vierhundertfünf'],
    ['Bio-Vollmilch', 'de-DE', 'bio vollmilch'],
  ] as const)('%s (%s) → %s', (written, locale, spoken) => {
    expect(toSpoken(written, locale)).toBe(spoken);
  });

  it('leaves only letters, spaces and apostrophes', () => {
    expect(toSpoken("Trader's (Best) Chips!", 'en-US')).toBe("trader's best chips");
  });
});

describe('numberToWords', () => {
  it.each([
    [0, 'en-US', 'zero'],
    [21, 'en-US', 'twenty one'],
    [115, 'en-US', 'one hundred fifteen'],
    [1234, 'en-US', 'one thousand two hundred thirty four'],
    [21, 'de-DE', 'einundzwanzig'],
    [101, 'de-DE', 'einhunderteins'],
    [1999, 'de-DE', 'eintausendneunhundertneunundneunzig'],
  ] as const)('%d (%s) → %s', (value, locale, words) => {
    expect(numberToWords(value, locale)).toBe(words);
  });
});

describe('spokenVariants', () => {
  it('puts the accent-folded form first for English recognisers', () => {
    expect(spokenVariants('Caffè Vellano', 'en-US')).toEqual(['caffe vellano', 'caffè vellano']);
  });

  it('keeps German umlauts but folds other accents', () => {
    expect(spokenVariants('Rosé Sekt', 'de-DE')).toEqual(['rose sekt', 'rosé sekt']);
    expect(spokenVariants('Röstkaffee', 'de-DE')).toEqual(['röstkaffee']);
  });
});

describe('headPhrases', () => {
  it('finds the short name up to the category noun', () => {
    expect(headPhrases('oat milk barista edition', 'milk', 'en-US')).toEqual(['oat milk']);
  });

  it('accepts a German compound that ends in the category noun', () => {
    expect(headPhrases('röstkaffee gemahlen mittlere röstung', 'kaffee', 'de-DE')).toEqual(['röstkaffee']);
  });

  it('never yields the bare category word, which belongs to the category', () => {
    expect(headPhrases('coffee pods colombian', 'coffee', 'en-US')).toEqual([]);
    expect(headPhrases('toilet paper ultra soft', 'toilet paper', 'en-US')).toEqual([]);
  });
});
