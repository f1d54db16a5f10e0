/**
 * Neutral model → Dialogflow ES agent export (the folder layout of a zip made by "Export as ZIP"):
 * agent.json, package.json, intents/<name>.json with intents/<name>_usersays_<lang>.json, and
 * entities/<name>.json with entities/<name>_entries_<lang>.json. Every intent calls the webhook: the
 * core answers, the agent only classifies.
 */
import type { IntentSource, ModelLocale, SlotKind } from '../source/types';
import { PLACEHOLDERS, SKILL_TEXTS } from '../source/skill';
import { CHOICES, DIALOGFLOW_MACROS, GERMAN_PRODUCT_GENDERS, ORDER_PROBLEMS, SLOT_EXAMPLE_RULES } from '../source/vocabulary';
import { platformIntentNames } from '../../skill/platforms/intent-names';
import { measureValues } from './measure-values';
import { assertGrammatical, germanGendersAfter } from './grammar';
import { stableUuid } from './ids';
import type { ProductSlotValue } from './product-values';
import { DIALOGFLOW_CHOICE_ENTITY, DIALOGFLOW_MEASURE_ENTITY, DIALOGFLOW_PROBLEM_ENTITY, DIALOGFLOW_PRODUCT_ENTITY, DIALOGFLOW_SLOT_TYPES } from './slot-kinds';
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
      const json = phrases.map((phrase) => trainingPhrase(intent, name, phrase, locale, examples));
      // Checked again as Dialogflow reads them, with their example words: "lösche den Milch" is a phrase only there.
      assertGrammatical(json.map(phraseText), locale, `Dialogflow ${name} (with examples)`);
      files.push({ path: `intents/${name}_usersays_${lang}.json`, json });
    }
  }

  files.push({ path: `entities/${DIALOGFLOW_PRODUCT_ENTITY}.json`, json: entityJson(DIALOGFLOW_PRODUCT_ENTITY, true) });
  files.push({ path: `entities/${DIALOGFLOW_CHOICE_ENTITY}.json`, json: entityJson(DIALOGFLOW_CHOICE_ENTITY, false) });
  files.push({ path: `entities/${DIALOGFLOW_MEASURE_ENTITY}.json`, json: entityJson(DIALOGFLOW_MEASURE_ENTITY, false) });
  files.push({ path: `entities/${DIALOGFLOW_PROBLEM_ENTITY}.json`, json: entityJson(DIALOGFLOW_PROBLEM_ENTITY, false) });
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
    files.push({
      path: `entities/${DIALOGFLOW_PROBLEM_ENTITY}_entries_${lang}.json`,
      // Like the choice: the reference value is the id, so the webhook gets "damaged" for "beschädigt".
      json: ORDER_PROBLEMS.map((problem) => ({ value: problem.id, synonyms: [problem.id, ...problem.words[locale]].filter(uniqueFilter()) })),
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

/** The words around a slot in a phrase, lower case: what decides which example fits there. */
export interface SlotPlace {
  before?: string;
  after?: string;
  /** Every word before the slot, for German articles with an adjective between ("meinen üblichen {product}"). */
  wordsBefore?: readonly string[];
}

/**
 * Example values for annotated slots in training phrases. Rotating through many real values teaches
 * Dialogflow's classifier the slot's shape instead of one word. Where the slot's place narrows what fits (an
 * article before a German product, "is" before a problem), only the examples that fit there take turns.
 */
export class ExampleValues {
  private readonly counters = new Map<string, number>();
  private readonly pools: Record<ModelLocale, Record<SlotKind, string[]>>;
  /** German product examples by gender, for a product after an article (only words the product entity knows). */
  private readonly germanByGender = new Map<string, string[]>();

  constructor(productValues: Readonly<Record<ModelLocale, readonly ProductSlotValue[]>>) {
    const products = (locale: ModelLocale) => {
      const values = productValues[locale];
      // Alternate aisle words and product names: shoppers say both "coffee" and "ground coffee medium roast".
      const aisles = values.filter((value) => value.id.startsWith('aisle:')).map((value) => value.name);
      const names = values.filter((value) => /^p\d/.test(value.id)).map((value) => value.synonyms[0] ?? value.name);
      return aisles.flatMap((aisle, index) => [aisle, names[(index * 7) % Math.max(names.length, 1)] ?? aisle]);
    };
    const germanWords = new Set(productValues['de-DE'].flatMap((value) => [value.name, ...value.synonyms]));
    for (const [word, gender] of Object.entries(GERMAN_PRODUCT_GENDERS)) {
      if (germanWords.has(word)) this.germanByGender.set(gender, [...(this.germanByGender.get(gender) ?? []), word]);
    }
    const defaults = (locale: ModelLocale, kind: 'problem' | 'text') => [...(SLOT_EXAMPLE_RULES[locale][kind]?.at(-1)?.examples ?? [])];
    this.pools = {
      'en-US': {
        product: products('en-US'),
        quantity: ['two', 'three', '2', 'four', '6', 'five'],
        ordinal: ['second', 'first', 'third', '2nd'],
        choice: CHOICES.map((choice) => choice.words['en-US'][0]!),
        pin: ['1234', '4 3 2 1', '9876'],
        measure: ['two pounds', 'a gallon', 'sixty four ounces', 'one pound', 'two liters'],
        code: ['481523', '9 0 2 7 1 4', '360 218'],
        problem: defaults('en-US', 'problem'),
        text: defaults('en-US', 'text'),
      },
      'de-DE': {
        product: products('de-DE'),
        quantity: ['zwei', 'drei', '2', 'vier', '6', 'fünf'],
        ordinal: ['zweite', 'erste', 'dritte', 'zweiten'],
        choice: CHOICES.map((choice) => choice.words['de-DE'][0]!),
        pin: ['1234', '4 3 2 1', '9876'],
        measure: ['zwei liter', 'ein kilo'],
        code: ['481523', '9 0 2 7 1 4', '360 218'],
        problem: defaults('de-DE', 'problem'),
        text: defaults('de-DE', 'text'),
      },
    };
  }

  /** The examples that fit the slot's place, with the key their turns are counted under. */
  private poolFor(kind: SlotKind, locale: ModelLocale, place: SlotPlace): { key: string; pool: readonly string[] } {
    if (kind === 'product' && locale === 'de-DE') {
      const genders = germanGendersAfter(place.wordsBefore ?? []);
      if (genders) return { key: `de-DE:product:${genders.join('+')}`, pool: genders.flatMap((gender) => this.germanByGender.get(gender) ?? []) };
    }
    const rules = SLOT_EXAMPLE_RULES[locale][kind];
    if (rules) {
      const index = rules.findIndex(
        (rule) => (!rule.before || (place.before !== undefined && rule.before.includes(place.before))) && (!rule.after || (place.after !== undefined && rule.after.includes(place.after))),
      );
      if (index >= 0) return { key: `${locale}:${kind}:${index}`, pool: rules[index]!.examples };
    }
    return { key: `${locale}:${kind}`, pool: this.pools[locale][kind] };
  }

  next(kind: SlotKind, locale: ModelLocale, place: SlotPlace = {}): string {
    const { key, pool } = this.poolFor(kind, locale, place);
    const count = this.counters.get(key) ?? 0;
    this.counters.set(key, count + 1);
    return pool[count % pool.length] ?? kind;
  }
}

/** A training phrase's text as Dialogflow reads it: its parts with their example words. */
export function phraseText(phrase: { data: readonly { text: string }[] }): string {
  return phrase.data.map((part) => part.text).join('');
}

function trainingPhrase(intent: IntentSource, intentName: string, phrase: string, locale: ModelLocale, examples: ExampleValues) {
  const data: { text: string; alias?: string; meta?: string; userDefined: boolean }[] = [];
  const parts = phrase.split(/(\{\w+\})/);
  const lastWord = (text: string | undefined) => text?.trim().split(' ').at(-1)?.toLocaleLowerCase(locale) || undefined;
  const firstWord = (text: string | undefined) => text?.trim().split(' ')[0]?.toLocaleLowerCase(locale) || undefined;
  parts.forEach((part, index) => {
    if (part === '') return;
    const slotName = /^\{(\w+)\}$/.exec(part)?.[1];
    const slot = slotName ? intent.slots.find((candidate) => candidate.name === slotName) : undefined;
    if (slot) {
      const place = { before: lastWord(parts[index - 1]), after: firstWord(parts[index + 1]), wordsBefore: parts[index - 1]?.trim().split(' ') ?? [] };
      data.push({ text: examples.next(slot.kind, locale, place), alias: slot.name, meta: DIALOGFLOW_SLOT_TYPES[slot.kind], userDefined: true });
    } else {
      data.push({ text: part, userDefined: false });
    }
  });
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
