import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseProductsJson } from '../../../../../skill/core/catalog/catalog-loader';
import { buildVoiceCatalog } from '../../../../../skill/core/catalog/build/catalog-builder';
import { listedItems, productNamesIn } from '../../../../../skill/core/conversation/steps/several-items';
import type { Locale } from '../../../../../skill/core/turn';

const catalog = buildVoiceCatalog(parseProductsJson(readFileSync(new URL('../../../../../skill/data/demo-catalog.json', import.meta.url), 'utf8')));
const searchIn = (locale: Locale) => (query: string) => catalog.search(query, { locale, limit: 5 });
const names = (said: string, locale: Locale) => (listedItems(said, locale) ?? [said]).flatMap((part) => productNamesIn(part, locale, searchIn(locale)));

describe('a spoken list as a recogniser writes it (no commas)', () => {
  it.each([
    ['eggs milk and bread', 'en-US', ['eggs', 'milk', 'bread']],
    ['eggs milk bread', 'en-US', ['eggs', 'milk', 'bread']],
    ['two bananas peanut butter and coffee', 'en-US', ['two bananas', 'peanut butter', 'coffee']],
    ['eier milch und brot', 'de-DE', ['eier', 'milch', 'brot']],
  ] as const)('"%s" (%s) is cut where one product name ends', (said, locale, expected) => {
    expect(names(said, locale)).toEqual(expected);
  });

  it.each([
    ['peanut butter', 'en-US'],
    ['whole wheat bread', 'en-US'],
    ['salt and vinegar chips', 'en-US'],
    ['Rinderhackfleisch mager', 'de-DE'],
  ] as const)('keeps "%s" (%s), one product name, whole', (said, locale) => {
    expect(productNamesIn(said, locale, searchIn(locale))).toEqual([said]);
  });
});
