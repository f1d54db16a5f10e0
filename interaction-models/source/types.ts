/**
 * The neutral interaction model: what the shopper can say, once, for every platform.
 * The generator turns it into an Alexa skill-package and a Dialogflow ES agent; nothing here names a
 * platform format except the small per-platform name mappings that the platforms force on us.
 */
import type { OrderProblem } from '../../skill/core/handoff/order-problems';
import type { Locale } from '../../skill/core/turn';

export type ModelLocale = Locale;

/** Text per locale. Every model text exists in every locale: a missing translation is a build error. */
export type PerLocale<T> = Record<ModelLocale, T>;

/**
 * Slot kinds the model knows. Each maps to one Alexa slot type and one Dialogflow entity, so an intent
 * says "a product" or "a quantity" and never spells a platform type.
 */
/**
 * `code`: a one-time link code of six digits, said digit by digit or typed. `problem`: what went wrong with an order
 * (a closed list with ids, ORDER_PROBLEMS). `text`: free words passed on as said (a message for a person); a
 * platform's free-text type, which Alexa allows only with carrier words around it (generator/alexa.ts checks).
 */
export type SlotKind = 'product' | 'quantity' | 'ordinal' | 'choice' | 'pin' | 'measure' | 'code' | 'problem' | 'text';

export interface SlotSource {
  name: string;
  kind: SlotKind;
  /** Prompt when the skill asks the dialog manager to elicit this slot (Alexa dialog model). */
  elicitation?: PerLocale<string[]>;
  /** What a shopper says when answering that prompt (Alexa slot samples). */
  answers?: PerLocale<string[]>;
}

export interface IntentSource {
  /**
   * Neutral name: the Alexa custom intent name and the Dialogflow display name, unless the platforms name the
   * intent their own way (AMAZON.StopIntent, "Default Welcome Intent"): skill/platforms/intent-names.ts lists those
   * once for the adapters and the generator alike.
   */
  name: string;
  slots: SlotSource[];
  /**
   * Sample templates per locale: `(a|b)` one of, `[a|b]` optionally one of, `<macro>` a locale macro,
   * `{slot}` a slot. Expanded by the generator; for Alexa built-ins they extend Amazon's own samples.
   */
  samples: PerLocale<string[]>;
  /** Samples Alexa must not get because one of its built-ins owns them ("next", "exit"). */
  dialogflowOnlySamples?: PerLocale<string[]>;
  /** Fixed confirmation prompt; omit when the core writes the read-back itself (checkout). */
  confirmation?: PerLocale<string[]>;
  /**
   * Listed in the Alexa dialog model so the skill may send Dialog.ElicitSlot / Dialog.ConfirmIntent for
   * it. Implied by `confirmation` or an eliciting slot.
   */
  dialog?: boolean;
  /** Dialogflow only: contexts that must be open for the intent to match (a bare answer to a question). */
  dialogflowInputContexts?: string[];
  /** Dialogflow only: the event that triggers the intent (WELCOME) or the fallback flag. */
  dialogflowEvent?: string;
  dialogflowFallback?: boolean;
}

/** A generic word a shopper uses for products ("oat milk", "detergent"), with its spoken variants. */
export interface GroceryTerm {
  value: string;
  synonyms?: string[];
}

/** What went wrong with an order: the core's ids (core/handoff/order-problems.ts), which the `problem` slot resolves to. */
export type OrderProblemId = OrderProblem;

/** One value of the order-problem type: its id and the words shoppers say for it, per locale. */
export interface OrderProblemValue {
  id: OrderProblemId;
  words: PerLocale<string[]>;
}

/** One value of the selection type ("the cheaper one"): a stable id and its words per locale. */
export interface ChoiceValue {
  id: string;
  words: PerLocale<string[]>;
}

export interface SkillTexts {
  invocationName: string;
  name: string;
  summary: string;
  description: string;
  examplePhrases: string[];
  keywords: string[];
}
