/**
 * Real shopping requests, phrased the way shoppers say them and written here rather than taken from the
 * samples, reach the right intent with the right product words in both virtual clients the acceptance
 * tests drive. virtual-alexa only fills a custom slot with a listed value or synonym, so these cases
 * prove the product slot covers how shoppers name products (name tails, the other number, the grocery
 * vocabulary) and that measures and "a dozen" have samples.
 */
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../../interaction-models/source/intents';
import { commandPhrases } from '../../../interaction-models/generator/command-words';
import { alexaRequest, dialogflowRequest, resolvedIds } from './virtual-client-requests';

interface ShopperCase {
  locale: 'en-US' | 'de-DE';
  say: string;
  intent: string;
  /** Slot words as heard, lower case. */
  slots: Record<string, string>;
  /** Ids Alexa's entity resolution must return for the product slot. */
  productIds?: string[];
  /** Where a client reads the utterance differently for a reason of its own, not of the model. */
  alexa?: { skip: string } | { slots: Record<string, string> };
  google?: { skip: string } | { slots: Record<string, string> };
}

// Both clients turn "add {quantity} {product}" into the pattern add(.*)(.*)…: the first, greedy group takes
// "three avocados" and the number check fails. No model can split two adjacent slots for them; real
// Alexa and Dialogflow can.
const ADJACENT_SLOTS = 'virtual-core cannot split two adjacent slots ({quantity} {product})';
// virtual-alexa reads German number words as nothing: it knows English number words and digits only.
const GERMAN_NUMBER_WORDS = 'virtual-alexa parses English number words only';

