/**
 * The shape of the words the core listens for, one object of this type per locale (i18n/<locale>/vocabulary.ts):
 * the type checker lists whatever a locale is missing. The interaction models are generated from the same
 * objects, so a word the models accept is a word the core understands.
 */

/** What a choice among the results read out means; the ids are what the models resolve a choice word to. */
export const CHOICE_IDS = ['cheaper', 'pricier', 'bigger', 'smaller', 'first', 'last', 'other', 'popular'] as const;
export type ChoiceId = (typeof CHOICE_IDS)[number];

/** A word in its singular and plural ("gallon", "gallons"); `Word` narrows them to a locale's known words. */
export type WordForms<Word extends string = string> = readonly [singular: Word, plural: Word];

/** The packs a pack word counts ("two bottles", "sechs Stück"). */
export type PackUnit = 'bottle' | 'can' | 'box' | 'bag' | 'jar' | 'pack' | 'carton' | 'loaf' | 'bunch' | 'piece' | 'dozen';

export interface Vocabulary {
  /**
   * Words that pick one of the results just read out ("the cheaper one", "die günstigere"), by meaning. The first
   * word of each list is the value the models show; the others are its synonyms. Lower case, as recognisers write.
   */
  choices: Readonly<Record<ChoiceId, readonly string[]>>;
  /** Words around a choice word that name nothing more ("the … one", "die … bitte"). */
  choiceFillers: readonly string[];
  /** Words that narrow a request ("organic bananas"); when nothing matches with one, the plain product is offered. */
  narrowing: readonly string[];
  /** Words that join the items of a spoken list ("eggs, milk and bread"); commas join in every locale. */
  listJoiners: readonly string[];
  /**
   * Every measure word the core reads, spoken or written ("pound", "pounds", "lbs", "litre", "kg"), with the unit a
   * pack size said with it is written in ("lb", "liter"): the product-request parser's one list of measures.
   */
  measureUnits: Readonly<Record<string, string>>;
  /** The measures the models offer, with their amount ("two pounds"): each form is one of measureUnits' words. */
  measures: readonly WordForms[];
  /**
   * Every word that counts packs, with the pack it counts ("cartons" → carton, "Stück" → piece): the
   * product-request parser's one list of pack words.
   */
  packUnits: Readonly<Record<string, PackUnit>>;
  /** Containers the models offer, counted by the pack ("six cartons"): each form is one of packUnits' words. */
  containers: readonly WordForms[];
  /** What asks for the next results on its own ("more", "weitere"): the prompts suggest these words. */
  more: readonly string[];
}
