/** The generated Dialogflow ES agent has the export layout Dialogflow imports and the contract the webhook relies on. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Product } from '../../../skill/core/catalog/product';

const agentDir = fileURLToPath(new URL('../../../interaction-models/google/dialogflow/', import.meta.url));
const read = (path: string) => JSON.parse(readFileSync(`${agentDir}${path}`, 'utf8'));
const catalog: Product[] = JSON.parse(readFileSync(fileURLToPath(new URL('../../../skill/data/demo-catalog.json', import.meta.url)), 'utf8'));

interface Parameter { name: string; dataType: string; value: string; required: boolean }
interface IntentFile {
  id: string;
  name: string;
  webhookUsed: boolean;
  fallbackIntent: boolean;
  events: { name: string }[];
  responses: { parameters: Parameter[]; messages: { lang: string }[] }[];
}
interface Part { text: string; alias?: string; meta?: string; userDefined: boolean }
interface Phrase { id: string; data: Part[]; lang: string }

const CONTRACT: Record<string, Record<string, string>> = {
  SearchProductIntent: { product: '@product', discarded: '@product' },
  AddToCartIntent: { product: '@product', quantity: '@sys.number-integer', measure: '@measure' },
  RemoveFromCartIntent: { product: '@product' },
  ReadCartIntent: {},
  ClearCartIntent: {},
  SelectItemIntent: { ordinal: '@sys.ordinal', choice: '@choice' },
  CheckoutIntent: {},
  VoicePinIntent: { pin: '@sys.number-sequence' },
  OrderStatusIntent: {},
  CancelOrderIntent: {},
  ReorderIntent: { product: '@product' },
  ReplenishmentIntent: {},
  EnableRemindersIntent: { product: '@product' },
  StopRemindersIntent: { product: '@product' },
  ListRemindersIntent: {},
  DeleteMyDataIntent: {},
  LinkAccountIntent: { code: '@sys.number-sequence' },
  ChangeQuantityIntent: { quantity: '@sys.number-integer', product: '@product' },
  CartTotalIntent: {},
  ThanksIntent: {},
  HumanHandoffIntent: {},
  OrderProblemIntent: { problem: '@problem' },
  HandoffReplyIntent: { message: '@sys.any' },
  StartOverIntent: {},
  HelpIntent: {},
  StopIntent: {},
  CancelIntent: {},
  YesIntent: {},
  NoIntent: {},
  MoreIntent: {},
  RepeatIntent: {},
  VoicePinAnswerIntent: { pin: '@sys.number-sequence' },
  'Default Welcome Intent': {},
  'Default Fallback Intent': {},
};

const intentFiles = readdirSync(`${agentDir}intents`).filter((file) => !file.includes('_usersays_'));
const intents: IntentFile[] = intentFiles.map((file) => read(`intents/${file}`));

describe('Dialogflow ES agent export', () => {
  it('hears a bare PIN only while the PIN question is open', () => {
    const answer = intents.find((intent) => intent.name === 'VoicePinAnswerIntent') as unknown as { contexts: string[] };
    expect(answer.contexts).toEqual(['vocart-pin']);
    const phrases = read('intents/VoicePinAnswerIntent_usersays_en.json') as Array<{ data: Array<{ text: string; meta?: string }> }>;
    expect(phrases.some((phrase) => phrase.data.length === 1 && phrase.data[0]!.meta === '@sys.number-sequence')).toBe(true);
  });

  it('is an English agent with German, on the v2 API, calling the webhook', () => {
    const agent = read('agent.json');
    expect(agent).toMatchObject({ language: 'en', supportedLanguages: ['de'], onePlatformApiVersion: 'v2', enableOnePlatformApi: true });
    expect(agent.webhook.available).toBe(true);
    expect(agent.webhook.url).toMatch(/^https:\/\/[^/]+\.example\//);
    expect(read('package.json')).toEqual({ version: '1.0.0' });
  });

  it('holds exactly the contracted intents, named by file, each answered by the webhook', () => {
    const declared = Object.fromEntries(
      intents.map((intent) => [intent.name, Object.fromEntries(intent.responses[0]!.parameters.map((p) => [p.name, p.dataType]))]),
    );
    expect(declared).toEqual(CONTRACT);
    for (const [index, intent] of intents.entries()) {
      expect(intentFiles[index]).toBe(`${intent.name}.json`);
      expect(intent.webhookUsed, intent.name).toBe(true);
      for (const parameter of intent.responses[0]!.parameters) expect(parameter.value).toBe(`$${parameter.name}`);
      expect(intent.responses[0]!.messages.map((message) => message.lang).sort()).toEqual(['de', 'en']);
    }
    expect(new Set(intents.map((intent) => intent.id)).size).toBe(intents.length);
  });

  it('starts on the WELCOME event and falls back through the fallback intent', () => {
    const byName = Object.fromEntries(intents.map((intent) => [intent.name, intent]));
    expect(byName['Default Welcome Intent']!.events).toEqual([{ name: 'WELCOME' }]);
    expect(byName['Default Fallback Intent']!.fallbackIntent).toBe(true);
    expect(intents.filter((intent) => intent.fallbackIntent).map((intent) => intent.name)).toEqual(['Default Fallback Intent']);
  });

  it.each(['en', 'de'])('annotates %s training phrases with declared parameters, within Dialogflow limits', (lang) => {
    for (const intent of intents) {
      const file = `intents/${intent.name}_usersays_${lang}.json`;
      if (intent.fallbackIntent) continue;
      const phrases: Phrase[] = read(file);
      expect(phrases.length, file).toBeGreaterThan(0);
      // Dialogflow ES accepts at most 2,000 training phrases per intent and language.
      expect(phrases.length, file).toBeLessThanOrEqual(2000);
      const parameters = new Map(intent.responses[0]!.parameters.map((p) => [p.name, p.dataType]));
      for (const phrase of phrases) {
        expect(phrase.lang).toBe(lang);
        for (const part of phrase.data.filter((candidate) => candidate.alias)) {
          expect(parameters.get(part.alias!), `${file}: ${part.alias}`).toBe(part.meta);
          expect(part.userDefined).toBe(true);
          expect(part.text.trim().length).toBeGreaterThan(0);
        }
      }
      expect(new Set(phrases.map((phrase) => phrase.id)).size, file).toBe(phrases.length);
    }
  });

  it.each([
    ['en', 'en-US'],
    ['de', 'de-DE'],
  ] as const)('puts every %s catalog name and the aisle words in the product entity', (lang, locale) => {
    const entries: { value: string; synonyms: string[] }[] = read(`entities/product_entries_${lang}.json`);
    const values = new Set(entries.map((entry) => entry.value.toLowerCase()));
    expect(values.size).toBe(entries.length);
    for (const entry of entries) expect(entry.synonyms).toContain(entry.value);
    for (const product of catalog) expect(values, product.id).toContain(product.names[locale]!.toLowerCase());
    for (const product of catalog) expect(values, product.aisleId).toContain(product.aisle![locale]!.toLowerCase());
    expect(read('entities/product.json')).toMatchObject({ name: 'product', automatedExpansion: true, allowFuzzyExtraction: true });
  });

  it('sends the problem\'s id whichever language names it, and free text as said', () => {
    for (const lang of ['en', 'de']) {
      const entries: { value: string; synonyms: string[] }[] = read(`entities/problem_entries_${lang}.json`);
      expect(entries.map((entry) => entry.value).sort()).toEqual(['damaged', 'late', 'missing', 'wrong']);
      for (const entry of entries) expect(entry.synonyms).toContain(entry.value);
    }
    const german: { value: string; synonyms: string[] }[] = read('entities/problem_entries_de.json');
    expect(german.find((entry) => entry.synonyms.includes('beschädigt'))?.value).toBe('damaged');
    expect(german.find((entry) => entry.synonyms.includes('nicht angekommen'))?.value).toBe('late');
    expect(read('entities/problem.json')).toMatchObject({ name: 'problem', automatedExpansion: false });
  });

  it.each(['en', 'de'])('teaches the problem slot and the message with %s example words the entity knows, where they fit', (lang) => {
    const entries: { synonyms: string[] }[] = read(`entities/problem_entries_${lang}.json`);
    const known = new Set(entries.flatMap((entry) => entry.synonyms));
    const problemPhrases: Phrase[] = read(`intents/OrderProblemIntent_usersays_${lang}.json`);
    const examples = problemPhrases.flatMap((phrase) => phrase.data.filter((part) => part.alias === 'problem').map((part) => part.text));
    expect(examples.length).toBeGreaterThan(10);
    for (const example of examples) expect(known, example).toContain(example);
    const text = (phrase: Phrase) => phrase.data.map((part) => part.text).join('');
    const texts = problemPhrases.map(text);
    if (lang === 'en') {
      expect(texts).toContain('i got the wrong item');
      expect(texts.filter((phrase) => / from my /.test(phrase)).every((phrase) => phrase.includes('missing from my'))).toBe(true);
    } else {
      expect(texts.filter((phrase) => /^ich habe den \w+ Artikel/.test(phrase)).every((phrase) => /den (falschen|beschädigten|kaputten) Artikel/.test(phrase))).toBe(true);
      expect(texts.filter((phrase) => /^es \w+ (Artikel|Sachen|Produkte)$/.test(phrase)).every((phrase) => phrase.startsWith('es fehlen'))).toBe(true);
    }
    const replies: Phrase[] = read(`intents/HandoffReplyIntent_usersays_${lang}.json`);
    // A reply carries at most its message, always as free text ("tell them" alone asks what to pass on).
    const annotated = replies.flatMap((phrase) => phrase.data.filter((part) => part.alias));
    expect(annotated.length).toBeGreaterThan(20);
    expect(new Set(annotated.map((part) => `${part.alias} ${part.meta}`))).toEqual(new Set(['message @sys.any']));
    expect(replies.every((phrase) => phrase.data.filter((part) => part.alias).length <= 1)).toBe(true);
  });

  it('sends the language-neutral choice id whichever language the shopper speaks', () => {
    const english: { value: string; synonyms: string[] }[] = read('entities/choice_entries_en.json');
    const german: { value: string; synonyms: string[] }[] = read('entities/choice_entries_de.json');
    expect(german.map((entry) => entry.value)).toEqual(english.map((entry) => entry.value));
    expect(german.find((entry) => entry.synonyms.includes('günstigere'))?.value).toBe('cheaper');
  });
});
