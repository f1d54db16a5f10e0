/**
 * The generated models, loaded into the two virtual clients the e2e tests drive (virtual-alexa and
 * virtual-google-assistant), resolve what shoppers say, including phrasings that are not literally in the
 * samples, to the right intent and slot values.
 *
 * Both clients match utterances against expanded samples literally (no NLU), so these cases prove the
 * samples and slot values cover the phrase, not that Alexa's or Dialogflow's models generalise. Each case
 * uses a fresh client: virtual-alexa carries dialog-model slots from one intent into the next within a
 * session, which would make a later case inherit an earlier case's quantity.
 */
import { describe, expect, it } from 'vitest';
import { alexaRequest, dialogflowRequest, resolvedIds } from './virtual-client-requests';

interface Case {
  locale: 'en-US' | 'de-DE';
  say: string;
  /** The neutral intent; Alexa built-ins are looked up through `alexaIntent`. */
  intent: string;
  slots?: Record<string, string>;
  /** Entity-resolution ids Alexa must return for the product or choice slot. */
  ids?: Record<string, string[]>;
  /** Why a client cannot take this utterance (a known limitation of that client, not of the model). */
  skipAlexa?: string;
  skipGoogle?: string;
}

const ALEXA_BUILT_INS: Record<string, string> = {
  HelpIntent: 'AMAZON.HelpIntent',
  StopIntent: 'AMAZON.StopIntent',
  CancelIntent: 'AMAZON.CancelIntent',
  YesIntent: 'AMAZON.YesIntent',
  NoIntent: 'AMAZON.NoIntent',
  MoreIntent: 'AMAZON.MoreIntent',
};

// virtual-alexa treats any utterance containing "ask", "tell", "open", "launch" or "talk to" as a launch
// request (an unanchored regex), which swallows "basket" and every German "Bestellung".
const ALEXA_LAUNCH_WORD = 'virtual-alexa reads "ask"/"tell" inside a word as a launch request';

// Dialogflow's agent takes only the head of each carrier list (its classifier generalises from "please add…" to
// "could you add…"); virtual-google-assistant matches literally, so it hears only those heads.
const DIALOGFLOW_CARRIER_HEAD = 'Dialogflow trains with the first carriers only; virtual-google-assistant does not generalise';

