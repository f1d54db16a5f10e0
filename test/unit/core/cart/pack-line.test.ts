import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packLineWords } from '../../../../skill/core/cart/pack-line';
import type { Product } from '../../../../skill/core/catalog/product';
import { messagesFor } from '../../../../skill/core/i18n/messages';

const demo: Product[] = JSON.parse(readFileSync(fileURLToPath(new URL('../../../../skill/data/demo-catalog.json', import.meta.url)), 'utf8'));
const byId = (id: string) => demo.find((product) => product.id === id)!;
const brownEggs = byId('p036'); // 12 count, $4.29
const wholeMilk = byId('p012'); // 1 gallon, $4.29
const en = messagesFor('en-US');
const de = messagesFor('de-DE');

describe('packLineWords', () => {
  it('describes a product sold by count by its pieces, with the line total, not the unit price', () => {
    expect(packLineWords(brownEggs, 3, 'en-US', 30)).toEqual({ packs: 3, name: 'Large Brown Eggs', unitsPerPack: 12, unitsAsked: 30, total: '$12.87' });
  });

  it('describes other products by their size in the shopper\'s locale', () => {
    expect(packLineWords(wholeMilk, 2, 'en-US')).toEqual({ packs: 2, name: 'Whole Milk', size: '1 gallon', total: '$8.58' });
    expect(packLineWords(wholeMilk, 2, 'de-DE')).toEqual({ packs: 2, name: 'Vollmilch', size: '3,8 Liter', total: '8,58 €' });
  });

  it('says no price it could not charge', () => {
    expect(packLineWords({ ...wholeMilk, priceCents: 4.5 }, 1, 'en-US')).not.toHaveProperty('total');
  });
});

describe('addedPacks and cartLineWithPacks, en-US', () => {
  it('"six eggs": one pack of twelve, says what was asked and the price', () => {
    expect(en.addedPacks(packLineWords(brownEggs, 1, 'en-US', 6), 3)).toBe(
      'Added one pack of 12 Large Brown Eggs (you asked for 6) to your cart, for $4.29. You now have 3 items. Anything else?',
    );
  });

  it('several packs say the pieces in all; the asked number only when it differs', () => {
    expect(en.addedPacks(packLineWords(brownEggs, 2, 'en-US', 24), 1)).toBe(
      'Added 2 packs of 12 Large Brown Eggs (24 in all) to your cart, for $8.58. You now have 1 item. Anything else?',
    );
    expect(en.cartLineWithPacks(packLineWords(brownEggs, 3, 'en-US', 30))).toBe('3 packs of 12 Large Brown Eggs (36 in all, you asked for 30), $12.87');
    expect(en.cartLineWithPacks(packLineWords(brownEggs, 3, 'en-US'))).toBe('3 packs of 12 Large Brown Eggs (36 in all), $12.87');
  });

  it('products not sold by count: size per pack and the line total', () => {
    expect(en.cartLineWithPacks(packLineWords(wholeMilk, 1, 'en-US'))).toBe('Whole Milk (1 gallon), $4.29');
    expect(en.cartLineWithPacks(packLineWords(wholeMilk, 2, 'en-US'))).toBe('2 Whole Milk (1 gallon each), $8.58');
    expect(en.addedPacks(packLineWords(wholeMilk, 2, 'en-US'), 2)).toBe('Added 2 Whole Milk (1 gallon each) to your cart, for $8.58. You now have 2 items. Anything else?');
  });
});

describe('addedPacks and cartLineWithPacks, de-DE', () => {
  it('a list read back in German starts with a capital even when its first line is "eine Packung …"', () => {
    expect(de.addedSeveral(de.cartLineWithPacks(packLineWords(brownEggs, 1, 'de-DE')), undefined, 1, false)).toMatch(/^Eine Packung Braune Eier/);
  });

  it('"sechs Eier": eine Packung, in the singular', () => {
    expect(de.addedPacks(packLineWords(brownEggs, 1, 'de-DE', 6), 3)).toBe(
      'Ich habe eine Packung Braune Eier Größe L mit 12 Stück (du wolltest 6) für 4,29 € in den Warenkorb gelegt. Du hast jetzt 3 Artikel. Noch etwas?',
    );
  });

  it('zwei Packungen, in the plural, "mit je"', () => {
    expect(de.addedPacks(packLineWords(brownEggs, 2, 'de-DE'), 2)).toBe(
      'Ich habe 2 Packungen Braune Eier Größe L mit je 12 Stück (insgesamt 24) für 8,58 € in den Warenkorb gelegt. Du hast jetzt 2 Artikel. Noch etwas?',
    );
    expect(de.cartLineWithPacks(packLineWords(brownEggs, 3, 'de-DE', 30))).toBe('3 Packungen Braune Eier Größe L mit je 12 Stück (insgesamt 36, du wolltest 30), 12,87 €');
    expect(de.cartLineWithPacks(packLineWords(brownEggs, 1, 'de-DE'))).toBe('eine Packung Braune Eier Größe L mit 12 Stück, 4,29 €');
  });

  it('products not sold by count: "2 mal … (je …)"', () => {
    expect(de.cartLineWithPacks(packLineWords(wholeMilk, 2, 'de-DE'))).toBe('2 mal Vollmilch (je 3,8 Liter), 8,58 €');
    expect(de.addedPacks(packLineWords(wholeMilk, 1, 'de-DE'), 1)).toBe('Ich habe Vollmilch (3,8 Liter) für 4,29 € in den Warenkorb gelegt. Du hast jetzt 1 Artikel. Noch etwas?');
  });
});