const CASES: ShopperCase[] = [
  { locale: 'en-US', say: 'do you have organic bananas', intent: 'SearchProductIntent', slots: { product: 'organic bananas' }, productIds: ['term:organic-p077'] },
  { locale: 'en-US', say: 'is there any peanut butter', intent: 'SearchProductIntent', slots: { product: 'peanut butter' } },
  { locale: 'en-US', say: 'put two cartons of eggs in my cart', intent: 'AddToCartIntent', slots: { product: 'eggs', measure: 'two cartons' } },
  { locale: 'de-DE', say: 'hast du bio bananen', intent: 'SearchProductIntent', slots: { product: 'bio bananen' } },
  { locale: 'de-DE', say: 'milch hinzufügen', intent: 'AddToCartIntent', slots: { product: 'milch' } },
  { locale: 'de-DE', say: 'die zweite', intent: 'SelectItemIntent', slots: { ordinal: 'zweite' } },
  { locale: 'en-US', say: 'find me some gluten free pasta', intent: 'SearchProductIntent', slots: { product: 'gluten free pasta' }, productIds: ['term:gluten-free-pasta'] },
  { locale: 'en-US', say: 'search for dark roast coffee', intent: 'SearchProductIntent', slots: { product: 'dark roast coffee' }, productIds: ['term:dark-roast-coffee'] },
  { locale: 'en-US', say: 'do you sell lawn mowers', intent: 'SearchProductIntent', slots: { product: 'lawn mowers' }, productIds: ['term:lawn-mower'] },
  {
    locale: 'en-US', say: 'add three avocados to my grocery list', intent: 'AddToCartIntent', slots: { product: 'avocados', quantity: 'three' },
    productIds: ['term:avocados'], alexa: { skip: ADJACENT_SLOTS }, google: { skip: ADJACENT_SLOTS },
  },
  { locale: 'en-US', say: 'put some avocados on my grocery list', intent: 'AddToCartIntent', slots: { product: 'avocados' }, productIds: ['term:avocados'] },
  { locale: 'en-US', say: 'i need a dozen eggs', intent: 'AddToCartIntent', slots: { product: 'eggs' }, productIds: ['aisle:eggs'] },
  { locale: 'en-US', say: 'add a dozen free range eggs to my list', intent: 'AddToCartIntent', slots: { product: 'free range eggs' }, productIds: ['p037'] },
  { locale: 'en-US', say: 'get me two pounds of ground beef', intent: 'AddToCartIntent', slots: { product: 'ground beef', measure: 'two pounds' } },
  { locale: 'en-US', say: 'add a gallon of skim milk', intent: 'AddToCartIntent', slots: { product: 'skim milk', measure: 'a gallon' },
    // Dialogflow hands over the entity's reference value, which the core reads the same way.
    google: { slots: { product: 'skim milk', measure: 'one gallon' } }, productIds: ['p015'] },
  { locale: 'en-US', say: 'we need two gallons of whole milk', intent: 'AddToCartIntent', slots: { product: 'whole milk', measure: 'two gallons' }, productIds: ['p012', 'p013'] },
  { locale: 'en-US', say: 'add a banana', intent: 'AddToCartIntent', slots: { product: 'banana' }, productIds: ['p077'] },
  { locale: 'en-US', say: "i'm looking for almond milk", intent: 'SearchProductIntent', slots: { product: 'almond milk' } },
  { locale: 'en-US', say: 'put whole wheat bread on my shopping list', intent: 'AddToCartIntent', slots: { product: 'whole wheat bread' }, productIds: ['p039'] },
  { locale: 'en-US', say: 'add two cans of chickpeas to my cart', intent: 'AddToCartIntent', slots: { product: 'chickpeas', measure: 'two cans' }, productIds: ['p063'] },
  { locale: 'en-US', say: 'how much are red grapes', intent: 'SearchProductIntent', slots: { product: 'red grapes' }, productIds: ['term:red-grapes'] },
  { locale: 'en-US', say: 'i need dishwasher pods', intent: 'AddToCartIntent', slots: { product: 'dishwasher pods' }, productIds: ['term:dishwasher-pods'] },
  { locale: 'en-US', say: 'do you carry frozen strawberries', intent: 'SearchProductIntent', slots: { product: 'frozen strawberries' } },
  { locale: 'en-US', say: 'show me the dog food', intent: 'SearchProductIntent', slots: { product: 'dog food' } },
  { locale: 'en-US', say: 'remove the avocados from my cart', intent: 'RemoveFromCartIntent', slots: { product: 'avocados' } },
  { locale: 'en-US', say: "we're running out of skim milk", intent: 'AddToCartIntent', slots: { product: 'skim milk' }, productIds: ['p015'] },
  { locale: 'en-US', say: 'order my usual almond milk', intent: 'ReorderIntent', slots: { product: 'almond milk' } },
  { locale: 'en-US', say: 'what kind of hot sauce do you have', intent: 'SearchProductIntent', slots: { product: 'hot sauce' }, productIds: ['term:hot-sauce'] },
  { locale: 'en-US', say: 'i would like some sweet potatoes', intent: 'AddToCartIntent', slots: { product: 'sweet potatoes' }, productIds: ['term:sweet-potato'] },

  { locale: 'de-DE', say: 'setz 2 liter milch auf meine einkaufsliste', intent: 'AddToCartIntent', slots: { product: 'milch', quantity: '2' }, productIds: ['aisle:milk'] },
  {
    locale: 'de-DE', say: 'setz zwei liter milch auf meine einkaufsliste', intent: 'AddToCartIntent', slots: { product: 'milch', quantity: 'zwei' },
    alexa: { skip: GERMAN_NUMBER_WORDS },
  },
  { locale: 'de-DE', say: 'habt ihr rasenmäher', intent: 'SearchProductIntent', slots: { product: 'rasenmäher' }, productIds: ['term:rasenmäher'] },
  { locale: 'de-DE', say: 'ich brauche hafermilch', intent: 'AddToCartIntent', slots: { product: 'hafermilch' }, productIds: ['aisle:milk'] },
  { locale: 'de-DE', say: 'ich suche vollkornbrot', intent: 'SearchProductIntent', slots: { product: 'vollkornbrot' }, productIds: ['p039'] },
  { locale: 'de-DE', say: 'leg klopapier in den warenkorb', intent: 'AddToCartIntent', slots: { product: 'klopapier' } },
  { locale: 'de-DE', say: 'gibt es avocados', intent: 'SearchProductIntent', slots: { product: 'avocados' }, productIds: ['p083'] },
  { locale: 'de-DE', say: 'kauf ein kilo kartoffeln', intent: 'AddToCartIntent', slots: { product: 'kartoffeln' } },
  { locale: 'de-DE', say: 'pack 3 dosen kichererbsen in den warenkorb', intent: 'AddToCartIntent', slots: { product: 'kichererbsen', quantity: '3' }, productIds: ['p063'] },
  { locale: 'de-DE', say: 'was kostet der rotwein', intent: 'SearchProductIntent', slots: { product: 'rotwein' } },
  { locale: 'de-DE', say: 'wir brauchen toilettenpapier', intent: 'AddToCartIntent', slots: { product: 'toilettenpapier' }, productIds: ['p185'] },
  { locale: 'de-DE', say: 'habt ihr auch glutenfreie nudeln', intent: 'SearchProductIntent', slots: { product: 'glutenfreie nudeln' }, productIds: ['term:glutenfreie-nudeln'] },
  { locale: 'de-DE', say: 'ich brauche eine packung hackfleisch', intent: 'AddToCartIntent', slots: { product: 'hackfleisch' } },
  { locale: 'de-DE', say: 'nimm die zitronen von der liste', intent: 'RemoveFromCartIntent', slots: { product: 'zitronen' }, productIds: ['p084'] },
  { locale: 'de-DE', say: 'zeig mir räucherlachs', intent: 'SearchProductIntent', slots: { product: 'räucherlachs' }, productIds: ['term:räucherlachs'] },
  { locale: 'de-DE', say: 'kauf mir kaffeefilter', intent: 'AddToCartIntent', slots: { product: 'kaffeefilter' }, productIds: ['term:kaffeefilter'] },
];

