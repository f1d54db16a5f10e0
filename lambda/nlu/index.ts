/** Offline language understanding for the local tools (console, chat, nlu:eval); never bundled into a Lambda. */
export { createUnderstanding, type UnderstandingOptions } from './create-understanding';
export { FALLBACK_INTENT, LAUNCH_INTENT } from './model-understanding';
export type { Understanding, Understood, UnderstoodSlots } from './understanding';
