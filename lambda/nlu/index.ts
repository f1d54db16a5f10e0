/** Offline language understanding for the local tools (console, chat, nlu:eval); never bundled into a Lambda. */
export { createUnderstanding, FALLBACK_INTENT, type UnderstandingOptions } from './create-understanding';
export type { Understanding, Understood, UnderstoodSlots } from './understanding';
