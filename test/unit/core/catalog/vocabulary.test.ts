import { describe, expect, it } from 'vitest';
import { DeletionIndex, Vocabulary, SIMILARITY } from '../../../../skill/core/catalog/vocabulary';
import type { Locale } from '../../../../skill/core/turn';

function vocabularyOf(words: string[], locale: Locale): Vocabulary {
  return new Vocabulary(locale, words, words.map((word) => Vocabulary.phoneticKeysOf(word, locale)), DeletionIndex.build(words));
}

const english = vocabularyOf(['milk', 'mild', 'cheese', 'cheeses', 'parmesan', 'pepper', 'poppy', 'canned', 'and', 'yogurt', 'yoghurt', 'coffee'], 'en-US');
const readings = (vocabulary: Vocabulary, token: string) =>
  Object.fromEntries(vocabulary.expand(token).map(({ tokenId, similarity }) => [vocabulary.tokens[tokenId]!, similarity]));

describe('the ways a spoken word reaches catalog words', () => {
  it('puts the exact word first, then its plural and its synonyms', () => {
    const cheese = english.expand('cheese');
    expect(english.tokens[cheese[0]!.tokenId]).toBe('cheese');
    expect(cheese[0]!.similarity).toBe(1);
    expect(readings(english, 'cheese').cheeses).toBe(SIMILARITY.stem);
    expect(readings(english, 'yogurt').yoghurt).toBe(SIMILARITY.synonym);
  });

  it('reads a misheard word as the word it sounds like, best match first', () => {
    expect(english.tokens[english.expand('parmezan')[0]!.tokenId]).toBe('parmesan');
    expect(english.tokens[english.expand('coffea')[0]!.tokenId]).toBe('coffee');
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

  it('limits how many readings it returns', () => {
    expect(english.expand('cheese', 1)).toHaveLength(1);
  });
});
