import { describe, expect, it } from 'vitest';
import { digitizeNumberWords, numberWordHeardAs, parseGermanNumberWord } from '../../../../skill/core/catalog/spoken-numbers';

const en = (text: string) => digitizeNumberWords(text.split(' '), 'en-US').join(' ');
const de = (text: string) => digitizeNumberWords(text.split(' '), 'de-DE').join(' ');

describe('English number words', () => {
  it('combines words arithmetically', () => {
    expect(en('one hundred twenty five count')).toBe('125 count');
    expect(en('two thousand and five')).toBe('2005');
    expect(en('twelve pack')).toBe('12 pack');
  });

  it('reads a run of single digits digit by digit', () => {
    expect(en('two zero zero nine')).toBe('2009');
  });

  it('starts a new number where a word cannot extend the last one', () => {
    expect(en('twenty twelve')).toBe('20 12');
  });

  it('makes decimals with point', () => {
    expect(en('one point five liter')).toBe('1.5 liter');
  });

  it('leaves other words untouched', () => {
    expect(en('one direction')).toBe('1 direction');
    expect(en('pointless and')).toBe('pointless and');
  });
});

describe('German number words', () => {
  it('parses compound number words', () => {
    expect(parseGermanNumberWord('einhundertfuenfundzwanzig')).toBe(125);
    expect(parseGermanNumberWord('dreiundzwanzig')).toBe(23);
    expect(parseGermanNumberWord('zweitausend')).toBe(2000);
    expect(parseGermanNumberWord('kaese')).toBeUndefined();
  });

  it('makes decimals with komma', () => {
    expect(de('eins komma fuenf prozent')).toBe('1.5 prozent');
  });
});

describe('misheard number words', () => {
  it('finds the number word a slip sounds like', () => {
    expect(numberWordHeardAs('threa', 'en-US')).toBe('three');
    expect(numberWordHeardAs('fowr', 'en-US')).toBe('four');
    expect(numberWordHeardAs('thirtie', 'en-US')).toBe('thirty');
    expect(numberWordHeardAs('zao', 'en-US')).toBe('zero');
    expect(numberWordHeardAs('ains', 'de-DE')).toBe('eins');
    expect(numberWordHeardAs('koma', 'de-DE')).toBe('komma');
  });

  it('finds nothing for words that do not sound like a number', () => {
    expect(numberWordHeardAs('bread', 'en-US')).toBeUndefined();
    expect(numberWordHeardAs('milch', 'de-DE')).toBeUndefined();
    expect(numberWordHeardAs('12', 'en-US')).toBeUndefined();
  });
});
