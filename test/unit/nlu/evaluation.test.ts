/** The figures nlu:eval reports, on hand-made results: what counts as a recovered product word, and the confusions. */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../../lambda/nlu/evaluation';
import type { Understood } from '../../../lambda/nlu/understanding';

const understood = (intent: string, product?: string, exact = false): Understood => ({
  utterance: '',
  intent,
  slots: product === undefined ? {} : { product },
  score: 1,
  exact,
});

describe('evaluate', () => {
  it('scores product words as a token F1 over the labelled products: carriers cost precision, lost words recall', () => {
    const figures = evaluate(
      [
        { labels: { intent: 'AddToCartIntent', product: 'oat milk' }, understood: understood('AddToCartIntent', 'oat milk please') },
        { labels: { intent: 'AddToCartIntent', product: 'Peanut Butter' }, understood: understood('AddToCartIntent', 'butter') },
        { labels: { intent: 'ReadCartIntent' }, understood: understood('ReadCartIntent', undefined, true) },
      ],
      'en-US',
    );
    // Recovered 2 + 1 words; understood 3 + 1; labelled 2 + 2.
    expect(figures.product).toMatchObject({ precision: 0.75, recall: 0.75, exactlyRight: 0, total: 2 });
    expect(figures.product!.f1).toBeCloseTo(0.75);
    expect(figures.exact).toEqual({ count: 1, share: 1 / 3 });
  });

  it('counts accuracy per labelled intent and the confusion pairs, most frequent first', () => {
    const figures = evaluate(
      [
        { labels: { intent: 'ClearCartIntent' }, understood: understood('AddToCartIntent') },
        { labels: { intent: 'ClearCartIntent' }, understood: understood('AddToCartIntent') },
        { labels: { intent: 'FallbackIntent' }, understood: understood('SearchProductIntent') },
        { labels: { intent: 'YesIntent' }, understood: understood('YesIntent') },
        { labels: {}, understood: understood('NoIntent') },
      ],
      'en-US',
    );
    expect(figures.intent).toMatchObject({ accuracy: 0.25, correct: 1, total: 4 });
    expect(figures.intent!.perIntent.get('ClearCartIntent')).toEqual({ correct: 0, total: 2 });
    expect(figures.intent!.confusions).toEqual([
      { expected: 'ClearCartIntent', understood: 'AddToCartIntent', count: 2 },
      { expected: 'FallbackIntent', understood: 'SearchProductIntent', count: 1 },
    ]);
  });

  it('reports no intent or product figures for unlabelled lines', () => {
    const figures = evaluate([{ labels: {}, understood: understood('YesIntent') }], 'en-US');
    expect(figures.intent).toBeUndefined();
    expect(figures.product).toBeUndefined();
  });
});
