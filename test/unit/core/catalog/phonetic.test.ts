import { describe, expect, it } from 'vitest';
import { phoneticKeys, soundSpelling } from '../../../../skill/core/catalog/phonetic';

const shareKey = (a: string, b: string, locale: 'en-US' | 'de-DE') => {
  const keys = new Set(phoneticKeys(a, locale));
  return phoneticKeys(b, locale).some((key) => keys.has(key));
};

describe('sound-alike keys', () => {
  it('gives misheard spellings a key of the word they stand for', () => {
    expect(shareKey('parmezan', 'parmesan', 'en-US')).toBe(true);
    expect(shareKey('follkorn', 'vollkorn', 'de-DE')).toBe(true);
  });

  it('keeps different words apart', () => {
    expect(shareKey('milk', 'bread', 'en-US')).toBe(false);
    expect(shareKey('milch', 'brot', 'de-DE')).toBe(false);
  });

  it('has no key for numbers or single letters', () => {
    expect(phoneticKeys('2032', 'en-US')).toEqual([]);
    expect(phoneticKeys('x', 'en-US')).toEqual([]);
  });
});

describe('sound spelling', () => {
  it('spells alike what sounds alike, vowels included', () => {
    for (const [heard, written] of [
      ['coffea', 'coffee'],
      ['kheese', 'cheese'],
      ['dinna', 'dinner'],
      ['zauce', 'sauce'],
      ['vanila', 'vanilla'],
      ['loshun', 'lotion'],
      ['honeie', 'honey'],
    ]) {
      expect(soundSpelling(heard!, 'en-US'), `${heard} / ${written}`).toBe(soundSpelling(written!, 'en-US'));
    }
    expect(soundSpelling('gebeck', 'de-DE')).toBe(soundSpelling('gebaeck', 'de-DE'));
    expect(soundSpelling('follkorn', 'de-DE')).toBe(soundSpelling('vollkorn', 'de-DE'));
  });

  it('keeps the vowels that tell words apart, where the sound codes do not', () => {
    expect(soundSpelling('diana', 'en-US')).not.toBe(soundSpelling('dinner', 'en-US'));
    expect(soundSpelling('milk', 'en-US')).not.toBe(soundSpelling('malk', 'en-US'));
  });
});
