import { describe, expect, it } from 'vitest';
import { ModelError } from '../../../interaction-models/generator/errors';
import { expandAll, expandTemplate } from '../../../interaction-models/generator/template';

describe('expandTemplate', () => {
  it('expands alternatives, optional groups and macros, keeping slot references', () => {
    const phrases = expandTemplate('put [some] {product} (on|in) <cart>', { cart: 'my (list|cart)' });
    expect(phrases).toEqual([
      'put {product} on my list',
      'put {product} on my cart',
      'put {product} in my list',
      'put {product} in my cart',
      'put some {product} on my list',
      'put some {product} on my cart',
      'put some {product} in my list',
      'put some {product} in my cart',
    ]);
  });

  it('nests groups and collapses the spaces an empty option leaves', () => {
    expect(expandTemplate('was (ist [noch] (im|in meinem) Korb)')).toEqual([
      'was ist im Korb',
      'was ist in meinem Korb',
      'was ist noch im Korb',
      'was ist noch in meinem Korb',
    ]);
  });

  it('drops duplicates regardless of case', () => {
    expect(expandAll(['add {product}', 'Add {product}', '(add|Add) {product}'])).toEqual(['add {product}']);
  });

  it.each([
    ['put (some {product}', 'Missing ")"'],
    ['put some) {product}', 'Unexpected ")"'],
    ['add <nowhere>', 'Unknown macro <nowhere>'],
    ['add {product', 'Missing "}"'],
  ])('rejects the malformed template %s', (template, message) => {
    expect(() => expandTemplate(template)).toThrow(ModelError);
    expect(() => expandTemplate(template)).toThrow(message);
  });

  it('rejects a macro that refers to itself instead of looping', () => {
    expect(() => expandTemplate('<a>', { a: 'x <a>' })).toThrow('refers to itself');
  });

  it('stops a template that explodes combinatorially', () => {
    const huge = '(a|b|c|d|e|f|g|h|i|j) '.repeat(4);
    expect(() => expandTemplate(huge)).toThrow('more than 2000');
  });
});
