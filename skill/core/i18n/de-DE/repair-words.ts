/** Wie eine deutsche Kundin zögert, sich verbessert und zurückverweist ("pack das dazu"). */
import type { RepairWords } from '../repair-word-types';

export const deDERepairWords: RepairWords = {
  hesitations: ['äh', 'ähm', 'öh', 'öhm', 'hm', 'hmm', 'em', 'ehm'],
  // "nein" alone is a correction only inside a request ("Milch, nein, Hafermilch"); a bare "nein" is the No intent.
  corrections: ['nein', 'nee', 'nein warte', 'warte', 'ich meine', 'ich mein', 'ich meinte', 'nein ich meine', 'besser gesagt', 'oder besser', 'quatsch', 'sorry', 'äh nein'],
  courtesies: ['danke', 'bitte', 'schön', 'sehr'],
  pointers: ['es', 'das', 'ihn', 'sie', 'die', 'den', 'das da', 'den da', 'die da', 'dies', 'diese', 'dieses', 'diesen'],
};
