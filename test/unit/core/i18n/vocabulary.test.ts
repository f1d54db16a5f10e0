import { describe, expect, it } from 'vitest';
import { CHOICE_IDS, choiceInWords, choiceOf, vocabularyFor } from '../../../../skill/core/i18n/vocabulary';
import { parseOrdinal } from '../../../../skill/core/conversation/numbers';
import { listedItems } from '../../../../skill/core/conversation/steps/several-items';
import { LOCALES } from '../../../../skill/core/turn';

describe('the core vocabulary', () => {
  it('has every choice with words in every locale, each word naming one choice only', () => {
    for (const locale of LOCALES) {
      const seen = new Map<string, string>();
      for (const id of CHOICE_IDS) {
        const words = vocabularyFor(locale).choices[id];
        expect(words.length, `${locale} ${id}`).toBeGreaterThan(0);
        for (const word of words) {
          expect(seen.get(word), `${locale} "${word}"`).toBeUndefined();
          seen.set(word, id);
          expect(word).toBe(word.toLowerCase());
        }
      }
    }
  });

  it('reads every choice word back as its own choice', () => {
    for (const locale of LOCALES) {
      for (const id of CHOICE_IDS) for (const word of vocabularyFor(locale).choices[id]) expect(choiceInWords(word, locale), word).toBe(id);
    }
  });

  it('takes the longest phrase: "the less expensive one" is cheaper, not pricier', () => {
    expect(choiceInWords('the less expensive one', 'en-US')).toBe('cheaper');
    expect(choiceInWords('the more expensive one', 'en-US')).toBe('pricier');
    expect(choiceInWords('the most popular one', 'en-US')).toBe('popular');
    expect(choiceInWords('the bigger one', 'en-US')).toBe('bigger');
    expect(choiceInWords('the smaller one please', 'en-US')).toBe('smaller');
    expect(choiceInWords('the other one', 'en-US')).toBe('other');
    expect(choiceInWords('die größere', 'de-DE')).toBe('bigger');
    expect(choiceInWords('den günstigeren bitte', 'de-DE')).toBe('cheaper');
    expect(choiceInWords('das andere', 'de-DE')).toBe('other');
  });

  it('hears a choice only when nothing but filler words is around it', () => {
    expect(choiceInWords('the big bag of chips', 'en-US')).toBeUndefined();
    expect(choiceInWords('small eggs', 'en-US')).toBeUndefined();
    expect(choiceInWords('expensive', 'en-US')).toBeUndefined();
  });

  it('reads a resolved id before the words said', () => {
    expect(choiceOf({ raw: 'the less expensive one', ids: ['cheaper'] }, 'en-US')).toBe('cheaper');
    // A recogniser's raw words may be anything; the id the model resolved decides.
    expect(choiceOf({ raw: 'whichever costs less', ids: ['cheaper'] }, 'en-US')).toBe('cheaper');
    expect(choiceOf({ raw: 'the bigger one', ids: ['milk-2'] }, 'en-US')).toBe('bigger');
    expect(choiceOf(undefined, 'en-US')).toBeUndefined();
  });

  it('gives positions the same words for "last" as the choice', () => {
    for (const locale of LOCALES) for (const word of vocabularyFor(locale).choices.last) expect(parseOrdinal(word, locale), word).toBe(-1);
    expect(parseOrdinal('the final one', 'en-US')).toBe(-1);
    expect(parseOrdinal('den letzten', 'de-DE')).toBe(-1);
  });

  it('joins a spoken list with every joining word of the locale, and commas', () => {
    for (const locale of LOCALES) {
      for (const joiner of vocabularyFor(locale).listJoiners) expect(listedItems(`eggs ${joiner} bread`, locale), joiner).toEqual(['eggs', 'bread']);
      expect(listedItems('eggs, bread', locale)).toEqual(['eggs', 'bread']);
    }
    // A joining word inside a word joins nothing ("Sandwich" holds "and").
    expect(listedItems('sandwich bread', 'en-US')).toBeUndefined();
  });

  it('lists the words that ask for more, among them what the German prompt suggests', () => {
    expect(vocabularyFor('de-DE').more).toContain('weitere');
    expect(vocabularyFor('en-US').more).toContain('more');
  });
});
