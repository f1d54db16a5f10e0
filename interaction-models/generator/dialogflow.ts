/**
 * Neutral model → Dialogflow ES agent export (the folder layout of a zip made by "Export as ZIP"):
 * agent.json, package.json, intents/<name>.json with intents/<name>_usersays_<lang>.json, and
 * entities/<name>.json with entities/<name>_entries_<lang>.json. Every intent calls the webhook: the
 * core answers, the agent only classifies.
 */
import type { IntentSource, ModelLocale, SlotKind } from '../source/types';
import { PLACEHOLDERS, SKILL_TEXTS } from '../source/skill';
import { CHOICES, DIALOGFLOW_MACROS } from '../source/vocabulary';
import { platformIntentNames } from '../../skill/platforms/intent-names';
import { measureValues } from './measure-values';
import { assertGrammatical } from './grammar';
import { stableUuid } from './ids';
import type { ProductSlotValue } from './product-values';
import { DIALOGFLOW_CHOICE_ENTITY, DIALOGFLOW_MEASURE_ENTITY, DIALOGFLOW_PRODUCT_ENTITY, DIALOGFLOW_SLOT_TYPES } from './slot-kinds';
import { expandAll } from './template';

export const DIALOGFLOW_LANGUAGES: Record<ModelLocale, string> = { 'en-US': 'en', 'de-DE': 'de' };

export interface DialogflowFile {
  /** Path inside the agent folder. */
  path: string;
  json: unknown;
}

/** Shown when the webhook cannot be reached: Dialogflow falls back to the intent's own text response. */
const WEBHOOK_DOWN: Record<ModelLocale, string> = {
  'en-US': 'Sorry, the shop is not reachable right now. Please try again in a moment.',
  'de-DE': 'Entschuldigung, der Laden ist gerade nicht erreichbar. Bitte versuche es gleich noch einmal.',
};

/** The intent's Dialogflow display name from the table the adapters read; null where the agent has no such intent. */
export function dialogflowIntentName(intent: IntentSource): string | null {
  return platformIntentNames(intent.name).dialogflow;
}

/** An intent's training phrases in one language: its samples with Dialogflow's lighter carriers, and its own extras. */
export function dialogflowPhrases(intent: IntentSource, locale: ModelLocale): string[] {
  const phrases = expandAll([...intent.samples[locale], ...(intent.dialogflowOnlySamples?.[locale] ?? [])], DIALOGFLOW_MACROS[locale]);
  assertGrammatical(phrases, locale, `Dialogflow ${intent.name}`);
  return phrases;
}

export function dialogflowAgent(
  intents: readonly IntentSource[],
  productValues: Readonly<Record<ModelLocale, readonly ProductSlotValue[]>>,
  locales: readonly ModelLocale[],
): DialogflowFile[] {
  const [primary, ...others] = locales;
  if (!primary) return [];
  const files: DialogflowFile[] = [
    { path: 'agent.json', json: agentJson(primary, others) },
    { path: 'package.json', json: { version: '1.0.0' } },
  ];

  const examples = new ExampleValues(productValues);
  for (const intent of intents) {
    const name = dialogflowIntentName(intent);
    if (name === null) continue;
    files.push({ path: `intents/${name}.json`, json: intentJson(intent, name, locales) });
    for (const locale of locales) {
      const phrases = dialogflowPhrases(intent, locale);
      if (phrases.length === 0) continue;
      const lang = DIALOGFLOW_LANGUAGES[locale];
      files.push({
        path: `intents/${name}_usersays_${lang}.json`,
        json: phrases.map((phrase) => trainingPhrase(intent, name, phrase, locale, examples)),
      });
    }
  }

  files.push({ path: `entities/${DIALOGFLOW_PRODUCT_ENTITY}.json`, json: entityJson(DIALOGFLOW_PRODUCT_ENTITY, true) });
  files.push({ path: `entities/${DIALOGFLOW_CHOICE_ENTITY}.json`, json: entityJson(DIALOGFLOW_CHOICE_ENTITY, false) });
  files.push({ path: `entities/${DIALOGFLOW_MEASURE_ENTITY}.json`, json: entityJson(DIALOGFLOW_MEASURE_ENTITY, false) });
  for (const locale of locales) {
    const lang = DIALOGFLOW_LANGUAGES[locale];
    files.push({ path: `entities/${DIALOGFLOW_PRODUCT_ENTITY}_entries_${lang}.json`, json: productEntries(productValues[locale]) });
    files.push({
      path: `entities/${DIALOGFLOW_CHOICE_ENTITY}_entries_${lang}.json`,
      // The reference value is the language-neutral id: the webhook gets "cheaper" for "die günstigere".
      json: CHOICES.map((choice) => ({ value: choice.id, synonyms: [choice.id, ...choice.words[locale]].filter(uniqueFilter()) })),
    });
    files.push({
      path: `entities/${DIALOGFLOW_MEASURE_ENTITY}_entries_${lang}.json`,
      // The reference value is the spoken amount itself: the core parses it into a pack size.
      json: measureValues(locale).map((value) => ({ value: value.name, synonyms: [value.name, ...value.synonyms] })),
    });
  }
  return files;
}

