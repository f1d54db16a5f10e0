/** Where each neutral slot kind lands on each platform. */
import type { SlotKind } from '../source/types';

export const ALEXA_PRODUCT_TYPE = 'ProductName';
export const ALEXA_CHOICE_TYPE = 'ItemChoice';
export const DIALOGFLOW_PRODUCT_ENTITY = 'product';
export const DIALOGFLOW_CHOICE_ENTITY = 'choice';
export const ALEXA_MEASURE_TYPE = 'MeasureWord';
export const DIALOGFLOW_MEASURE_ENTITY = 'measure';

export const ALEXA_SLOT_TYPES: Record<SlotKind, string> = {
  product: ALEXA_PRODUCT_TYPE,
  quantity: 'AMAZON.NUMBER',
  ordinal: 'AMAZON.Ordinal',
  choice: ALEXA_CHOICE_TYPE,
  pin: 'AMAZON.FOUR_DIGIT_NUMBER',
  measure: ALEXA_MEASURE_TYPE,
  // Six digits: AMAZON.NUMBER hears "four eight one five two three" as 481523 (a leading zero is lost: the core reads what arrives).
  code: 'AMAZON.NUMBER',
};

export const DIALOGFLOW_SLOT_TYPES: Record<SlotKind, string> = {
  product: `@${DIALOGFLOW_PRODUCT_ENTITY}`,
  quantity: '@sys.number-integer',
  ordinal: '@sys.ordinal',
  choice: `@${DIALOGFLOW_CHOICE_ENTITY}`,
  pin: '@sys.number-sequence',
  measure: `@${DIALOGFLOW_MEASURE_ENTITY}`,
  code: '@sys.number-sequence',
};
