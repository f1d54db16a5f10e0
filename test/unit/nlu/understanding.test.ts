/**
 * Offline understanding as the console, `npm run chat` and nlu:eval rely on it: typed text reaches the neutral
 * model's intent with the slots a platform would fill, in both locales. Each locale is trained once for the file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createUnderstanding, FALLBACK_INTENT, type Understanding } from '../../../lambda/nlu/index';
import { NluError } from '../../../lambda/nlu/errors';

let english: Understanding;
let german: Understanding;

beforeAll(async () => {
  [english, german] = await Promise.all([createUnderstanding('en-US'), createUnderstanding('de-DE')]);
});

async function reads(understanding: Understanding, utterance: string) {
  const { intent, slots } = await understanding.understand(utterance);
  return { intent, slots };
}

describe('intents and product words, en-US', () => {
  it.each([
    ['please add milk to the grocery list', 'AddToCartIntent', 'milk'],
    ['put hamburger on my grocery list', 'AddToCartIntent', 'hamburger'],
    ['could you add peanut butter to my list for me', 'AddToCartIntent', 'peanut butter'],
    ['add butter and eggs to my shopping list', 'AddToCartIntent', 'butter and eggs'],
    ['cross out bread from shopping list', 'RemoveFromCartIntent', 'bread'],
    ['take the eggs off my list', 'RemoveFromCartIntent', 'eggs'],
    ['do you have almond milk', 'SearchProductIntent', 'almond milk'],
    ['oat milk', 'SearchProductIntent', 'oat milk'],
    ['remind me to reorder coffee', 'EnableRemindersIntent', 'coffee'],
  ])('"%s" → %s with product "%s"', async (utterance, intent, product) => {
    const understood = await reads(english, utterance);
    expect(understood.intent).toBe(intent);
    expect(understood.slots.product).toBe(product);
  });

  it.each([
    ['read me my list for shopping', 'ReadCartIntent'],
    ["what's on my shopping list", 'ReadCartIntent'],
    ['can you order my usual', 'ReorderIntent'],
    ["where's my package", 'OrderStatusIntent'],
    ['cancel my last order', 'CancelOrderIntent'],
    ['clear my cart', 'ClearCartIntent'],
    ["i'm ready to pay", 'CheckoutIntent'],
    ['what am i running low on', 'ReplenishmentIntent'],
    ['delete my data', 'DeleteMyDataIntent'],
  ])('"%s" → %s, with no product', async (utterance, intent) => {
    expect(await reads(english, utterance)).toEqual({ intent, slots: {} });
  });
});

describe('intents and product words, de-DE', () => {
  it.each([
    ['setz milch auf meine einkaufsliste', 'AddToCartIntent', 'milch'],
    ['leg bitte zwei packungen nudeln in den warenkorb', 'AddToCartIntent', 'nudeln'],
    ['ich brauche noch brot', 'AddToCartIntent', 'brot'],
    ['nimm die milch von der liste', 'RemoveFromCartIntent', 'milch'],
    ['habt ihr mandelmilch', 'SearchProductIntent', 'mandelmilch'],
  ])('"%s" → %s with product "%s"', async (utterance, intent, product) => {
    const understood = await reads(german, utterance);
    expect(understood.intent).toBe(intent);
    expect(understood.slots.product).toBe(product);
  });

  it.each([
    ['was steht auf meiner einkaufsliste', 'ReadCartIntent'],
    ['wo ist meine bestellung', 'OrderStatusIntent'],
    ['zur kasse', 'CheckoutIntent'],
  ])('"%s" → %s', async (utterance, intent) => {
    expect((await reads(german, utterance)).intent).toBe(intent);
  });
});

describe('amounts', () => {
  it('reads a count as digits and keeps it out of the product', async () => {
    expect(await reads(english, 'add two bananas')).toEqual({ intent: 'AddToCartIntent', slots: { quantity: '2', product: 'bananas' } });
    expect(await reads(english, 'add 3 apples to my cart')).toMatchObject({ slots: { quantity: '3', product: 'apples' } });
  });

  it('puts a pack count or a measure in the measure slot, with its pack word', async () => {
    expect(await reads(english, "I'd like two cartons of oat milk")).toEqual({ intent: 'AddToCartIntent', slots: { measure: 'two cartons', product: 'oat milk' } });
    expect(await reads(english, 'add two pounds of ground beef to my cart')).toMatchObject({ slots: { measure: 'two pounds', product: 'ground beef' } });
  });

  it('leaves the amount the core reads by itself out of the product words', async () => {
    expect((await reads(english, 'grab me a bag of rice')).slots.product).toBe('rice');
    expect((await reads(english, 'add a dozen eggs to my list')).slots.product).toBe('eggs');
  });

  it('reads German number words with the core parser', async () => {
    expect(await reads(german, 'leg drei äpfel in den warenkorb')).toMatchObject({ intent: 'AddToCartIntent', slots: { quantity: '3', product: 'äpfel' } });
  });
});

describe('PIN, selection and short answers', () => {
  it('reads a PIN said in words, with or without a carrier, as VoicePinIntent', async () => {
    expect(await reads(english, 'my pin is one two three four')).toEqual({ intent: 'VoicePinIntent', slots: { pin: '1234' } });
    expect(await reads(english, 'one two three four')).toEqual({ intent: 'VoicePinIntent', slots: { pin: '1234' } });
    expect(await reads(german, 'meine pin ist eins zwei drei vier')).toEqual({ intent: 'VoicePinIntent', slots: { pin: '1234' } });
  });

  it('reads ordinals as positions and selection words as said', async () => {
    expect(await reads(english, 'the second one')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: '2' } });
    expect(await reads(english, 'the cheaper one')).toEqual({ intent: 'SelectItemIntent', slots: { choice: 'cheaper' } });
    expect(await reads(german, 'das zweite')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: '2' } });
    expect(await reads(english, 'number three')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: '3' } });
  });

  it.each([
    [() => english, 'yes', 'YesIntent'],
    [() => english, 'yes please', 'YesIntent'],
    [() => english, 'no thanks', 'NoIntent'],
    [() => german, 'ja bitte', 'YesIntent'],
    [() => german, 'nein danke', 'NoIntent'],
  ])('%#: "%s" → %s', async (understanding, utterance, intent) => {
    expect(await reads(understanding(), utterance)).toEqual({ intent, slots: {} });
  });
});

describe('words the catalog knows but that describe something else', () => {
  it('are read both as a product and as no product, and the more certain reading wins', async () => {
    expect(await reads(english, 'read back my list')).toEqual({ intent: 'ReadCartIntent', slots: {} });
    expect((await reads(english, 'could you stick hamburger on the list')).intent).toBe('AddToCartIntent');
  });
});

describe('typed text', () => {
  it('reads unit abbreviations typed after an amount as said', async () => {
    expect(await reads(english, 'I need 3 lbs of chicken')).toMatchObject({ intent: 'AddToCartIntent', slots: { measure: 'three pounds', product: 'chicken' } });
  });

  it('reads contractions typed without their apostrophe as the samples write them', async () => {
    expect(await english.understand('whats on my list')).toMatchObject({ intent: 'ReadCartIntent', exact: true });
    expect(await reads(english, 'im out of milk')).toEqual({ intent: 'AddToCartIntent', slots: { product: 'milk' } });
  });
});

describe('politeness', () => {
  it('does not keep a turn from matching a sample', async () => {
    expect(await reads(english, 'milk please')).toEqual({ intent: 'SearchProductIntent', slots: { product: 'milk' } });
    expect(await reads(english, 'the second one thank you')).toEqual({ intent: 'SelectItemIntent', slots: { ordinal: '2' } });
    expect(await reads(german, 'zeig mal meine liste')).toEqual({ intent: 'ReadCartIntent', slots: {} });
  });
});

describe('what is no request', () => {
  it.each([[() => english, 'blorf zindle quee'], [() => english, 'tell me a joke'], [() => german, 'blorf zindel quack'], [() => english, '  ?! ']])(
    '%#: "%s" is FallbackIntent with no slots',
    async (understanding, utterance) => {
      expect(await reads(understanding(), utterance)).toEqual({ intent: FALLBACK_INTENT, slots: {} });
    },
  );

  it('hears no yes or no in a request that merely contains one, since a simulated yes could confirm an order', async () => {
    expect(await reads(german, 'mach das Licht an')).toEqual({ intent: FALLBACK_INTENT, slots: {} });
    expect(await reads(english, 'yes turn on the lights')).toEqual({ intent: FALLBACK_INTENT, slots: {} });
    expect(await reads(english, 'yes please do that')).toEqual({ intent: 'YesIntent', slots: {} });
  });

  it('keeps an unknown product where the rest of the request asks for something', async () => {
    expect(await reads(english, 'add blorf to my list')).toEqual({ intent: 'AddToCartIntent', slots: { product: 'blorf' } });
  });
});

describe('exact', () => {
  it('is true for a sample of the generated Alexa model, whatever the case and punctuation', async () => {
    const understood = await english.understand('Add milk to my cart!');
    expect(understood).toMatchObject({ utterance: 'Add milk to my cart!', intent: 'AddToCartIntent', exact: true, score: 1 });
  });

  it('is false for words no sample holds, even when the intent is found', async () => {
    const understood = await english.understand('add milk to my cart pronto');
    expect(understood.exact).toBe(false);
    expect(understood.intent).toBe('AddToCartIntent');
  });

  it('is false for FallbackIntent', async () => {
    expect((await german.understand('blorf zindel quack')).exact).toBe(false);
  });
});

describe('building', () => {
  it('trains each locale once and hands out the same understanding', async () => {
    expect(await createUnderstanding('en-US')).toBe(english);
  });

  it('answers a typed turn in a few milliseconds', async () => {
    await english.understand('please add milk to the grocery list');
    const start = performance.now();
    for (let i = 0; i < 20; i += 1) await english.understand('could you put some vanilla oat milk on the list for me');
    expect((performance.now() - start) / 20).toBeLessThan(25);
  });

  it('refuses an unknown locale and a missing model with a typed error', async () => {
    await expect(createUnderstanding('fr-FR' as never)).rejects.toBeInstanceOf(NluError);
    await expect(createUnderstanding('en-US', { alexaModelPath: '/nonexistent/en-US.json' })).rejects.toThrow(/cannot read the generated Alexa model/);
  });
});

describe('the wake word and the invocation', () => {
  it('are not part of the request, as on Alexa', async () => {
    expect(await english.understand('Alexa, ask vocart shop to add milk to my list')).toMatchObject({ intent: 'AddToCartIntent', slots: { product: 'milk' }, exact: true });
    expect(await reads(english, 'add eggs to my cart with vocart shop')).toEqual({ intent: 'AddToCartIntent', slots: { product: 'eggs' } });
    expect(await reads(german, 'Alexa, sage vocart laden setz milch auf die liste')).toEqual({ intent: 'AddToCartIntent', slots: { product: 'milch' } });
  });

  it('alone they open the skill', async () => {
    expect(await reads(english, 'alexa open vocart shop')).toEqual({ intent: 'WelcomeIntent', slots: {} });
    expect(await reads(german, 'öffne vocart laden')).toEqual({ intent: 'WelcomeIntent', slots: {} });
  });
});
