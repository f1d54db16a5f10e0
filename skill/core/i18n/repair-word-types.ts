/**
 * The shape of the words a shopper uses to repair what they said: one object of this type per locale
 * (i18n/<locale>/repair-words.ts). The core reads them to clean a product request; the interaction-model
 * generator imports the same lists, so the models hear exactly the words the core understands.
 */
export interface RepairWords {
  /** Filler sounds said while thinking ("uh", "um"): never part of a product name. */
  hesitations: readonly string[];
  /** Phrases that take back what came before them ("no wait", "I mean"): the words after them win. */
  corrections: readonly string[];
  /**
   * Courtesies said after a request ("thanks", "danke"): words after a correction that are only these take nothing
   * back, so "Milch, nein danke" is not a request for "danke".
   */
  courtesies: readonly string[];
  /** Words that point back at the product just talked about ("it", "that") instead of naming one. */
  pointers: readonly string[];
}
