/**
 * The one table of what yes and no mean, per kind of question. Flows export their answers; this module collects
 * them, so registering a flow has no import side effects and a new kind of question is a type error until it is here.
 */
import type { AnswerTable } from './answers';
import { clearCartAnswers, whichLineAnswers } from './handlers/cart';
import { checkoutAnswers } from './handlers/checkout';
import { handoffAnswers, shareTranscriptAnswers } from './handlers/handoff';
import { cancelOrderAnswers } from './handlers/orders';
import { eraseAnswers } from './handlers/privacy';
import { remindersAnswers, replenishAnswers } from './handlers/replenish';
import { addOfferAnswers } from './handlers/search';

export const QUESTION_ANSWERS: AnswerTable = {
  checkout: checkoutAnswers,
  clearCart: clearCartAnswers,
  add: addOfferAnswers,
  replenish: replenishAnswers,
  cancelOrder: cancelOrderAnswers,
  erase: eraseAnswers,
  reminders: remindersAnswers,
  whichLine: whichLineAnswers,
  handoff: handoffAnswers,
  shareTranscript: shareTranscriptAnswers,
};
