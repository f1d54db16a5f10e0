/**
 * The limits a generated model must stay within, each with where it is written. Carriers multiply samples through
 * macros, so a single new word can push a model past what Alexa or Dialogflow accepts; the build stops here with a
 * clear message instead of at deploy time in someone's console. Where a platform documents no number, the budget is
 * vocart's own and says so (README: "Interaction models and platform limits").
 */
import { ModelError } from './errors';

export interface Limit {
  readonly value: number;
  /** Where the number comes from: a platform document, or "vocart budget" with the reason. */
  readonly source: string;
}

export const ALEXA_LIMITS = {
  samplesPerIntent: {
    value: 2_500,
    source: 'vocart budget: Amazon documents no per-intent number; more samples of one intent only slow its build',
  },
  charactersPerSample: {
    value: 200,
    source: 'vocart budget: no documented number found; a spoken request past 200 characters is not a request',
  },
  customSlotValues: {
    value: 50_000,
    source: 'Amazon, custom slot types: "a total of 50,000 custom slot values, totaled across all custom slots"',
  },
  modelCharacters: {
    value: 1_000_000,
    source: 'SMAPI rejects a model definition longer than 1,000,000 characters (alexa/ask-cli#9)',
  },
} as const satisfies Record<string, Limit>;

export const DIALOGFLOW_LIMITS = {
  phrasesPerIntent: {
    value: 2_000,
    source: 'Google, Dialogflow ES quotas and limits: training phrases per intent and language',
  },
  entriesPerEntity: {
    value: 30_000,
    source: 'vocart budget: entries (with synonyms) per entity and language, well under any number Google lists',
  },
  agentBytes: {
    value: 10_000_000,
    source: 'vocart budget: the exported agent folder, kept far below what the console imports as one zip',
  },
} as const satisfies Record<string, Limit>;

/** A generated model would exceed a platform limit or vocart's own budget. */
export class ModelLimitError extends ModelError {
  override name = 'ModelLimitError';
  constructor(
    readonly what: string,
    readonly actual: number,
    readonly limit: Limit,
  ) {
    super(`${what}: ${actual.toLocaleString('en-US')} exceeds ${limit.value.toLocaleString('en-US')} (${limit.source})`);
  }
}

export function assertWithin(what: string, actual: number, limit: Limit): void {
  if (actual > limit.value) throw new ModelLimitError(what, actual, limit);
}

interface AlexaModelShape {
  interactionModel: {
    languageModel: {
      intents: { name: string; samples: string[] }[];
      types: { name: string; values: { name: { value: string; synonyms?: string[] } }[] }[];
    };
  };
}

/** Every Alexa limit, checked on one locale's model and the text that is written for it. */
export function assertAlexaLimits(model: object, text: string, locale: string): void {
  const { intents, types } = (model as AlexaModelShape).interactionModel.languageModel;
  for (const intent of intents) {
    assertWithin(`Alexa ${locale} ${intent.name}: samples`, intent.samples.length, ALEXA_LIMITS.samplesPerIntent);
    for (const sample of intent.samples) {
      assertWithin(`Alexa ${locale} ${intent.name}: characters in "${sample}"`, sample.length, ALEXA_LIMITS.charactersPerSample);
    }
  }
  const slotValues = types.reduce((sum, type) => sum + type.values.reduce((count, value) => count + 1 + (value.name.synonyms?.length ?? 0), 0), 0);
  assertWithin(`Alexa ${locale}: custom slot values and synonyms`, slotValues, ALEXA_LIMITS.customSlotValues);
  assertWithin(`Alexa ${locale}: characters in the interaction model`, text.length, ALEXA_LIMITS.modelCharacters);
}

export interface DialogflowCounts {
  /** Training phrases per "intent (language)". */
  phrases: ReadonlyMap<string, number>;
  /** Entries, synonyms included, per "entity (language)". */
  entries: ReadonlyMap<string, number>;
  /** Bytes of every agent file as written. */
  bytes: number;
}

export function assertDialogflowLimits(counts: DialogflowCounts): void {
  for (const [intent, count] of counts.phrases) assertWithin(`Dialogflow ${intent}: training phrases`, count, DIALOGFLOW_LIMITS.phrasesPerIntent);
  for (const [entity, count] of counts.entries) assertWithin(`Dialogflow ${entity}: entity entries`, count, DIALOGFLOW_LIMITS.entriesPerEntity);
  assertWithin('Dialogflow agent: bytes', counts.bytes, DIALOGFLOW_LIMITS.agentBytes);
}