function agentJson(primary: ModelLocale, others: readonly ModelLocale[]) {
  return {
    description: SKILL_TEXTS[primary].summary,
    language: DIALOGFLOW_LANGUAGES[primary],
    shortDescription: SKILL_TEXTS[primary].summary,
    examples: '',
    linkToDocs: '',
    displayName: 'vocart',
    // Shoppers' utterances are personal data: Dialogflow keeps no interaction logs of them.
    disableInteractionLogs: true,
    disableStackdriverLogs: true,
    defaultTimezone: 'America/New_York',
    webhook: {
      url: PLACEHOLDERS.dialogflowWebhook,
      username: '',
      headers: {},
      available: true,
      useForDomains: false,
      cloudFunctionsEnabled: false,
      cloudFunctionsInitialized: false,
    },
    isPrivate: true,
    customClassifierMode: 'use.after',
    mlMinConfidence: 0.3,
    supportedLanguages: others.map((locale) => DIALOGFLOW_LANGUAGES[locale]),
    enableOnePlatformApi: true,
    onePlatformApiVersion: 'v2',
    analyzeQueryTextSentiment: false,
    enabledKnowledgeBaseNames: [],
    knowledgeServiceConfidenceAdjustment: -0.4,
    dialogBuilderMode: false,
    baseActionPackagesUrl: '',
    enableSpellCorrection: false,
  };
}

function intentJson(intent: IntentSource, name: string, locales: readonly ModelLocale[]) {
  return {
    id: stableUuid('dialogflow-intent', name),
    name,
    auto: true,
    contexts: intent.dialogflowInputContexts ?? [],
    responses: [
      {
        resetContexts: false,
        action: intent.dialogflowEvent === 'WELCOME' ? 'input.welcome' : intent.dialogflowFallback ? 'input.unknown' : '',
        affectedContexts: [],
        parameters: intent.slots.map((slot) => ({
          id: stableUuid('dialogflow-parameter', name, slot.name),
          name: slot.name,
          // The core decides what to ask for; Dialogflow's own slot filling would bypass it.
          required: false,
          dataType: DIALOGFLOW_SLOT_TYPES[slot.kind],
          value: `$${slot.name}`,
          defaultValue: '',
          isList: false,
          prompts: [],
          promptMessages: [],
          noMatchPromptMessages: [],
          noInputPromptMessages: [],
          outputDialogContexts: [],
        })),
        messages: locales.map((locale) => ({ type: 0, lang: DIALOGFLOW_LANGUAGES[locale], condition: '', speech: [WEBHOOK_DOWN[locale]] })),
        defaultResponsePlatforms: {},
        speech: [],
      },
    ],
    priority: 500000,
    webhookUsed: true,
    webhookForSlotFilling: false,
    fallbackIntent: Boolean(intent.dialogflowFallback),
    events: intent.dialogflowEvent ? [{ name: intent.dialogflowEvent }] : [],
    conditionalResponses: [],
    condition: '',
    conditionalFollowupEvents: [],
  };
}

/**
 * Example values for annotated slots in training phrases. Rotating through many real values teaches
 * Dialogflow's classifier the slot's shape instead of one word.
 */
class ExampleValues {
  private readonly counters = new Map<string, number>();
  private readonly pools: Record<ModelLocale, Record<SlotKind, string[]>>;

