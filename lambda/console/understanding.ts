/** The understanding the console and `npm run chat` use: the NLU's, trained from the neutral interaction model. */
import { createUnderstanding } from '../nlu/index';
import type { UnderstandingSource } from './simulator/simulator';

export const modelUnderstanding: UnderstandingSource = (locale) => createUnderstanding(locale);
