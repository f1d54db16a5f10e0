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
    expect(de('null komma fuenfundzwanzig kg')).toBe('0.25 kg');
  });

  it('reads a compound number word as a whole number, not part of its neighbour', () => {
    expect(de('einundvierzig einhundertfuenfzig g')).toBe('41 150 g');
    expect(de('drei zweihundert')).toBe('3 200');
    expect(de('zweihundert fuenf')).toBe('205');
    expect(de('fuenfundzwanzig tausend')).toBe('25000');
  });
});

describe('a decimal whose whole part was not heard', () => {
  it('keeps the point before the digits', () => {
    expect(de('komma fuenf prozent')).toBe('.5 prozent');
    expect(en('point five liter')).toBe('.5 liter');
  });

  it('leaves the decimal word alone when no number follows', () => {
    expect(de('komma milch')).toBe('komma milch');
    expect(en('point reyes')).toBe('point reyes');
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

  it('reads a German compound whose parts sound like number words', () => {
    expect(numberWordHeardAs('zweiundsibzig', 'de-DE')).toBe('72');
    expect(numberWordHeardAs('ainhundertfuenfzig', 'de-DE')).toBe('150');
    // Spelled right, the compound stays a word: it is read later together with its neighbours.
    expect(numberWordHeardAs('fuenfundzwanzig', 'de-DE')).toBe('fuenfundzwanzig');
    expect(numberWordHeardAs('zweiundsibzig', 'en-US')).toBeUndefined();
  });

  it('finds nothing for words that do not sound like a number', () => {
    expect(numberWordHeardAs('bread', 'en-US')).toBeUndefined();
    expect(numberWordHeardAs('milch', 'de-DE')).toBeUndefined();
    expect(numberWordHeardAs('12', 'en-US')).toBeUndefined();
  });
});
