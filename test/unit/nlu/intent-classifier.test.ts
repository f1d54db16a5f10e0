/** Which model phrases the classifier trains on: all words of every intent, without the repetitions. */
import { describe, expect, it } from 'vitest';
import { trainingSelection } from '../../../lambda/nlu/intent-classifier';

describe('trainingSelection', () => {
  it('drops duplicates and keeps every phrase that brings a new word pair, however many there are', () => {
    const phrases = [
      { intent: 'A', text: 'add xproduct' },
      { intent: 'A', text: 'add xproduct' },
      { intent: 'B', text: 'add xproduct' },
      ...Array.from({ length: 700 }, (_, at) => ({ intent: 'C', text: `word${at} list` })),
    ];
    const selected = trainingSelection(phrases);
    expect(selected.filter((phrase) => phrase.intent === 'A')).toEqual([{ intent: 'A', text: 'add xproduct' }]);
    expect(selected.filter((phrase) => phrase.intent === 'B')).toHaveLength(1);
    expect(selected.filter((phrase) => phrase.intent === 'C')).toHaveLength(700);
  });

  it('keeps an even spread of the phrases that only repeat known word pairs, up to 600 per intent', () => {
    // "yes no yes no …" of every length up to 2000: after the first few, no phrase brings a new word pair.
    const phrases = Array.from({ length: 2000 }, (_, at) => ({
      intent: 'A',
      text: Array.from({ length: at + 1 }, (_, word) => (word % 2 === 0 ? 'yes' : 'no')).join(' '),
    }));
    const selected = trainingSelection(phrases);
    expect(selected).toHaveLength(600);
    expect(selected[0]).toEqual(phrases[0]);
    // An even spread reaches the end of the list, not only its start.
    expect(selected.at(-1)!.text.split(' ').length).toBeGreaterThan(1900);
  });
});
