/**
 * Carriers and determiners multiply through macros: the grammar check must catch the phrases a careless template
 * makes, and every phrase the generator writes for either platform must pass it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { alexaSamples } from '../../../interaction-models/generator/alexa';
import { dialogflowAgent, phraseText } from '../../../interaction-models/generator/dialogflow';
import { productSlotValues } from '../../../interaction-models/generator/product-values';
import { readCatalog } from '../../../interaction-models/generator/catalog-source';
import { GERMAN_PRODUCT_GENDERS } from '../../../interaction-models/source/vocabulary';
import { ModelError } from '../../../interaction-models/generator/errors';
import { assertGrammatical, GrammarError, grammarProblem } from '../../../interaction-models/generator/grammar';
import { INTENTS } from '../../../interaction-models/source/intents';
import type { IntentSource } from '../../../interaction-models/source/types';

const modelsDir = fileURLToPath(new URL('../../../interaction-models/', import.meta.url));

describe('grammarProblem', () => {
  it.each([
    ['add to my the list', 'two determiners'],
    ['add {product} to my the list', 'two determiners'],
    ['put {product} on on my list', 'twice in a row'],
    ['add {product} to on my list', 'two prepositions'],
    ['add {product} to', 'ends on "to"'],
    ['put {product} on the', 'ends on "the"'],
    ['add {product} could you', 'dangling carrier'],
    ['could you', 'dangling carrier'],
    ["add {product} i'd like to", 'ends on "to"'],
    ['please please add {product}', 'twice in a row'],
    ['read me list', '"list" without a determiner'],
    ['put {product} in cart', '"cart" without a determiner'],
  ])('en-US: rejects "%s" (%s)', (sample, rule) => {
    expect(grammarProblem(sample, 'en-US')).toContain(rule);
  });

  it.each([
    ['setz {product} auf die meine Liste', 'two determiners'],
    ['pack {product} in in den Warenkorb', 'twice in a row'],
    ['kannst du {product} auf die Liste', 'needs its verb at the end'],
    ['lies mir die', 'ends on "die"'],
    ['kannst du', 'dangling carrier'],
    // Case and gender (issue 12): the patterns German training phrases had.
    ['such nach einen {product}', '"nach" takes the dative, not "einen"'],
    ['suche bitte nach ein {product}', '"nach" takes the dative, not "ein"'],
    ['nimm {product} aus die Liste', '"aus" takes the dative, not "die"'],
    ['lösche der {product}', '"lösche" takes an accusative object, not "der"'],
    ['streich dem {product} von der Liste', '"streich" takes an accusative object, not "dem"'],
    ['den {ordinal} Produkt', '"den" does not agree with "produkt"'],
    ['nimm die zweite Produkt', '"die" does not agree with "produkt"'],
    ['leg {product} in die Warenkorb', '"die" does not agree with "warenkorb"'],
    ['pack ein Liter {product} in den Warenkorb', '"ein liter" is the object here: "einen liter"'],
    ['leg ein Beutel {product} in den Warenkorb', '"ein beutel" is the object here: "einen beutel"'],
    // Issue 12: articles that do not agree with the product word a training phrase gives as its example.
    ['lösche den Milch', '"den" does not agree with "milch"'],
    ['leg eine Käse in den Warenkorb', '"eine" does not agree with "käse"'],
    ['erinnere mich an das Eier', '"das" does not agree with "eier"'],
    ['ich habe keinen Butter mehr', '"keinen" does not agree with "butter"'],
    ['bestell meine übliche Kaffee', '"meine" does not agree with "kaffee"'],
    ['verbinde mich mit einer Mitarbeiter', '"einer" does not agree with "mitarbeiter"'],
  ])('de-DE: rejects "%s" (%s)', (sample, rule) => {
    expect(grammarProblem(sample, 'de-DE')).toContain(rule);
  });

  it.each([
    ['en-US', 'could you please add {product} to our grocery list'],
    ['en-US', 'take {product} out of my cart'],
    ['en-US', 'what does my cart come to'],
    ['en-US', 'add {product} to shopping list for me'],
    ['en-US', 'list the items in my cart'],
    ['en-US', 'clear the whole list'],
    ['de-DE', 'kannst du {product} auf meine Liste setzen'],
    ['de-DE', 'schalte Erinnerungen aus'],
    ['de-DE', 'was kannst du'],
    ['de-DE', 'ich möchte {product}'],
    ['de-DE', 'such nach einem {product}'],
    ['de-DE', 'suche einen {product}'],
    ['de-DE', 'lösche den {product} aus dem Warenkorb'],
    ['de-DE', 'das {ordinal} Produkt'],
    ['de-DE', 'pack einen Liter {product} in den Warenkorb'],
    ['de-DE', 'leg zwei Liter {product} auf die Liste'],
    ['de-DE', 'lösche die ganze Liste'],
    ['de-DE', 'lösche den ganzen Warenkorb'],
    ['de-DE', 'streich {product} von meiner Liste'],
    ['de-DE', 'nimm {product} aus den Tüten'],
    ['de-DE', 'leg mir ein Glas {product} in den Korb'],
    ['de-DE', 'lösche die Milch'],
    ['de-DE', 'lösche den Kaffee aus dem Warenkorb'],
    ['de-DE', 'erinnere mich an meine Eier'],
    ['de-DE', 'ich habe keine Butter mehr'],
    ['de-DE', 'bestell meinen üblichen Kaffee'],
    ['de-DE', 'ein Artikel ist beschädigt'],
    ['de-DE', 'ich habe den falschen Artikel bekommen'],
    ['de-DE', 'verbinde mich mit einem Mitarbeiter'],
    ['en-US', 'is there someone i can talk to'],
  ] as const)('%s: accepts "%s"', (locale, sample) => {
    expect(grammarProblem(sample, locale)).toBeUndefined();
  });

  it('throws a typed error naming the sample and the rule', () => {
    let caught: unknown;
    try {
      assertGrammatical(['add {product} to my list', 'add {product} to my the list'], 'en-US', 'test');
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(GrammarError);
    expect(caught).toBeInstanceOf(ModelError);
    expect((caught as GrammarError).name).toBe('GrammarError');
    expect((caught as GrammarError).sample).toBe('add {product} to my the list');
    expect((caught as Error).message).toContain('two determiners');
  });
});

describe('the generator', () => {
  const careless: IntentSource = {
    name: 'CarelessIntent',
    slots: [{ name: 'product', kind: 'product' }],
    samples: { 'en-US': ['<ask> add {product} to <whose> the list'], 'de-DE': ['setz {product} auf die Liste'] },
  };

  it('fails the build on an ungrammatical template, on either platform', () => {
    expect(() => alexaSamples([careless], 'en-US')).toThrow(GrammarError);
    expect(() => dialogflowAgent([careless], { 'en-US': [], 'de-DE': [] }, ['en-US'])).toThrow(GrammarError);
  });

  it.each(['en-US', 'de-DE'] as const)('writes only grammatical %s samples for Alexa', (locale) => {
    const model = JSON.parse(readFileSync(`${modelsDir}alexa/skill-package/interactionModels/custom/${locale}.json`, 'utf8'));
    const samples: string[] = model.interactionModel.languageModel.intents.flatMap((intent: { samples: string[] }) => intent.samples);
    expect(samples.filter((sample) => grammarProblem(sample, locale))).toEqual([]);
    // The same from the source, so a failure names the intent.
    expect(() => alexaSamples(INTENTS, locale)).not.toThrow();
  });

  it.each([
    ['en', 'en-US'],
    ['de', 'de-DE'],
  ] as const)('writes only grammatical %s training phrases for Dialogflow', (lang, locale) => {
    const dir = `${modelsDir}google/dialogflow/intents/`;
    const phrases = readdirSync(dir)
      .filter((file) => file.endsWith(`_usersays_${lang}.json`))
      .flatMap((file) => JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as { data: { text: string; alias?: string }[] }[])
      .map((phrase) => phrase.data.map((part) => (part.alias ? `{${part.alias}}` : part.text)).join(''));
    expect(phrases.filter((phrase) => grammarProblem(phrase, locale))).toEqual([]);
  });

  it('writes German training phrases whose articles agree with the product word they show Dialogflow', () => {
    const dir = `${modelsDir}google/dialogflow/intents/`;
    const ARTICLES = /^(der|die|das|den|dem|ein|eine|einen|einem|einer|mein|meine|meinen|meinem|kein|keine|keinen)$/;
    let checked = 0;
    for (const file of readdirSync(dir).filter((name) => name.endsWith('_usersays_de.json'))) {
      for (const phrase of JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as { data: { text: string; alias?: string }[] }[]) {
        expect(grammarProblem(phraseText(phrase), 'de-DE'), `${file}: ${phraseText(phrase)}`).toBeUndefined();
        phrase.data.forEach((part, index) => {
          if (part.alias !== 'product') return;
          const before = phrase.data[index - 1]?.text.trim().split(' ').at(-1)?.toLowerCase() ?? '';
          if (!ARTICLES.test(before)) return;
          checked += 1;
          // After an article only product words whose gender is known, so the check above could judge them.
          expect(Object.keys(GERMAN_PRODUCT_GENDERS), `${file}: ${phraseText(phrase)}`).toContain(part.text);
        });
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('gives a German article in a template only product examples that agree with it', () => {
    const catalog = readCatalog(fileURLToPath(new URL('../../../skill/data/demo-catalog.json', import.meta.url)));
    const values = { 'en-US': productSlotValues(catalog, 'en-US'), 'de-DE': productSlotValues(catalog, 'de-DE') };
    const intent: IntentSource = {
      name: 'ArticleIntent',
      slots: [{ name: 'product', kind: 'product' }],
      samples: { 'en-US': ['remove {product}'], 'de-DE': ['(lösche|streiche) den {product}', 'nimm die {product} raus', 'lies das {product} vor'] },
    };
    const phrases = dialogflowAgent([intent], values, ['de-DE']).find((file) => file.path === 'intents/ArticleIntent_usersays_de.json')!.json as { data: { text: string; alias?: string }[] }[];
    const gender = (phrase: { data: { text: string; alias?: string }[] }) => GERMAN_PRODUCT_GENDERS[phrase.data.find((part) => part.alias)!.text];
    expect(phrases.map(phraseText).filter((text) => text.includes(' den ')).length).toBe(2);
    for (const phrase of phrases) {
      const article = phraseText(phrase).split(' ').find((word) => ['den', 'die', 'das'].includes(word));
      expect(gender(phrase), phraseText(phrase)).toBe({ den: 'm', die: 'f', das: 'n' }[article!]);
    }
  });
});
