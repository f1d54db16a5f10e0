/** The generated Alexa skill-package keeps the contract other code relies on and the rules Alexa's build enforces. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../skill/core/catalog/product';
import { ORDER_PROBLEMS } from '../../../skill/core/handoff/order-problems';

const read = (path: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../interaction-models/${path}`, import.meta.url)), 'utf8'));
const catalog: Product[] = JSON.parse(readFileSync(fileURLToPath(new URL('../../../skill/data/demo-catalog.json', import.meta.url)), 'utf8'));

interface Slot { name: string; type: string; samples?: string[] }
interface Intent { name: string; slots?: Slot[]; samples: string[] }
interface TypeValue { id: string; name: { value: string; synonyms?: string[] } }
interface DialogIntent { name: string; confirmationRequired: boolean; prompts: Record<string, string>; slots: { name: string; elicitationRequired: boolean; prompts: Record<string, string> }[] }
interface Model {
  interactionModel: {
    languageModel: { invocationName: string; intents: Intent[]; types: { name: string; values: TypeValue[] }[] };
    dialog: { delegationStrategy: string; intents: DialogIntent[] };
    prompts: { id: string; variations: { type: string; value: string }[] }[];
  };
}

/** Intent → slot name → slot type: the names the adapters, the core and the e2e scripts use. */
const CONTRACT: Record<string, Record<string, string>> = {
  SearchProductIntent: { product: 'ProductName', discarded: 'ProductName' },
  AddToCartIntent: { product: 'ProductName', quantity: 'AMAZON.NUMBER', measure: 'MeasureWord' },
  RemoveFromCartIntent: { product: 'ProductName' },
  ReadCartIntent: {},
  ClearCartIntent: {},
  SelectItemIntent: { ordinal: 'AMAZON.Ordinal', choice: 'ItemChoice' },
  CheckoutIntent: {},
  VoicePinIntent: { pin: 'AMAZON.FOUR_DIGIT_NUMBER' },
  OrderStatusIntent: {},
  CancelOrderIntent: {},
  ReorderIntent: { product: 'ProductName' },
  ReplenishmentIntent: {},
  EnableRemindersIntent: { product: 'ProductName' },
  StopRemindersIntent: { product: 'ProductName' },
  ListRemindersIntent: {},
  DeleteMyDataIntent: {},
  LinkAccountIntent: { code: 'AMAZON.NUMBER' },
  ChangeQuantityIntent: { quantity: 'AMAZON.NUMBER', product: 'ProductName' },
  CartTotalIntent: {},
  ThanksIntent: {},
  HumanHandoffIntent: {},
  OrderProblemIntent: { problem: 'OrderProblem' },
  HandoffReplyIntent: { message: 'AMAZON.SearchQuery' },
  'AMAZON.StartOverIntent': {},
  'AMAZON.HelpIntent': {},
  'AMAZON.StopIntent': {},
  'AMAZON.CancelIntent': {},
  'AMAZON.FallbackIntent': {},
  'AMAZON.YesIntent': {},
  'AMAZON.NoIntent': {},
  'AMAZON.MoreIntent': {},
  'AMAZON.RepeatIntent': {},
  'AMAZON.NextIntent': {},
  'AMAZON.NavigateHomeIntent': {},
};

