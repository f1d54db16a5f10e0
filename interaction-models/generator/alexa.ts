/**
 * Neutral model → Alexa skill-package (ASK CLI layout): skill.json and one interaction model per locale,
 * with a dialog model (SKILL_RESPONSE: the skill decides when to delegate, elicit or confirm).
 */
import type { IntentSource, ModelLocale, PerLocale } from '../source/types';
import { PLACEHOLDERS, SKILL_TEXTS } from '../source/skill';
import { CHOICES, MACROS, ORDER_PROBLEMS } from '../source/vocabulary';
import { platformIntentNames } from '../../skill/platforms/intent-names';
import { measureValues } from './measure-values';
import { ModelError } from './errors';
import { assertGrammatical } from './grammar';
import type { ProductSlotValue } from './product-values';
import { ALEXA_CHOICE_TYPE, ALEXA_MEASURE_TYPE, ALEXA_PROBLEM_TYPE, ALEXA_PRODUCT_TYPE, ALEXA_SLOT_TYPES } from './slot-kinds';
import { expandAll } from './template';

/** Alexa accepts letters, spaces, apostrophes and periods (in abbreviations) around `{slot}` references. */
const ALEXA_SAMPLE = /^[\p{L}' .]*(\{[A-Za-z]\w*\}[\p{L}' .]*)*$/u;

/** The intent's Alexa name from the table the adapters read; null where Alexa has no such intent. */
export function alexaIntentName(intent: IntentSource): string | null {
  return platformIntentNames(intent.name).alexa;
}

export interface AlexaSample {
  intent: string;
  sample: string;
}

/** Expanded samples per Alexa intent, checked against the rules the Alexa build enforces. */
export function alexaSamples(intents: readonly IntentSource[], locale: ModelLocale): Map<string, string[]> {
  const owner = new Map<string, string>();
  const byIntent = new Map<string, string[]>();
  for (const intent of intents) {
    const name = alexaIntentName(intent);
    if (name === null) continue;
    const samples = expandAll(intent.samples[locale], MACROS[locale]);
    assertGrammatical(samples, locale, `Alexa ${name}`);
    const slotNames = new Set(intent.slots.map((slot) => slot.name));
    const freeText = new Set(intent.slots.filter((slot) => slot.kind === 'text').map((slot) => slot.name));
    if (freeText.size > 1) throw new ModelError(`${locale} ${name}: more than one free-text slot (AMAZON.SearchQuery) in one intent`);
    for (const sample of samples) {
      if (!ALEXA_SAMPLE.test(sample)) throw new ModelError(`${locale} ${name}: character Alexa rejects in sample "${sample}"`);
      assertFreeTextRules(sample, freeText, `${locale} ${name}`);
      for (const match of sample.matchAll(/\{(\w+)\}/g)) {
        if (!slotNames.has(match[1]!)) throw new ModelError(`${locale} ${name}: sample "${sample}" uses undefined slot {${match[1]}}`);
      }
      const key = sample.toLocaleLowerCase(locale);
      const previous = owner.get(key);
      if (previous !== undefined && previous !== name) {
        throw new ModelError(`${locale}: sample "${sample}" belongs to both ${previous} and ${name}`);
      }
      owner.set(key, name);
    }
    byIntent.set(name, samples);
  }
  return byIntent;
}

/**
 * Amazon's rules for a phrase slot (AMAZON.SearchQuery): a sample holding one needs carrier words of its own (a
 * sample of the slot alone fails the build with MissingCarrierPhraseWithPhraseSlot), and the slot stands alone
 * among slots: it takes whatever is said, so no other slot in the sample could be told apart from it.
 */