const CASES: Case[] = [
  { locale: 'en-US', say: 'put some oat milk on my grocery list', intent: 'AddToCartIntent', slots: { product: 'oat milk' }, ids: { product: ['p018'] } },
  { locale: 'en-US', say: 'add two bottles of cola to my cart', intent: 'AddToCartIntent', slots: { product: 'cola', measure: 'two bottles' }, ids: { product: ['p131'] } },
  { locale: 'en-US', say: 'i need bananas', intent: 'AddToCartIntent', slots: { product: 'bananas' }, ids: { product: ['p077'] } },
  { locale: 'en-US', say: "we're out of toilet paper", intent: 'AddToCartIntent', slots: { product: 'toilet paper' } },
  { locale: 'en-US', say: 'get me three cans of black beans', intent: 'AddToCartIntent', slots: { product: 'black beans', measure: 'three cans' } },
  { locale: 'en-US', say: 'add whole milk to my shopping list', intent: 'AddToCartIntent', slots: { product: 'whole milk' }, ids: { product: ['p012', 'p013'] } },
  { locale: 'en-US', say: 'put oat milk in my basket', intent: 'AddToCartIntent', slots: { product: 'oat milk' }, skipAlexa: ALEXA_LAUNCH_WORD },
  { locale: 'en-US', say: "what's on my shopping list", intent: 'ReadCartIntent' },
  { locale: 'en-US', say: 'what do i have in my cart', intent: 'ReadCartIntent' },
  { locale: 'en-US', say: 'take the bananas off my list', intent: 'RemoveFromCartIntent', slots: { product: 'bananas' }, ids: { product: ['p077'] } },
  { locale: 'en-US', say: 'remove ground coffee from my grocery list', intent: 'RemoveFromCartIntent', slots: { product: 'ground coffee' }, ids: { product: ['p001', 'p002'] } },
  { locale: 'en-US', say: 'empty my shopping cart', intent: 'ClearCartIntent' },
  { locale: 'en-US', say: 'search for coffee', intent: 'SearchProductIntent', slots: { product: 'coffee' }, ids: { product: ['aisle:coffee'] } },
  { locale: 'en-US', say: 'do you have any shampoo', intent: 'SearchProductIntent', slots: { product: 'shampoo' } },
  { locale: 'en-US', say: 'do you sell ketchup', intent: 'SearchProductIntent', slots: { product: 'ketchup' }, ids: { product: ['term:ketchup'] } },
  { locale: 'en-US', say: 'the cheaper one', intent: 'SelectItemIntent', slots: { choice: 'cheaper' }, ids: { choice: ['cheaper'] } },
  { locale: 'en-US', say: "i'll take the second one", intent: 'SelectItemIntent', slots: { ordinal: 'second' } },
  { locale: 'en-US', say: 'check out', intent: 'CheckoutIntent' },
  { locale: 'en-US', say: 'i want to pay', intent: 'CheckoutIntent' },
  { locale: 'en-US', say: 'my pin is 1234', intent: 'VoicePinIntent', slots: { pin: '1234' } },
  { locale: 'en-US', say: "where's my order", intent: 'OrderStatusIntent' },
  { locale: 'en-US', say: 'when will my delivery arrive', intent: 'OrderStatusIntent' },
  { locale: 'en-US', say: 'cancel', intent: 'CancelIntent' },
  { locale: 'en-US', say: 'cancel my order', intent: 'CancelOrderIntent' },
  { locale: 'en-US', say: 'order my usual coffee', intent: 'ReorderIntent', slots: { product: 'coffee' }, ids: { product: ['aisle:coffee'] } },
  { locale: 'en-US', say: 'repeat my last order', intent: 'ReorderIntent' },
  { locale: 'en-US', say: "what's running low", intent: 'ReplenishmentIntent' },
  { locale: 'en-US', say: 'what do i need', intent: 'ReplenishmentIntent' },
  { locale: 'en-US', say: 'remind me to reorder my perfume', intent: 'EnableRemindersIntent', slots: { product: 'perfume' } },
  { locale: 'en-US', say: 'stop reminding me about perfume', intent: 'StopRemindersIntent', slots: { product: 'perfume' } },
  { locale: 'en-US', say: 'stop all reminders', intent: 'StopRemindersIntent' },
  { locale: 'en-US', say: 'what do you remind me about', intent: 'ListRemindersIntent' },
  { locale: 'en-US', say: 'delete my data', intent: 'DeleteMyDataIntent' },
  { locale: 'en-US', say: 'help', intent: 'HelpIntent' },
  { locale: 'en-US', say: 'yes please', intent: 'YesIntent' },
  { locale: 'en-US', say: 'no thanks', intent: 'NoIntent' },
  { locale: 'en-US', say: 'what else', intent: 'MoreIntent' },
  { locale: 'en-US', say: 'stop', intent: 'StopIntent' },

  { locale: 'de-DE', say: 'setz Hafermilch auf meine Einkaufsliste', intent: 'AddToCartIntent', slots: { product: 'hafermilch' }, ids: { product: ['aisle:milk'] } },
  { locale: 'de-DE', say: 'leg 2 Flaschen Cola in den Warenkorb', intent: 'AddToCartIntent', slots: { product: 'cola', quantity: '2' }, ids: { product: ['p131'] } },
  // virtual-alexa knows English number words only; Dialogflow takes the German ones.
  { locale: 'de-DE', say: 'leg zwei Flaschen Cola in den Warenkorb', intent: 'AddToCartIntent', slots: { product: 'cola', quantity: 'zwei' }, skipAlexa: 'virtual-alexa parses English number words only' },
  { locale: 'de-DE', say: 'ich brauche Bananen', intent: 'AddToCartIntent', slots: { product: 'bananen' }, ids: { product: ['p077'] } },
  { locale: 'de-DE', say: 'pack Röstkaffee in meinen Einkaufswagen', intent: 'AddToCartIntent', slots: { product: 'röstkaffee' }, ids: { product: ['p001', 'p002'] } },
  { locale: 'de-DE', say: 'was steht auf meiner Liste', intent: 'ReadCartIntent' },
  { locale: 'de-DE', say: 'nimm die Bananen von der Liste', intent: 'RemoveFromCartIntent', slots: { product: 'bananen' } },
  { locale: 'de-DE', say: 'leere meinen Warenkorb', intent: 'ClearCartIntent' },
  { locale: 'de-DE', say: 'such nach Kaffee', intent: 'SearchProductIntent', slots: { product: 'kaffee' }, ids: { product: ['aisle:coffee'] } },
  { locale: 'de-DE', say: 'die günstigere', intent: 'SelectItemIntent', slots: { choice: 'günstigere' }, ids: { choice: ['cheaper'] } },
  { locale: 'de-DE', say: 'zur Kasse', intent: 'CheckoutIntent' },
  { locale: 'de-DE', say: 'meine PIN ist 1234', intent: 'VoicePinIntent', slots: { pin: '1234' } },
  { locale: 'de-DE', say: 'wo ist meine Bestellung', intent: 'OrderStatusIntent', skipAlexa: ALEXA_LAUNCH_WORD },
  { locale: 'de-DE', say: 'storniere meine Bestellung', intent: 'CancelOrderIntent', skipAlexa: ALEXA_LAUNCH_WORD },
  { locale: 'de-DE', say: 'kauf meinen üblichen Kaffee', intent: 'ReorderIntent', slots: { product: 'kaffee' } },
  { locale: 'de-DE', say: 'was brauche ich', intent: 'ReplenishmentIntent' },
  { locale: 'de-DE', say: 'erinnere mich nicht mehr an Parfüm', intent: 'StopRemindersIntent', slots: { product: 'parfüm' } },
  { locale: 'de-DE', say: 'lösche meine Daten', intent: 'DeleteMyDataIntent' },
  { locale: 'de-DE', say: 'Hilfe', intent: 'HelpIntent' },
  { locale: 'de-DE', say: 'ja bitte', intent: 'YesIntent' },
  { locale: 'de-DE', say: 'nein danke', intent: 'NoIntent' },

  // Carriers, determiners and list words as shoppers say them: each reaches its intent, the product slot holds the
  // product and never a carrier word, and no carrier pulls a request to a neighbouring intent.
  { locale: 'en-US', say: 'please add milk to the grocery list', intent: 'AddToCartIntent', slots: { product: 'milk' }, ids: { product: ['aisle:milk'] } },
  { locale: 'en-US', say: 'can you add eggs to our shopping list', intent: 'AddToCartIntent', slots: { product: 'eggs' } },
  { locale: 'en-US', say: 'could you put bananas on the list', intent: 'AddToCartIntent', slots: { product: 'bananas' }, skipGoogle: DIALOGFLOW_CARRIER_HEAD },
  { locale: 'en-US', say: "i'd like to add coffee to my cart", intent: 'AddToCartIntent', slots: { product: 'coffee' } },
  { locale: 'en-US', say: 'add rice to shopping list for me', intent: 'AddToCartIntent', slots: { product: 'rice' } },
  { locale: 'en-US', say: 'put dish soap on my grocery list please', intent: 'AddToCartIntent', slots: { product: 'dish soap' } },
  { locale: 'en-US', say: 'add shampoo please', intent: 'AddToCartIntent', slots: { product: 'shampoo' } },
  { locale: 'en-US', say: "what's on the list for today", intent: 'ReadCartIntent' },
  { locale: 'en-US', say: 'read me my list for shopping', intent: 'ReadCartIntent' },
  { locale: 'en-US', say: 'can you read me our grocery list', intent: 'ReadCartIntent' },
  { locale: 'en-US', say: 'what do i have on my grocery list', intent: 'ReadCartIntent' },
  { locale: 'en-US', say: 'cross out bread from shopping list', intent: 'RemoveFromCartIntent', slots: { product: 'bread' } },
  { locale: 'en-US', say: 'please take eggs off the shopping list', intent: 'RemoveFromCartIntent', slots: { product: 'eggs' } },
  { locale: 'en-US', say: 'scratch butter off my list', intent: 'RemoveFromCartIntent', slots: { product: 'butter' } },
  { locale: 'en-US', say: 'please clear the grocery list', intent: 'ClearCartIntent' },
  { locale: 'en-US', say: "where's my package", intent: 'OrderStatusIntent' },
  { locale: 'en-US', say: 'when will my order arrive', intent: 'OrderStatusIntent' },
  { locale: 'en-US', say: 'can you track my order', intent: 'OrderStatusIntent' },
  { locale: 'en-US', say: 'order my usual', intent: 'ReorderIntent' },
  { locale: 'en-US', say: 'get me the usual', intent: 'ReorderIntent' },
  { locale: 'en-US', say: 'buy it again', intent: 'ReorderIntent' },
  { locale: 'en-US', say: 'please place the order', intent: 'CheckoutIntent' },
  { locale: 'en-US', say: 'sure', intent: 'YesIntent' },
  { locale: 'en-US', say: 'yeah go ahead', intent: 'YesIntent' },
  { locale: 'en-US', say: 'nope', intent: 'NoIntent' },
  { locale: 'de-DE', say: 'setz bitte Eier auf die Einkaufsliste', intent: 'AddToCartIntent', slots: { product: 'eier' } },
  { locale: 'de-DE', say: 'pack Butter in den Warenkorb', intent: 'AddToCartIntent', slots: { product: 'butter' } },
  { locale: 'de-DE', say: 'kannst du Kaffee auf meine Liste setzen', intent: 'AddToCartIntent', slots: { product: 'kaffee' } },
  { locale: 'de-DE', say: 'ich möchte Butter auf unsere Einkaufsliste setzen', intent: 'AddToCartIntent', slots: { product: 'butter' } },
  { locale: 'de-DE', say: 'Milch auf die Liste bitte', intent: 'AddToCartIntent', slots: { product: 'milch' } },
  { locale: 'de-DE', say: 'streich Brot von der Liste', intent: 'RemoveFromCartIntent', slots: { product: 'brot' } },
  { locale: 'de-DE', say: 'lies mir meine Liste vor', intent: 'ReadCartIntent' },
  { locale: 'de-DE', say: 'kannst du mir die Einkaufsliste vorlesen', intent: 'ReadCartIntent' },
  { locale: 'de-DE', say: 'wo ist mein Paket', intent: 'OrderStatusIntent' },
  { locale: 'de-DE', say: 'bestell das Übliche', intent: 'ReorderIntent', skipAlexa: ALEXA_LAUNCH_WORD },
  { locale: 'de-DE', say: 'ja klar', intent: 'YesIntent' },
  { locale: 'de-DE', say: 'mach das', intent: 'YesIntent' },

  // A person from the shop (issue 13): asked for, an order problem resolved to its id, and "tell them …" as said.
  { locale: 'en-US', say: 'talk to a person', intent: 'HumanHandoffIntent', skipAlexa: ALEXA_LAUNCH_WORD },
  { locale: 'en-US', say: 'i want to speak to someone', intent: 'HumanHandoffIntent' },
  { locale: 'en-US', say: 'customer service', intent: 'HumanHandoffIntent' },
  { locale: 'en-US', say: 'can i speak to a real person', intent: 'HumanHandoffIntent' },
  { locale: 'en-US', say: 'get me an agent', intent: 'HumanHandoffIntent' },
  { locale: 'en-US', say: 'my order arrived damaged', intent: 'OrderProblemIntent', slots: { problem: 'damaged' }, ids: { problem: ['damaged'] } },
  { locale: 'en-US', say: 'items are missing', intent: 'OrderProblemIntent', slots: { problem: 'missing' }, ids: { problem: ['missing'] } },
  { locale: 'en-US', say: 'i got the wrong item', intent: 'OrderProblemIntent', slots: { problem: 'wrong' }, ids: { problem: ['wrong'] } },
  { locale: 'en-US', say: 'my delivery is late', intent: 'OrderProblemIntent', slots: { problem: 'late' }, ids: { problem: ['late'] } },
  { locale: 'en-US', say: "there's a problem with my order", intent: 'OrderProblemIntent' },
  { locale: 'en-US', say: 'reply i will be in on monday', intent: 'HandoffReplyIntent', slots: { message: 'i will be in on monday' } },
  { locale: 'en-US', say: 'tell them the box was wet', intent: 'HandoffReplyIntent', slots: { message: 'the box was wet' }, skipAlexa: 'an Alexa sample never opens with "tell" (the launch phrase); Alexa\'s own NLU generalises from "please tell them"' },
  { locale: 'de-DE', say: 'mit einem Menschen sprechen', intent: 'HumanHandoffIntent' },
  { locale: 'de-DE', say: 'Kundenservice', intent: 'HumanHandoffIntent' },
  { locale: 'de-DE', say: 'ich möchte mit jemandem sprechen', intent: 'HumanHandoffIntent' },
  { locale: 'de-DE', say: 'verbinde mich mit einem Mitarbeiter', intent: 'HumanHandoffIntent' },
  { locale: 'de-DE', say: 'meine Lieferung ist beschädigt', intent: 'OrderProblemIntent', slots: { problem: 'beschädigt' }, ids: { problem: ['damaged'] } },
  { locale: 'de-DE', say: 'es fehlen Artikel', intent: 'OrderProblemIntent', slots: { problem: 'fehlen' }, ids: { problem: ['missing'] } },
  { locale: 'de-DE', say: 'ich habe den falschen Artikel bekommen', intent: 'OrderProblemIntent', slots: { problem: 'falschen' }, ids: { problem: ['wrong'] } },
  { locale: 'de-DE', say: 'meine Bestellung ist nicht angekommen', intent: 'OrderProblemIntent', slots: { problem: 'nicht angekommen' }, ids: { problem: ['late'] }, skipAlexa: ALEXA_LAUNCH_WORD },
  { locale: 'de-DE', say: 'sag ihnen die Kiste war nass', intent: 'HandoffReplyIntent', slots: { message: 'die kiste war nass' } },
  { locale: 'de-DE', say: 'antworte ja gerne', intent: 'HandoffReplyIntent', slots: { message: 'ja gerne' } },
];