describe.each(['en-US', 'de-DE'] as const)('Alexa interaction model %s', (locale) => {
  const model = (read(`alexa/skill-package/interactionModels/custom/${locale}.json`) as Model).interactionModel;
  const { languageModel, dialog, prompts } = model;
  const allSamples = languageModel.intents.flatMap((intent) => intent.samples.map((sample) => ({ intent: intent.name, sample })));

  it('has a two-word, lower-case invocation name', () => {
    expect(languageModel.invocationName).toMatch(/^[a-zäöüß]+( [a-zäöüß]+)+$/);
  });

  it('declares exactly the contracted intents with their slot names and types', () => {
    const declared = Object.fromEntries(
      languageModel.intents.map((intent) => [intent.name, Object.fromEntries((intent.slots ?? []).map((slot) => [slot.name, slot.type]))]),
    );
    expect(declared).toEqual(CONTRACT);
  });

  it('gives no sample to two intents', () => {
    const owners = new Map<string, Set<string>>();
    for (const { intent, sample } of allSamples) {
      const key = sample.toLowerCase();
      owners.set(key, (owners.get(key) ?? new Set()).add(intent));
    }
    const shared = [...owners].filter(([, intents]) => intents.size > 1).map(([sample, intents]) => `${sample}: ${[...intents].join(', ')}`);
    expect(shared).toEqual([]);
  });

  it('writes samples as Alexa accepts them: words, apostrophes, periods and declared {slots}', () => {
    for (const intent of languageModel.intents) {
      const slotNames = new Set((intent.slots ?? []).map((slot) => slot.name));
      for (const sample of intent.samples) {
        expect(sample, intent.name).toMatch(/^[\p{L}' .{}]+$/u);
        for (const [, slot] of sample.matchAll(/\{(\w+)\}/g)) expect(slotNames, `${intent.name}: ${sample}`).toContain(slot);
        expect(sample, 'starts with a launch phrase').not.toMatch(/^(ask|tell|open|launch|alexa)\b/i);
      }
    }
  });

  it('covers every custom intent with samples, and the cart words shoppers use', () => {
    for (const intent of languageModel.intents.filter((candidate) => !candidate.name.startsWith('AMAZON.'))) {
      expect(intent.samples.length, intent.name).toBeGreaterThan(0);
    }
    const addSamples = allSamples.filter((entry) => entry.intent === 'AddToCartIntent').map((entry) => entry.sample);
    const cartWords = locale === 'en-US' ? ['cart', 'basket', 'list', 'shopping list', 'grocery list'] : ['Warenkorb', 'Einkaufswagen', 'Liste', 'Einkaufsliste'];
    for (const word of cartWords) expect(addSamples.some((sample) => sample.endsWith(` ${word}`)), word).toBe(true);
  });

  it('keeps German samples German', () => {
    if (locale !== 'de-DE') return;
    const english = /\b(my|the|add|cart|please|what|order|list)\b/i;
    expect(allSamples.filter(({ sample }) => english.test(sample)).map(({ sample }) => sample)).toEqual([]);
  });

  it('carries every catalog product in the product slot type, with its id and unique value names', () => {
    const productType = languageModel.types.find((type) => type.name === 'ProductName');
    expect(productType).toBeDefined();
    const values = productType!.values;
    const ids = values.map((value) => value.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = values.map((value) => value.name.value.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(ids).toEqual(expect.arrayContaining(catalog.map((product) => product.id)));
    for (const value of values) {
      for (const word of [value.name.value, ...(value.name.synonyms ?? [])]) expect(word, value.id).toMatch(/^[\p{L}' ]+$/u);
    }
    // Aisle words ride along so "coffee" resolves to a category instead of a random coffee.
    expect(ids).toEqual(expect.arrayContaining(['aisle:coffee', 'aisle:milk', 'aisle:shampoo', 'aisle:perfume']));
  });

  it('has a dialog model the skill drives, whose prompts all exist', () => {
    expect(dialog.delegationStrategy).toBe('SKILL_RESPONSE');
    const promptIds = new Set(prompts.map((prompt) => prompt.id));
    const byName = Object.fromEntries(dialog.intents.map((intent) => [intent.name, intent]));
    for (const intent of dialog.intents) {
      // virtual-alexa (and the console) expect a slots array on every dialog intent, even an empty one.
      expect(Array.isArray(intent.slots), intent.name).toBe(true);
      for (const id of Object.values(intent.prompts)) expect(promptIds).toContain(id);
      for (const slot of intent.slots) for (const id of Object.values(slot.prompts)) expect(promptIds).toContain(id);
    }
    for (const name of ['ClearCartIntent', 'CancelOrderIntent', 'DeleteMyDataIntent']) expect(byName[name]?.confirmationRequired, name).toBe(true);
    for (const [name, slot] of [['AddToCartIntent', 'product'], ['SearchProductIntent', 'product'], ['VoicePinIntent', 'pin']] as const) {
      expect(byName[name]?.slots.find((candidate) => candidate.name === slot)?.elicitationRequired, `${name}.${slot}`).toBe(true);
    }
    // Checkout's read-back is written by the core, but Dialog.ConfirmIntent needs the intent in the dialog model.
    expect(byName.CheckoutIntent).toBeDefined();
    for (const prompt of prompts) expect(prompt.variations.length, prompt.id).toBeGreaterThan(0);
  });

  it('keeps Amazon\'s rules for the free-text slot: carrier words in every sample, no other slot beside it', () => {
    const reply = languageModel.intents.find((intent) => intent.name === 'HandoffReplyIntent')!;
    expect(reply.slots?.filter((slot) => slot.type === 'AMAZON.SearchQuery')).toHaveLength(1);
    expect(reply.samples.length).toBeGreaterThan(10);
    const withMessage = reply.samples.filter((sample) => sample.includes('{'));
    expect(withMessage.length).toBeGreaterThan(10);
    for (const sample of withMessage) {
      expect(sample.match(/\{\w+\}/g), sample).toEqual(['{message}']);
      expect(sample.replace('{message}', '').trim().length, sample).toBeGreaterThan(0);
    }
    // "Tell them" alone is a reply too: the core asks what to pass on.
    expect(reply.samples.some((sample) => !sample.includes('{'))).toBe(true);
    // No other intent takes free text: it would compete for every utterance.
    const others = languageModel.intents.filter((intent) => intent.name !== 'HandoffReplyIntent' && (intent.slots ?? []).some((slot) => slot.type === 'AMAZON.SearchQuery'));
    expect(others.map((intent) => intent.name)).toEqual([]);
  });

  it('resolves every order problem word to one of the four ids the core reads', () => {
    const problems = languageModel.types.find((type) => type.name === 'OrderProblem')!;
    expect(problems.values.map((value) => value.id).sort()).toEqual([...ORDER_PROBLEMS].sort());
    const words = problems.values.flatMap((value) => [value.name.value, ...(value.name.synonyms ?? [])].map((word) => word.toLowerCase()));
    expect(new Set(words).size, 'a word in two problems').toBe(words.length);
    const said = locale === 'en-US' ? ['damaged', 'missing', 'wrong', 'late', 'never arrived'] : ['beschädigt', 'fehlen', 'falschen', 'nicht angekommen', 'zu spät'];
    for (const word of said) expect(words, word).toContain(word);
  });

  it('asks for a person in many words, in whole sentences', () => {
    const handoff = languageModel.intents.find((intent) => intent.name === 'HumanHandoffIntent')!;
    const wanted =
      locale === 'en-US'
        ? ['talk to a person', 'i want to speak to someone', 'customer service', 'speak to a human', 'can i talk to a real person', 'get me an agent']
        : ['mit einem Menschen sprechen', 'Kundenservice', 'ich möchte mit jemandem sprechen', 'verbinde mich mit einem Mitarbeiter'];
    for (const sample of wanted) expect(handoff.samples, sample).toContain(sample);
    expect(handoff.samples.length).toBeGreaterThan(100);
  });

  it('lets the shopper answer an elicitation with the slot alone', () => {
    const slots = languageModel.intents.flatMap((intent) => (intent.slots ?? []).map((slot) => ({ intent: intent.name, slot })));
    for (const dialogIntent of dialog.intents) {
      for (const slot of dialogIntent.slots.filter((candidate) => candidate.elicitationRequired)) {
        const declared = slots.find((entry) => entry.intent === dialogIntent.name && entry.slot.name === slot.name);
        expect(declared?.slot.samples, `${dialogIntent.name}.${slot.name}`).toContain(`{${slot.name}}`);
      }
    }
  });
});

describe('Alexa skill manifest', () => {
  const { manifest } = read('alexa/skill-package/skill.json');

  it('publishes en-US and de-DE and declares the custom endpoint, APL and the reminders permission', () => {
    expect(Object.keys(manifest.publishingInformation.locales).sort()).toEqual(['de-DE', 'en-US']);
    expect(manifest.apis.custom.endpoint.uri).toMatch(/^https:\/\/[^/]+\.example\//);
    expect(manifest.apis.custom.interfaces.map((i: { type: string }) => i.type)).toContain('ALEXA_PRESENTATION_APL');
    expect(manifest.permissions).toEqual([{ name: 'alexa::alerts:reminders:skill:readwrite' }]);
  });

  it('answers the privacy and compliance questions truthfully for a shop', () => {
    expect(manifest.privacyAndCompliance).toMatchObject({
      allowsPurchases: true,
      usesPersonalInfo: true,
      isChildDirected: false,
      isExportCompliant: true,
      containsAds: false,
    });
  });
});