export function assertFreeTextRules(sample: string, freeTextSlots: ReadonlySet<string>, context: string): void {
  const slots = [...sample.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
  if (!slots.some((slot) => freeTextSlots.has(slot))) return;
  if (slots.length > 1) throw new ModelError(`${context}: sample "${sample}" has a free-text slot beside another slot`);
  if (sample.replace(/\{\w+\}/g, '').trim() === '') throw new ModelError(`${context}: sample "${sample}" is a free-text slot without carrier words`);
}

/** What a shopper says when asked for one slot, checked like every other sample. */
function slotAnswers(templates: readonly string[], locale: ModelLocale, context: string): string[] {
  const answers = expandAll(templates, MACROS[locale]);
  assertGrammatical(answers, locale, `Alexa ${context} answers`);
  return answers;
}

function promptId(kind: 'Elicit' | 'Confirm', intent: string, slot?: string): string {
  return slot ? `${kind}.Intent-${intent}.IntentSlot-${slot}` : `${kind}.Intent-${intent}`;
}

function plainVariations(texts: string[]) {
  return texts.map((value) => ({ type: 'PlainText', value }));
}

function inDialogModel(intent: IntentSource): boolean {
  return Boolean(intent.dialog || intent.confirmation || intent.slots.some((slot) => slot.elicitation));
}

export function alexaInteractionModel(
  intents: readonly IntentSource[],
  productValues: readonly ProductSlotValue[],
  locale: ModelLocale,
): object {
  const samples = alexaSamples(intents, locale);
  const alexaIntents = intents.filter((intent) => alexaIntentName(intent) !== null);

  const languageIntents = alexaIntents.map((intent) => {
    const name = alexaIntentName(intent)!;
    return {
      name,
      slots: intent.slots.map((slot) => ({
        name: slot.name,
        type: ALEXA_SLOT_TYPES[slot.kind],
        ...(slot.answers && { samples: slotAnswers(slot.answers[locale], locale, `${name}.${slot.name}`) }),
      })),
      samples: samples.get(name) ?? [],
    };
  });

  const prompts: { id: string; variations: { type: string; value: string }[] }[] = [];
  const dialogIntents = alexaIntents.filter(inDialogModel).map((intent) => {
    const name = alexaIntentName(intent)!;
    if (intent.confirmation) prompts.push({ id: promptId('Confirm', name), variations: plainVariations(intent.confirmation[locale]) });
    return {
      name,
      confirmationRequired: Boolean(intent.confirmation),
      prompts: intent.confirmation ? { confirmation: promptId('Confirm', name) } : {},
      slots: intent.slots.map((slot) => {
        if (slot.elicitation) prompts.push({ id: promptId('Elicit', name, slot.name), variations: plainVariations(slot.elicitation[locale]) });
        return {
          name: slot.name,
          type: ALEXA_SLOT_TYPES[slot.kind],
          confirmationRequired: false,
          elicitationRequired: Boolean(slot.elicitation),
          prompts: slot.elicitation ? { elicitation: promptId('Elicit', name, slot.name) } : {},
        };
      }),
    };
  });

  return {
    interactionModel: {
      languageModel: {
        invocationName: SKILL_TEXTS[locale].invocationName,
        intents: languageIntents,
        types: [
          {
            name: ALEXA_PRODUCT_TYPE,
            values: productValues.map((value) => ({ id: value.id, name: { value: value.name, synonyms: value.synonyms } })),
          },
          {
            name: ALEXA_CHOICE_TYPE,
            values: CHOICES.map((choice) => {
              const [value, ...synonyms] = choice.words[locale];
              return { id: choice.id, name: { value, synonyms } };
            }),
          },
          {
            name: ALEXA_PROBLEM_TYPE,
            // The id is what the core reads ("damaged"); every word the shopper may say resolves to it.
            values: ORDER_PROBLEMS.map((problem) => {
              const [value, ...synonyms] = problem.words[locale];
              return { id: problem.id, name: { value, synonyms } };
            }),
          },
          {
            name: ALEXA_MEASURE_TYPE,
            values: measureValues(locale).map((value) => ({ id: value.id, name: { value: value.name, synonyms: value.synonyms } })),
          },
        ],
      },
      dialog: { delegationStrategy: 'SKILL_RESPONSE', intents: dialogIntents },
      prompts,
    },
  };
}

export function alexaSkillManifest(locales: readonly ModelLocale[]): object {
  const perLocale = <T>(make: (locale: ModelLocale) => T): Partial<PerLocale<T>> =>
    Object.fromEntries(locales.map((locale) => [locale, make(locale)]));
  return {
    manifest: {
      manifestVersion: '1.0',
      publishingInformation: {
        locales: perLocale((locale) => ({
          name: SKILL_TEXTS[locale].name,
          summary: SKILL_TEXTS[locale].summary,
          description: SKILL_TEXTS[locale].description,
          examplePhrases: SKILL_TEXTS[locale].examplePhrases,
          keywords: SKILL_TEXTS[locale].keywords,
          smallIconUri: PLACEHOLDERS.smallIconUri,
          largeIconUri: PLACEHOLDERS.largeIconUri,
        })),
        isAvailableWorldwide: false,
        distributionCountries: ['US', 'DE'],
        distributionMode: 'PUBLIC',
        category: 'SHOPPING',
        testingInstructions:
          'Link the demo account (token demo-access-token), then: "open vocart shop", "add oat milk to my list", ' +
          '"what\'s on my list", "check out". The demo voice PIN is 1234.',
      },
      apis: {
        custom: {
          endpoint: { uri: PLACEHOLDERS.alexaEndpoint, sslCertificateType: 'Trusted' },
          interfaces: [
            {
              type: 'ALEXA_PRESENTATION_APL',
              supportedViewports: [
                { mode: 'HUB', shape: 'ROUND', minWidth: 480, maxWidth: 480, minHeight: 480, maxHeight: 480 },
                { mode: 'HUB', shape: 'RECTANGLE', minWidth: 960, maxWidth: 960, minHeight: 480, maxHeight: 480 },
                { mode: 'HUB', shape: 'RECTANGLE', minWidth: 1024, maxWidth: 1024, minHeight: 600, maxHeight: 600 },
                { mode: 'HUB', shape: 'RECTANGLE', minWidth: 1280, maxWidth: 1280, minHeight: 800, maxHeight: 800 },
                { mode: 'TV', shape: 'RECTANGLE', minWidth: 960, maxWidth: 960, minHeight: 540, maxHeight: 540 },
              ],
            },
          ],
        },
      },
      permissions: [{ name: 'alexa::alerts:reminders:skill:readwrite' }],
      privacyAndCompliance: {
        allowsPurchases: true,
        usesPersonalInfo: true,
        isChildDirected: false,
        isExportCompliant: true,
        containsAds: false,
        locales: perLocale(() => ({ privacyPolicyUrl: PLACEHOLDERS.privacyPolicyUrl, termsOfUseUrl: PLACEHOLDERS.termsOfUseUrl })),
      },
    },
  };
}
