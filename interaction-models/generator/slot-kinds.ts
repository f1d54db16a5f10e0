/** Where each neutral slot kind lands on each platform. */
import type { SlotKind } from '../source/types';

export const ALEXA_PRODUCT_TYPE = 'ProductName';
export const ALEXA_CHOICE_TYPE = 'ItemChoice';
export const DIALOGFLOW_PRODUCT_ENTITY = 'product';
export const DIALOGFLOW_CHOICE_ENTITY = 'choice';
export const ALEXA_MEASURE_TYPE = 'MeasureWord';
export const DIALOGFLOW_MEASURE_ENTITY = 'measure';
export const ALEXA_PROBLEM_TYPE = 'OrderProblem';
export const DIALOGFLOW_PROBLEM_ENTITY = 'problem';
/** Alexa's free-text type: it needs carrier words in every sample and allows one such slot per sample. */
export const ALEXA_FREE_TEXT_TYPE = 'AMAZON.SearchQuery';

export const ALEXA_SLOT_TYPES: Record<SlotKind, string> = {
  product: ALEXA_PRODUCT_TYPE,
  quantity: 'AMAZON.NUMBER',
  ordinal: 'AMAZON.Ordinal',
  choice: ALEXA_CHOICE_TYPE,
  pin: 'AMAZON.FOUR_DIGIT_NUMBER',
  measure: ALEXA_MEASURE_TYPE,
  // Six digits: AMAZON.NUMBER hears "four eight one five two three" as 481523 (a leading zero is lost: the core reads what arrives).
  code: 'AMAZON.NUMBER',
  problem: ALEXA_PROBLEM_TYPE,
  text: ALEXA_FREE_TEXT_TYPE,
};

export const DIALOGFLOW_SLOT_TYPES: Record<SlotKind, string> = {
  product: `@${DIALOGFLOW_PRODUCT_ENTITY}`,
  quantity: '@sys.number-integer',
  ordinal: '@sys.ordinal',
  choice: `@${DIALOGFLOW_CHOICE_ENTITY}`,
  pin: '@sys.number-sequence',
  measure: `@${DIALOGFLOW_MEASURE_ENTITY}`,
  code: '@sys.number-sequence',
  problem: `@${DIALOGFLOW_PROBLEM_ENTITY}`,
  // Anything the shopper says there, as said.
  text: '@sys.any',
};
