import { describe, expect, it } from 'vitest';
import { englishPlural, englishSingular, otherNumberForms } from '../../../interaction-models/generator/inflection';

describe('English number forms', () => {
  it.each([
    ['avocado', 'avocados'], ['peach', 'peaches'], ['cherry', 'cherries'], ['box', 'boxes'], ['loaf', 'loaves'],
    ['tomato', 'tomatoes'], ['cookie', 'cookies'], ['day', 'days'], ['lawn mower', 'lawn mowers'],
  ])('pluralises %s as %s and back', (singular, plural) => {
    const last = (phrase: string) => phrase.split(' ').at(-1)!;
    expect(englishPlural(last(singular))).toBe(last(plural));
    expect(englishSingular(last(plural))).toBe(last(singular));
  });

  it('gives uncounted words, function words and words ending in a non-plural "s" no other number', () => {
    for (const word of ['milk', 'rice', 'hummus', 'swiss', 'and', 'free', 'three']) {
      expect(englishPlural(word), word).toBeUndefined();
      expect(englishSingular(word), word).toBeUndefined();
    }
  });

  it('changes only the last word of a phrase', () => {
    expect(otherNumberForms('hass avocados')).toEqual(['hass avocado']);
    expect(otherNumberForms('free range egg')).toEqual(['free range eggs']);
    expect(otherNumberForms('whole milk')).toEqual([]);
  });
});
