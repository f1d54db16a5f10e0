import { describe, expect, it } from 'vitest';
import { pointsBack, repairedWords, repairTurn } from '../../../../../skill/core/conversation/steps/repair';
import { turn } from '../../../../helpers/fakes';

describe('self-repair in a product request', () => {
  it.each([
    ['uh, um, oat milk', 'oat milk'],
    ['uh um oat milk', 'oat milk'],
    ['milk, no wait, oat milk', 'oat milk'],
    ['milk no wait oat milk', 'oat milk'],
    ['coffee i mean ground coffee', 'ground coffee'],
    ['bread, sorry, uh, bagels', 'bagels'],
    ['eggs, milk and bread', 'eggs, milk and bread'],
    ['oat milk', 'oat milk'],
    ['um', ''],
  ])('en-US "%s" means "%s"', (said, meant) => {
    expect(repairedWords(said, 'en-US')).toBe(meant);
  });

  it.each([
    ['Milch, nein, Hafermilch', 'Hafermilch'],
    ['äh ähm Hafermilch', 'Hafermilch'],
    ['Kaffee ich meine Espressobohnen', 'Espressobohnen'],
    ['Milch nein warte Hafermilch', 'Hafermilch'],
    ['Eier, Milch und Brot', 'Eier, Milch und Brot'],
  ])('de-DE "%s" means "%s"', (said, meant) => {
    expect(repairedWords(said, 'de-DE')).toBe(meant);
  });

  it('takes nothing back when the correction ends the request', () => {
    expect(repairedWords('oat milk no wait', 'en-US')).toBe('oat milk no wait');
  });

  it('takes nothing back when only a courtesy follows the correction', () => {
    expect(repairedWords('Milch, nein danke', 'de-DE')).toBe('Milch, nein danke');
    expect(repairedWords('oat milk, sorry, thanks', 'en-US')).toBe('oat milk, sorry, thanks');
    expect(repairedWords('Milch, nein, bitte Hafermilch', 'de-DE')).toBe('bitte Hafermilch');
  });

  it('hears "that" and "das" as pointing back, and a product name as naming one', () => {
    expect(pointsBack('that', 'en-US')).toBe(true);
    expect(pointsBack('uh, it', 'en-US')).toBe(true);
    expect(pointsBack('that one', 'en-US')).toBe(true);
    expect(pointsBack('oat milk', 'en-US')).toBe(false);
    expect(pointsBack('das', 'de-DE')).toBe(true);
    expect(pointsBack('Hafermilch', 'de-DE')).toBe(false);
    expect(pointsBack(undefined, 'en-US')).toBe(false);
  });

  it('repairs the product slot of a turn and drops ids resolved from words taken back', () => {
    const said = turn({ intent: 'AddToCartIntent', slots: { product: { raw: 'milk no wait oat milk', ids: ['milk-1'] }, quantity: { raw: '2' } } });
    const meant = repairTurn(said);
    expect(meant.slots.product).toEqual({ raw: 'oat milk' });
    expect(meant.slots.quantity).toEqual({ raw: '2' });
    const clean = turn({ intent: 'AddToCartIntent', slots: { product: { raw: 'oat milk', ids: ['milk-2'] } } });
    expect(repairTurn(clean)).toBe(clean);
    expect(repairTurn(turn({ intent: 'SearchProductIntent', slots: { product: { raw: 'um' } } })).slots.product).toBeUndefined();
  });
});