const ALEXA_LAUNCH_WORDS = /ask|tell|open|launch|talk to/i;

describe('the shopper utterance list', () => {
  it('avoids the words virtual-alexa turns into a launch request anywhere in an utterance (bespoken/virtual-alexa#72)', () => {
    // "basket" holds "ask", "Bestellung" holds "tell": either would test the client's regex, not our model.
    expect(CASES.filter((testCase) => ALEXA_LAUNCH_WORDS.test(testCase.say)).map((testCase) => testCase.say)).toEqual([]);
  });

  it('is not made of sample phrases copied verbatim', () => {
    const copied = CASES.filter((testCase) => {
      const withSlots = INTENTS.flatMap((intent) => [...intent.samples[testCase.locale]]);
      return commandPhrases(INTENTS, testCase.locale).has(testCase.say) || withSlots.includes(testCase.say);
    });
    expect(copied.map((testCase) => testCase.say)).toEqual([]);
  });
});

describe('shoppers in virtual-alexa', () => {
  for (const testCase of CASES) {
    const override = testCase.alexa;
    it.skipIf(override !== undefined && 'skip' in override)(`${testCase.locale}: "${testCase.say}" → ${testCase.intent}`, async () => {
      const request = await alexaRequest(testCase.locale, testCase.say);
      expect(request.type).toBe('IntentRequest');
      expect(request.intent?.name).toBe(testCase.intent);
      const expected = override && 'slots' in override ? override.slots : testCase.slots;
      const slots = request.intent?.slots ?? {};
      const heard = Object.fromEntries(
        Object.entries(slots).filter(([, slot]) => slot.value).map(([name, slot]) => [name, slot.value!.toLowerCase()]),
      );
      expect(heard).toEqual(expected);
      if (testCase.productIds) expect(resolvedIds(slots.product).sort()).toEqual([...testCase.productIds].sort());
    });
  }
});

describe('shoppers in virtual-google-assistant', () => {
  for (const testCase of CASES) {
    const override = testCase.google;
    it.skipIf(override !== undefined && 'skip' in override)(`${testCase.locale}: "${testCase.say}" → ${testCase.intent}`, async () => {
      const result = await dialogflowRequest(testCase.locale, testCase.say);
      expect(result.intent.displayName).toBe(testCase.intent);
      const expected = override && 'slots' in override ? override.slots : testCase.slots;
      const heard = Object.fromEntries(
        Object.entries(result.parameters).filter(([, value]) => String(value) !== '').map(([name, value]) => [name, String(value).toLowerCase()]),
      );
      expect(heard).toEqual(expected);
    });
  }
});