  constructor(productValues: Readonly<Record<ModelLocale, readonly ProductSlotValue[]>>) {
    const products = (locale: ModelLocale) => {
      const values = productValues[locale];
      // Alternate aisle words and product names: shoppers say both "coffee" and "ground coffee medium roast".
      const aisles = values.filter((value) => value.id.startsWith('aisle:')).map((value) => value.name);
      const names = values.filter((value) => /^p\d/.test(value.id)).map((value) => value.synonyms[0] ?? value.name);
      return aisles.flatMap((aisle, index) => [aisle, names[(index * 7) % Math.max(names.length, 1)] ?? aisle]);
    };
    this.pools = {
      'en-US': {
        product: products('en-US'),
        quantity: ['two', 'three', '2', 'four', '6', 'five'],
        ordinal: ['second', 'first', 'third', '2nd'],
        choice: CHOICES.map((choice) => choice.words['en-US'][0]!),
        pin: ['1234', '4 3 2 1', '9876'],
        measure: ['two pounds', 'a gallon', 'sixty four ounces', 'one pound', 'two liters'],
        code: ['481523', '9 0 2 7 1 4', '360 218'],
      },
      'de-DE': {
        product: products('de-DE'),
        quantity: ['zwei', 'drei', '2', 'vier', '6', 'fünf'],
        ordinal: ['zweite', 'erste', 'dritte', 'zweiten'],
        choice: CHOICES.map((choice) => choice.words['de-DE'][0]!),
        pin: ['1234', '4 3 2 1', '9876'],
        measure: ['zwei liter', 'ein kilo'],
        code: ['481523', '9 0 2 7 1 4', '360 218'],
      },
    };
  }

  next(kind: SlotKind, locale: ModelLocale): string {
    const pool = this.pools[locale][kind];
    const key = `${locale}:${kind}`;
    const count = this.counters.get(key) ?? 0;
    this.counters.set(key, count + 1);
    return pool[count % pool.length] ?? kind;
  }
}

function trainingPhrase(intent: IntentSource, intentName: string, phrase: string, locale: ModelLocale, examples: ExampleValues) {
  const data: object[] = [];
  for (const part of phrase.split(/(\{\w+\})/)) {
    if (part === '') continue;
    const slotName = /^\{(\w+)\}$/.exec(part)?.[1];
    const slot = slotName ? intent.slots.find((candidate) => candidate.name === slotName) : undefined;
    if (slot) {
      data.push({ text: examples.next(slot.kind, locale), alias: slot.name, meta: DIALOGFLOW_SLOT_TYPES[slot.kind], userDefined: true });
    } else {
      data.push({ text: part, userDefined: false });
    }
  }
  return {
    id: stableUuid('dialogflow-phrase', intentName, locale, phrase),
    data,
    isTemplate: false,
    count: 0,
    lang: DIALOGFLOW_LANGUAGES[locale],
    updated: 0,
  };
}

function entityJson(name: string, openVocabulary: boolean) {
  return {
    id: stableUuid('dialogflow-entity', name),
    name,
    isOverridable: true,
    isEnum: false,
    isRegexp: false,
    // Products: let Dialogflow accept product names it was not given (new catalog items, mishearings).
    automatedExpansion: openVocabulary,
    allowFuzzyExtraction: true,
  };
}

/**
 * One entry per phrase, whose reference value is the phrase itself. Dialogflow sends the webhook the
 * entry's reference value; the core searches the catalog with it, so what the shopper said ("oat milk")
 * is worth more than a canonical name chosen here. It also keeps virtual-google-assistant honest: it
 * scores a match by the literal text around a slot minus the reference value's length, and long
 * canonical names made "my cart" outscore "add oat milk to my cart".
 */
function productEntries(values: readonly ProductSlotValue[]) {
  const seen = new Set<string>();
  const entries: { value: string; synonyms: string[] }[] = [];
  for (const value of values) {
    for (const phrase of [value.display, value.name, ...value.synonyms]) {
      const key = phrase.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push({ value: phrase, synonyms: [phrase] });
    }
  }
  return entries;
}

function uniqueFilter() {
  const seen = new Set<string>();
  return (value: string) => (seen.has(value) ? false : (seen.add(value), true));
}
