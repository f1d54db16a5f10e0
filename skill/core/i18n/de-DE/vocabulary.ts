/** Die Wörter, auf die der Kern auf Deutsch hört (the words the core listens for in German; see vocabulary-types.ts). */
import type { PackUnit, Vocabulary, WordForms } from '../vocabulary-types';

/** Maßwörter, gesprochen und geschrieben (measure words and the unit a size is written in: "zwei Liter" → "2 Liter"). */
const MEASURE_UNITS = {
  liter: 'Liter', l: 'Liter', milliliter: 'ml', ml: 'ml', gramm: 'g', g: 'g', kilogramm: 'kg', kilo: 'kg', kg: 'kg',
  pfund: 'Pfund',
} as const;

/** Packungswörter (pack words and the pack each counts). */
const PACK_UNITS = {
  flasche: 'bottle', flaschen: 'bottle', dose: 'can', dosen: 'can', büchse: 'can',
  schachtel: 'box', schachteln: 'box', karton: 'carton', kartons: 'carton', beutel: 'bag', tüte: 'bag',
  tüten: 'bag', glas: 'jar', gläser: 'jar', packung: 'pack', packungen: 'pack', pack: 'pack', packs: 'pack',
  päckchen: 'pack', laib: 'loaf', laibe: 'loaf', bund: 'bunch', stück: 'piece', dutzend: 'dozen',
} as const satisfies Record<string, PackUnit>;

// The metric measures shoppers buy by ("zwei Liter Milch"), drawn from the words above.
const measures: readonly WordForms<keyof typeof MEASURE_UNITS>[] = [['liter', 'liter'], ['kilo', 'kilo'], ['gramm', 'gramm'], ['pfund', 'pfund']];

export const deDEVocabulary: Vocabulary = {
  // Adjectives inflect with the article and case the shopper chose ("die günstigere", "den günstigeren"), so each
  // form is listed: recognisers write what was said, and entity resolution matches whole values only.
  choices: {
    cheaper: ['günstigere', 'günstigeren', 'günstigeres', 'günstiger', 'günstigste', 'günstigsten', 'billigere',
      'billigeren', 'billigeres', 'billiger', 'billigste', 'billigsten', 'preiswertere', 'preiswerteren'],
    pricier: ['teurere', 'teureren', 'teureres', 'teurer', 'teuerste', 'teuersten'],
    bigger: ['größere', 'größeren', 'größeres', 'größer', 'größte', 'größten', 'große', 'großen'],
    smaller: ['kleinere', 'kleineren', 'kleineres', 'kleiner', 'kleinste', 'kleinsten', 'kleine', 'kleinen'],
    first: ['erste', 'ersten', 'erstes'],
    last: ['letzte', 'letzten', 'letztes'],
    other: ['andere', 'anderen', 'anderes'],
    popular: ['beliebteste', 'beliebtesten', 'meistverkaufte', 'beliebte'],
  },
  choiceFillers: ['der', 'die', 'das', 'den', 'dem', 'bitte', 'davon', 'eine', 'einen', 'ein'],
  narrowing: ['bio'],
  listJoiners: ['und', 'sowie'],
  measureUnits: MEASURE_UNITS,
  measures,
  packUnits: PACK_UNITS,
  // German samples name containers with fixed words (the unit macros), not a slot: see interaction-models/source/vocabulary.ts.
  containers: [],
  // "weitere" is what the German list prompt suggests ("oder weitere, um andere Angebote zu hören").
  more: ['mehr', 'weitere', 'weitere Angebote', 'andere Vorschläge'],
};
