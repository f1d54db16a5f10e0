/** Die Wörter, auf die der Kern auf Deutsch hört (the words the core listens for in German; see vocabulary-types.ts). */
import type { Vocabulary } from '../vocabulary-types';

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
  // The metric measures shoppers buy by ("zwei Liter Milch").
  measures: [['liter', 'liter'], ['kilo', 'kilo'], ['gramm', 'gramm'], ['pfund', 'pfund']],
  // German samples name containers with fixed words (the unit macros), not a slot: see interaction-models/source/vocabulary.ts.
  containers: [],
  // "weitere" is what the German list prompt suggests ("oder weitere, um andere Angebote zu hören").
  more: ['mehr', 'weitere', 'weitere Angebote', 'andere Vorschläge'],
};
