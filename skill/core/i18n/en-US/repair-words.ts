/** How an American shopper hesitates, corrects themselves and points back ("add that"). */
import type { RepairWords } from '../repair-word-types';

export const enUSRepairWords: RepairWords = {
  hesitations: ['uh', 'uhm', 'um', 'umm', 'er', 'erm', 'hmm', 'hm', 'ah'],
  // Matched as whole words anywhere in a request: the words after the last one said are what the shopper wants.
  corrections: ['no wait', 'wait no', 'no sorry', 'sorry', 'i mean', 'no i mean', 'i meant', 'or rather', 'actually', 'scratch that'],
  courtesies: ['thanks', 'thank', 'you', 'please'],
  pointers: ['it', 'that', 'this', 'them', 'that one', 'this one', 'those'],
};
