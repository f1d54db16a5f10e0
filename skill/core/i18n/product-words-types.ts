/**
 * The shape of the everyday product words of a locale (i18n/<locale>/product-words.ts): the words shoppers use for
 * what the shelf label calls something else. How search reads each kind is catalog/synonyms.ts's; the words live
 * here, one file per locale, beside the locale's other vocabulary. Tokens are folded (lower case, German umlauts as
 * ae/oe/ue, ß as ss).
 */
export interface ProductWords {
  /** The same word written or said another way ("yoghurt", "yogurt"); each finds the others. */
  spellings: readonly (readonly string[])[];
  /**
   * A word a shopper says → the words a label uses for it, one way only: a broad word finds its kinds ("sausage" →
   * frankfurter), a brand used for the thing finds the thing ("coke" → cola), a short form finds the long one.
   */
  everyday: Readonly<Record<string, readonly string[]>>;
  /**
   * Several spoken words for one thing → the catalog words they stand for: one target word, or as many as the
   * phrase has, word for word ("minced beef" → "ground beef").
   */
  phrases: readonly (readonly [spoken: string, catalog: string])[];
}
