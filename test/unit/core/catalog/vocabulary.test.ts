import { describe, expect, it } from 'vitest';
import { Vocabulary, SIMILARITY, numberTails } from '../../../../skill/core/catalog/vocabulary';
import { stringListOf } from '../../../../skill/core/catalog/build/stored-lists';
import { buildDeletionIndex, buildVocabularyLookups, phoneticKeysOf } from '../../../../skill/core/catalog/build/vocabulary-builder';
import type { Locale } from '../../../../skill/core/turn';

function vocabularyOf(words: string[], locale: Locale): Vocabulary {
  const tokens = stringListOf(words);
  const phonetic = stringListOf(words.map((word) => phoneticKeysOf(word, locale)));
  return new Vocabulary(locale, tokens, phonetic, buildDeletionIndex(words), buildVocabularyLookups(locale, tokens, phonetic));
}

const english = vocabularyOf(['milk', 'mild', 'cheese', 'cheeses', 'parmesan', 'pepper', 'poppy', 'canned', 'and', 'yogurt', 'yoghurt', 'coffee'], 'en-US');
const readings = (vocabulary: Vocabulary, token: string) =>
  Object.fromEntries(vocabulary.expand(token).map(({ tokenId, similarity }) => [vocabulary.tokens.at(tokenId), similarity]));

describe('the ways a spoken word reaches catalog words', () => {
  it('puts the exact word first, then its plural and its synonyms', () => {
    const cheese = english.expand('cheese');
    expect(english.tokens.at(cheese[0]!.tokenId)).toBe('cheese');
    expect(cheese[0]!.similarity).toBe(1);
    expect(readings(english, 'cheese').cheeses).toBe(SIMILARITY.stem);
    expect(readings(english, 'yogurt').yoghurt).toBe(SIMILARITY.synonym);
  });

  it('reads a misheard word as the word it sounds like, best match first', () => {
    expect(english.tokens.at(english.expand('parmezan')[0]!.tokenId)).toBe('parmesan');
    expect(english.tokens.at(english.expand('coffea')[0]!.tokenId)).toBe('coffee');
    const peppa = readings(english, 'peppa');
    expect(peppa.pepper).toBeGreaterThan(peppa.poppy ?? 0);
  });

  it('does not read a word as a much shorter one', () => {
    const caned = readings(english, 'caned');
    expect(caned.canned).toBeGreaterThan(0.85);
    expect(caned.and).toBeUndefined();
  });

  it('trusts a word the catalog knows: no near spellings that do not sound alike', () => {
    expect(readings(english, 'milk')).toEqual({ milk: 1 });
  });

  it('finds German compounds from the word they end with', () => {
    const german = vocabularyOf(['vollmilch', 'milch', 'kaffee', 'roestkaffee'], 'de-DE');
    expect(readings(german, 'milch').vollmilch).toBe(SIMILARITY.compoundPart);
    expect(readings(german, 'filterkaffee').kaffee).toBe(SIMILARITY.compoundHead);
  });

  it('reads a number as the catalog numbers it is the tail of, below the number itself', () => {
    const numbers = vocabularyOf(['5', '55', '1.5', '2010', '505', 'milk'], 'en-US');
    expect(readings(numbers, '5')).toEqual({ 5: 1, 55: SIMILARITY.numberTail, '1.5': SIMILARITY.numberTail });
    expect(readings(numbers, '.5')).toEqual({ '1.5': SIMILARITY.numberTail });
    expect(readings(numbers, '010')).toEqual({ 2010: SIMILARITY.numberTail });
    // Only the first digit may be lost: "10" is not what is left of "2010".
    expect(readings(numbers, '10')).toEqual({});
  });

  it('limits how many readings it returns', () => {
    expect(english.expand('cheese', 1)).toHaveLength(1);
  });
});

describe('what is left of a number without its first digit', () => {
  it('drops the first digit, and the decimal point that then leads', () => {
    expect(numberTails('55')).toEqual(['5']);
    expect(numberTails('2010')).toEqual(['010']);
    expect(numberTails('1.5')).toEqual(['.5', '5']);
  });

  it('has nothing for one digit or for words', () => {
    expect(numberTails('5')).toEqual([]);
    expect(numberTails('milk')).toEqual([]);
    expect(numberTails('5x')).toEqual([]);
  });
});