describe('generated Alexa models in virtual-alexa', () => {
  for (const testCase of CASES) {
    it.skipIf(testCase.skipAlexa !== undefined)(`${testCase.locale}: "${testCase.say}" → ${testCase.intent}`, async () => {
      const request = await alexaRequest(testCase.locale, testCase.say);
      expect(request.type).toBe('IntentRequest');
      expect(request.intent?.name).toBe(ALEXA_BUILT_INS[testCase.intent] ?? testCase.intent);
      const slots = request.intent?.slots ?? {};
      for (const [name, value] of Object.entries(testCase.slots ?? {})) {
        expect(slots[name]?.value?.toLowerCase(), `slot ${name}`).toBe(value.toLowerCase());
      }
      for (const [name, ids] of Object.entries(testCase.ids ?? {})) {
        expect(resolvedIds(slots[name]).sort(), `resolution of ${name}`).toEqual([...ids].sort());
      }
      // A slot the shopper did not fill must arrive empty, never with a stray value.
      const filled = Object.entries(slots).filter(([, slot]) => slot.value).map(([name]) => name);
      expect(filled.sort()).toEqual(Object.keys(testCase.slots ?? {}).sort());
    });
  }

  it('starts a session with a LaunchRequest on the invocation name', async () => {
    const request = await alexaRequest('en-US', 'open vocart shop');
    expect(request.type).toBe('LaunchRequest');
  });
});

describe('generated Dialogflow agent in virtual-google-assistant', () => {
  for (const testCase of CASES) {
    it.skipIf(testCase.skipGoogle !== undefined)(`${testCase.locale}: "${testCase.say}" → ${testCase.intent}`, async () => {
      const result = await dialogflowRequest(testCase.locale, testCase.say);
      expect(result.intent.displayName).toBe(testCase.intent);
      const expected = Object.fromEntries(
        Object.entries(testCase.slots ?? {}).map(([name, value]) => {
          // The choice entity's reference value is its language-neutral id, as Dialogflow would send it.
          const reference = name === 'choice' || name === 'problem' ? testCase.ids?.[name]?.[0] ?? value : value;
          return [name, reference.toLowerCase()];
        }),
      );
      const received = Object.fromEntries(Object.entries(result.parameters).map(([name, value]) => [name, String(value).toLowerCase()]));
      expect(received).toEqual(expected);
    });
  }
});
