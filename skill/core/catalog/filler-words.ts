/**
 * Words a shopper says around a product that name no product: articles, quantifiers, politeness, the verbs
 * of asking ("i need some bananas please"). Search gives them almost no weight, so "some bananas" finds
 * bananas rather than "Some Pulp Orange Juice", and a request made only of them is not answered. Kept to
 * words that are never the point of a product name; connectors that are ("with", "of", "and") stay ordinary
 * words. Tokens are folded (lower case, German umlauts as ae/oe/ue).
 */
import type { Locale } from '../turn';

const FILLERS: Record<Locale, ReadonlySet<string>> = {
  'en-US': new Set([
    'a', 'an', 'the', 'some', 'any', 'please', 'me', 'my', 'i', 'want', 'need', 'get', 'buy', 'order', 'add',
    'would', 'like', 'could', 'you', 'find', 'looking', 'for', 'us', 'our',
  ]),
  'de-DE': new Set([
    'der', 'die', 'das', 'den', 'dem', 'etwas', 'bitte', 'ich', 'mir', 'moechte', 'brauche', 'will', 'kaufe',
    'bestelle', 'haette', 'gern', 'gerne', 'suche', 'finde', 'fuer', 'uns',
  ]),
};

export function isFillerWord(token: string, locale: Locale): boolean {
  return FILLERS[locale].has(token);
}
