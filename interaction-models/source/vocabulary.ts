/**
 * Words shared by many samples and slot types, per locale: the carriers shoppers wrap a request in, how they
 * name their cart, container words, generic grocery words, and the words that pick among search results.
 */
import { CHOICE_IDS, vocabularyFor, type WordForms } from '../../skill/core/i18n/vocabulary';
import type { ChoiceValue, GroceryTerm, OrderProblemValue, PerLocale, SlotKind } from './types';

/**
 * The words shoppers wrap a request in, per role, most common first. Each list is written once here and reaches
 * every sample through the macros below (`<ask>`, `<wish>`, `<thank>`…), so a new word lands in every phrasing that
 * carries the role. Dialogflow learns from fewer phrases (its classifier generalises), so its agent takes only the
 * head of each list: see DIALOGFLOW_CARRIER_WORDS. Templates never list these words by hand (carriers.test.ts).
 */
export const CARRIERS: PerLocale<Record<string, readonly string[]>> = {
  'en-US': {
    // Before a command verb: "please add…", "can you put…".
    ask: ['please', 'can you', 'could you', 'would you', 'can you please'],
    // Before an infinitive: "i'd like to add…", "i need to put…".
    wish: ["i'd like to", 'i want to', 'i need to', 'i would like to', 'i wanna'],
    // After a whole command: "…for me", "…please".
    thank: ['please', 'for me', 'for me please', 'thanks', 'thank you'],
  },
  'de-DE': {
    // Right after the imperative or before it: "setz bitte…", "bitte setz…".
    bitte: ['bitte', 'mal', 'bitte mal'],
    // A question puts the verb last: "kannst du Milch auf die Liste setzen".
    frage: ['kannst du', 'könntest du', 'würdest du', 'kannst du bitte', 'könntest du bitte', 'kannst du mal'],
    // A wish puts the verb last too: "ich möchte Milch auf die Liste setzen".
    wunsch: ['ich möchte', 'ich will', 'ich würde gern', 'ich würde gerne'],
    // After a whole command: "Milch auf die Liste, bitte".
    danke: ['bitte', 'danke'],
  },
};

/** Dialogflow's share of each carrier list (see CARRIERS). */
export const DIALOGFLOW_CARRIER_WORDS = 2;

/** Carrier roles whose macro may be left out ("[please] add…"); the others must be said ("<wish> add…"). */
const OPTIONAL_CARRIERS = new Set(['ask', 'thank', 'bitte', 'danke']);

/**
 * The one-word carriers a shopper may add or leave out anywhere without changing the request ("please", "thanks",
 * "bitte", "mal"): offline understanding drops them before matching a sample a second time.
 */
export function optionalCarrierWords(locale: keyof typeof CARRIERS): string[] {
  return [...new Set(Object.entries(CARRIERS[locale]).flatMap(([role, words]) => (OPTIONAL_CARRIERS.has(role) ? words.filter((word) => !word.includes(' ')) : [])))];
}

/**
 * The carrier macros of a locale, each role limited to its first `take` words: `<role>` as the role is used, and
 * `<role-said>` where the carrier must be there ("tell me…" alone opens a skill on Alexa; "please tell me…" does not).
 */
export function carrierMacros(locale: keyof typeof CARRIERS, take = Infinity): Record<string, string> {
  return Object.fromEntries(
    Object.entries(CARRIERS[locale]).flatMap(([role, words]) => {
      const kept = words.slice(0, take).join('|');
      return [
        [role, OPTIONAL_CARRIERS.has(role) ? `[${kept}]` : `(${kept})`],
        [`${role}-said`, `(${kept})`],
      ];
    }),
  );
}

/**
 * Macros used in sample templates. Cart, basket, list, shopping list and grocery list all mean the cart:
 * shoppers talk to a voice shop the way they talk about a shopping list on the fridge. The carrier macros
 * (CARRIERS) are part of every locale's set.
 */
export const MACROS: PerLocale<Record<string, string>> = {
  'en-US': {
    ...carrierMacros('en-US'),
    cart: '(cart|basket|list|shopping list|grocery list|shopping cart|shopping basket)',
    'my-cart': '(my|the) <cart>',
    // For the rarer phrasings: every cart word on every phrasing would swell the model past Dialogflow's
    // 2,000 phrases per intent without teaching either platform anything new.
    'my-list': '(my cart|my list|my shopping list|my grocery list)',
    // The list words people say with "on" and the cart words they say with "in": "put milk on the list", "in my cart".
    'list-word': '(list|shopping list|grocery list)',
    'cart-word': '(cart|basket|shopping cart)',
    // Whose list: shoppers say "my", "the", "our", and in a hurry nothing at all before a compound ("add milk to
    // shopping list"); a bare "list" or "cart" ("read me list") is not English, and the grammar check says so.
    whose: '(my|the|our)',
    'bare-list': '(shopping list|grocery list)',
    'a-list': '(<whose> (<list-word>|<cart-word>)|<bare-list>)',
    'the-list': '(<whose> <list-word>|<bare-list>)',
    'on-list': 'on <the-list>',
    'in-cart': 'in <whose> <cart-word>',
    some: '[some|a|an]',
    units: '(bottles|packs|boxes|bags|cans|cartons|jars|loaves|bunches|packages|cases)',
    unit: '(bottle|pack|box|bag|can|carton|jar|loaf|bunch|package|case)',
    // Who a shopper asks for when they want a person: "talk to a real person", "get me an agent".
    person: '(a person|a human|a real person|someone|somebody|an agent|a live agent|a representative|customer service|customer support|someone from the shop)',
    // Who "tell them …" goes to.
    them: '(them|the shop|the store|the person|the agent|customer service|the team)',
  },
  'de-DE': {
    ...carrierMacros('de-DE'),
    // German changes article and preposition with the noun's gender and case, so each use has its own macro.
    'zum-korb': '(in (den|meinen|unseren) (Warenkorb|Einkaufswagen|Korb)|auf (die|meine|unsere) (Liste|Einkaufsliste)|auf (den|meinen) Einkaufszettel)',
    'aus-korb': '(aus (dem|meinem|unserem) (Warenkorb|Einkaufswagen|Korb)|von (der|meiner|unserer) (Liste|Einkaufsliste)|von (dem|meinem) Einkaufszettel)',
    'im-korb': '(im (Warenkorb|Einkaufswagen|Korb)|in (meinem|unserem) (Warenkorb|Einkaufswagen|Korb)|auf (der|meiner|unserer) (Liste|Einkaufsliste)|auf (dem|meinem) Einkaufszettel)',
    'zum-korb-kurz': '(in den Warenkorb|in meinen Warenkorb|auf die Liste|auf meine Einkaufsliste)',
    // What a carrier-wrapped request names most ("setz bitte Eier auf die Einkaufsliste"): fewer forms than <zum-korb>,
    // since every carrier multiplies them.
    'korb-oder-liste': '(in (den|meinen) Warenkorb|auf (die|meine|unsere) (Liste|Einkaufsliste))',
    // Only a list is written on ("schreib Milch auf die Liste"); only from a list is something struck ("streich…").
    'auf-liste': '(auf (die|meine|unsere) (Liste|Einkaufsliste)|auf (den|meinen) Einkaufszettel)',
    'von-liste': '(von (der|meiner|unserer) (Liste|Einkaufsliste)|(vom|von meinem) Einkaufszettel)',
    'korb-akk': '((den|meinen) (Warenkorb|Einkaufswagen|Korb)|(die|meine|unsere) (Liste|Einkaufsliste)|(den|meinen) Einkaufszettel)',
    'korb-dat': '(zum Warenkorb|zu meinem Warenkorb|zum Einkaufswagen|zur Liste|zu meiner Liste|zu unserer Liste|zur Einkaufsliste|zu meiner Einkaufsliste|zu unserer Einkaufsliste)',
    etwas: '[etwas|noch|eine|einen|ein]',
    // The article as the case needs it: "was kostet der Käse", "streich den Käse".
    nominativ: '[der|die|das]',
    akkusativ: '[den|die|das]',
    // Containers, and the metric measures shoppers buy by ("zwei Liter Milch"). German puts the measure right
    // before the product, with nothing between to tell two slots apart, so here the measure is a fixed word
    // and the core hears a count; English has "of" and a measure slot (see MEASURES).
    einheiten: '(Flaschen|Packungen|Dosen|Tüten|Beutel|Gläser|Kartons|Kisten|Stück|Becher|Tafeln|Liter|Kilo|Gramm|Pfund)',
    // The article agrees with the container word in the accusative: eine Flasche, einen Beutel, einen Liter, ein Glas.
    'eine-einheit': '(eine (Flasche|Packung|Dose|Tüte|Kiste|Tafel)|einen (Beutel|Becher|Karton|Liter)|ein (Glas|Kilo|Pfund))',
    'mein-übliches': '(meinen üblichen|meine übliche|mein übliches|meinen gewohnten|meine gewohnte|mein gewohntes)',
    // Who a shopper asks for when they want a person, in the dative "mit" takes: "mit einem Mitarbeiter sprechen".
    'mit-mensch':
      '(mit einem Menschen|mit einem echten Menschen|mit einer Person|mit einer echten Person|mit jemandem|mit einem Mitarbeiter|' +
      'mit einer Mitarbeiterin|mit jemandem aus dem Laden|mit dem Kundenservice|mit dem Kundendienst|mit einem Berater|mit einer Beraterin)',
    // The same people after "zu" ("stell mich zu einem Mitarbeiter durch").
    'zu-mensch': '(zu einem Menschen|zu einer Person|zu jemandem|zu einem Mitarbeiter|zu einer Mitarbeiterin|zum Kundenservice|zum Kundendienst)',
    // As an object: "ich brauche einen Menschen".
    'einen-menschen': '(einen Menschen|einen echten Menschen|eine Person|eine echte Person|einen Mitarbeiter|eine Mitarbeiterin|jemanden vom Kundenservice)',
    // Who "tell them …" goes to: "sag ihnen …", "richte dem Laden aus …".
    'ihnen': '(ihnen|dem Laden|dem Kundenservice|dem Mitarbeiter|der Mitarbeiterin)',
  },
};

/**
 * What Dialogflow's agent is built with: the same macros with each carrier list cut to its head. Its classifier
 * generalises from "please add…" to "could you add…" and caps an intent at 2,000 phrases. Alexa gets every word:
 * virtual-alexa, which the tests and the exact-match share use, matches its samples word for word.
 */
export const DIALOGFLOW_MACROS: PerLocale<Record<string, string>> = {
  'en-US': { ...MACROS['en-US'], ...carrierMacros('en-US', DIALOGFLOW_CARRIER_WORDS) },
  'de-DE': {
    ...MACROS['de-DE'],
    ...carrierMacros('de-DE', DIALOGFLOW_CARRIER_WORDS),
    // "in unseren Warenkorb" on every German add phrasing would take AddToCart past 2,000 training phrases; the
    // classifier hears "unsere" from the carrier phrasings and the lists that keep it.
    'zum-korb': '(in (den|meinen) (Warenkorb|Einkaufswagen|Korb)|auf (die|meine) (Liste|Einkaufsliste)|auf (den|meinen) Einkaufszettel)',
    // The common containers teach it the shape "zwei Flaschen Cola"; every unit on every phrasing only costs phrases.
    einheiten: '(Flaschen|Packungen|Dosen|Gläser|Stück|Liter|Kilo)',
    'eine-einheit': '(eine (Flasche|Packung|Dose)|einen (Becher|Liter)|ein (Glas|Kilo))',
  },
};

/** Extra words per aisle, on top of the aisle's own name from the catalog. */
export const AISLE_SYNONYMS: PerLocale<Record<string, string[]>> = {
  'en-US': {
    coffee: ['coffee beans', 'ground coffee', 'espresso', 'decaf', 'coffee pods'],
    tea: ['tea bags', 'herbal tea', 'black tea'],
    milk: ['oat milk', 'almond milk', 'dairy milk', 'two percent milk', 'skimmed milk'],
    yogurt: ['yoghurt', 'greek yogurt', 'yogurts'],
    cheese: ['sliced cheese', 'cheddar', 'mozzarella'],
    butter: ['margarine'],
    eggs: ['egg', 'a dozen eggs'],
    bread: ['loaf of bread', 'toast', 'bagels'],
    cereal: ['breakfast cereal', 'muesli', 'granola', 'oatmeal', 'oats'],
    pasta: ['noodles', 'macaroni'],
    rice: ['white rice'],
    'pasta-sauce': ['tomato sauce', 'spaghetti sauce', 'pesto'],
    'canned-goods': ['canned food', 'canned tomatoes', 'beans', 'soup'],
    'cooking-oil': ['oil', 'olive oil', 'vegetable oil'],
    baking: ['flour', 'sugar', 'baking stuff'],
    spreads: ['peanut butter', 'jam', 'jelly', 'honey', 'nutella'],
    fruit: ['fruits', 'fresh fruit', 'apples', 'apple', 'banana', 'oranges', 'berries', 'grapes', 'avocado'],
    vegetables: ['veggies', 'veg', 'salad', 'lettuce', 'tomatoes', 'tomato', 'potatoes', 'potato', 'onions', 'onion', 'peppers', 'spinach'],
    meat: ['chicken', 'beef', 'ground beef', 'hamburger meat', 'pork', 'turkey', 'sausages', 'hot dogs', 'steak'],
    fish: ['seafood', 'salmon', 'tuna', 'shrimp', 'cod'],
    frozen: ['frozen food', 'frozen pizza', 'pizza', 'frozen vegetables', 'fries', 'fish sticks'],
    'ice-cream': ['icecream', 'gelato'],
    snacks: ['chips', 'crisps', 'potato chips', 'crackers', 'pretzels', 'nuts', 'popcorn'],
    chocolate: ['chocolate bar', 'candy bar', 'candy', 'dark chocolate'],
    cookies: ['biscuits', 'cookie'],
    soda: ['soft drinks', 'pop', 'soda pop', 'coke', 'lemonade'],
    water: ['bottled water', 'sparkling water', 'seltzer', 'mineral water'],
    juice: ['orange juice', 'oj', 'apple juice', 'fruit juice'],
    beer: ['beers', 'lager', 'ipa', 'six pack'],
    wine: ['red wine', 'white wine', 'bottle of wine', 'rose wine'],
    shampoo: ['hair shampoo', 'dandruff shampoo'],
    conditioner: ['hair conditioner'],
    soap: ['hand soap', 'body wash', 'shower gel', 'bar soap'],
    toothpaste: ['tooth paste', 'toothbrush', 'toothbrushes'],
    deodorant: ['deo', 'antiperspirant'],
    perfume: ['fragrance', 'cologne', 'eau de parfum', 'eau de toilette', 'scent'],
    laundry: ['laundry detergent', 'detergent', 'washing powder', 'fabric softener', 'laundry pods'],
    'dish-soap': ['dishwashing liquid', 'dish detergent', 'dishwasher tabs', 'dishwasher detergent'],
    'paper-towels': ['paper towel', 'kitchen roll', 'kitchen towels'],
    'toilet-paper': ['toilet roll', 'toilet rolls', 'toilet tissue', 'bathroom tissue', 'tp', 'tissues', 'kleenex'],
    'trash-bags': ['garbage bags', 'bin bags', 'trash can liners'],
    cleaning: ['cleaner', 'cleaning spray', 'window cleaner', 'household cleaner'],
    diapers: ['diaper', 'nappies', 'baby wipes', 'wipes'],
    'pet-food': ['cat food', 'dog food', 'kitty litter', 'cat litter', 'dog treats'],
    batteries: ['battery', 'double a batteries', 'triple a batteries', 'double a', 'triple a'],
  },
  'de-DE': {
    coffee: ['kaffeebohnen', 'gemahlener kaffee', 'espresso', 'kaffeepads', 'kaffeekapseln'],
    tea: ['teebeutel', 'kräutertee', 'schwarztee', 'früchtetee'],
    milk: ['hafermilch', 'haferdrink', 'mandelmilch', 'frischmilch', 'h milch'],
    yogurt: ['jogurt', 'joghurts', 'griechischer joghurt'],
    cheese: ['käsescheiben', 'reibekäse', 'mozzarella'],
    butter: ['margarine'],
    eggs: ['ei', 'zehn eier'],
    bread: ['toast', 'toastbrot', 'brötchen', 'bagels'],
    cereal: ['müsli', 'cerealien', 'frühstücksflocken', 'haferflocken', 'cornflakes'],
    pasta: ['pasta', 'spaghetti', 'makkaroni'],
    rice: ['weißer reis'],
    'pasta-sauce': ['tomatensoße', 'tomatensauce', 'pesto', 'soße'],
    'canned-goods': ['dosen', 'dosentomaten', 'bohnen', 'suppe'],
    'cooking-oil': ['öl', 'olivenöl', 'rapsöl'],
    baking: ['mehl', 'zucker', 'backpulver'],
    spreads: ['marmelade', 'konfitüre', 'honig', 'erdnussbutter', 'nutella'],
    fruit: ['früchte', 'äpfel', 'apfel', 'banane', 'orangen', 'beeren', 'trauben', 'avocado'],
    vegetables: ['salat', 'tomaten', 'tomate', 'kartoffeln', 'kartoffel', 'zwiebeln', 'zwiebel', 'paprika', 'spinat'],
    meat: ['hähnchen', 'hühnchen', 'rindfleisch', 'hackfleisch', 'hack', 'schweinefleisch', 'pute', 'würstchen', 'steak'],
    fish: ['meeresfrüchte', 'lachs', 'thunfisch', 'garnelen', 'kabeljau'],
    frozen: ['tiefkühlprodukte', 'tiefkühlpizza', 'pizza', 'pommes', 'fischstäbchen'],
    'ice-cream': ['eis', 'speiseeis'],
    snacks: ['chips', 'kartoffelchips', 'cracker', 'brezeln', 'salzstangen', 'nüsse', 'popcorn'],
    chocolate: ['schoki', 'schokoriegel', 'zartbitterschokolade'],
    cookies: ['kekse', 'plätzchen', 'keks'],
    soda: ['softdrinks', 'limo', 'cola', 'brause'],
    water: ['mineralwasser', 'sprudel', 'sprudelwasser', 'stilles wasser'],
    juice: ['orangensaft', 'o saft', 'apfelsaft', 'fruchtsaft'],
    beer: ['pils', 'weizen', 'ein sixpack'],
    wine: ['rotwein', 'weißwein', 'sekt', 'eine flasche wein'],
    shampoo: ['haarshampoo', 'schampoo'],
    conditioner: ['haarspülung', 'conditioner'],
    soap: ['handseife', 'duschgel', 'flüssigseife'],
    toothpaste: ['zahncreme', 'zahnbürste'],
    deodorant: ['deodorant', 'deoroller', 'deospray'],
    perfume: ['duft', 'eau de parfum', 'eau de toilette', 'parfum'],
    laundry: ['waschpulver', 'weichspüler', 'flüssigwaschmittel'],
    'dish-soap': ['spüli', 'geschirrspülmittel', 'spülmaschinentabs', 'tabs'],
    'paper-towels': ['küchenpapier', 'küchentücher'],
    'toilet-paper': ['klopapier', 'klorollen', 'klorolle', 'taschentücher'],
    'trash-bags': ['mülltüten', 'müllsäcke'],
    cleaning: ['putzmittel', 'reiniger', 'glasreiniger'],
    diapers: ['windel', 'feuchttücher'],
    'pet-food': ['katzenfutter', 'hundefutter', 'katzenstreu', 'tierfutter'],
    batteries: ['batterie', 'akkus'],
  },
};

/**
 * Common grocery words the demo shop does not sell. They belong in the product slot all the same: a
 * recogniser that knows "ketchup" hands us "ketchup", and the skill can say it has none instead of
 * mishearing it as something it sells.
 */
export const UNSOLD_TERMS: PerLocale<GroceryTerm[]> = {
  'en-US': [
    { value: 'ketchup' }, { value: 'mustard' }, { value: 'mayonnaise', synonyms: ['mayo'] }, { value: 'cottage cheese' },
    { value: 'sour cream' }, { value: 'heavy cream', synonyms: ['whipping cream'] }, { value: 'tofu' }, { value: 'hummus' },
    { value: 'salsa' }, { value: 'cake' }, { value: 'donuts' }, { value: 'light bulbs' }, { value: 'sunscreen' },
  ],
  'de-DE': [
    { value: 'ketchup' }, { value: 'senf' }, { value: 'mayonnaise', synonyms: ['mayo'] }, { value: 'quark' },
    { value: 'sahne', synonyms: ['schlagsahne'] }, { value: 'schmand' }, { value: 'tofu' }, { value: 'hummus' },
    { value: 'kuchen' }, { value: 'berliner' }, { value: 'glühbirnen' }, { value: 'sonnencreme' },
  ],
};

/**
 * Measures shoppers buy by, singular and plural ("a gallon of milk", "two pounds of ground beef"). With their
 * amount they fill the `measure` slot ("two pounds"), so the core reads the pack size asked for instead of a
 * count; the core's product-request parser knows every word here. English samples only: see the German unit macros.
 */
export const MEASURES: PerLocale<readonly WordForms[]> = {
  'en-US': vocabularyFor('en-US').measures,
  // No German sample uses the slot yet (see the unit macros); the values keep the entity valid and ready.
  'de-DE': vocabularyFor('de-DE').measures,
};

/** The amounts a measure comes in, spoken ("two pounds", "sixty four ounces"). */
export const MEASURE_AMOUNTS = [1, 2, 3, 4, 5, 6, 8, 10, 12, 16, 20, 24, 32, 64, 100, 200, 250, 500];

/**
 * Pack words with their count fill the same slot ("six cartons"): left outside every slot, the pack word was lost
 * and "six cartons of eggs" reached the core as "six eggs". The core's product-request parser knows each word.
 * English samples only, like the measures.
 */
export const PACK_COUNTS: PerLocale<readonly WordForms[]> = {
  'en-US': vocabularyFor('en-US').containers,
  'de-DE': vocabularyFor('de-DE').containers,
};

/** How many packs a shopper orders by voice in one breath. */
export const PACK_AMOUNTS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 24];

/** "a dozen", "two dozen": dozens are counted pieces, not packs, and say so to the core. */
export const DOZEN_AMOUNTS: PerLocale<number[]> = { 'en-US': [1, 2, 3, 4], 'de-DE': [] };

/**
 * The choice type's values: the core's choice words (i18n/<locale>/vocabulary.ts) with their ids, so the models
 * accept exactly what the core understands. "first" is left to the ordinal slot, which both platforms fill from
 * their own number types ("the first one", "das erste").
 */
export const CHOICES: ChoiceValue[] = CHOICE_IDS.filter((id) => id !== 'first').map((id) => ({
  id,
  words: { 'en-US': [...vocabularyFor('en-US').choices[id]], 'de-DE': [...vocabularyFor('de-DE').choices[id]] },
}));

/**
 * What can go wrong with an order, by id, with the words shoppers say for it: adjectives after "is" ("damaged",
 * "beschädigt"), the few forms German inflects before a noun ("den falschen Artikel"), and the clauses that say a
 * delivery never came ("never arrived", "nicht angekommen"). Alexa and Dialogflow resolve every word to the id, so
 * the core reads `damaged | missing | wrong | late` whatever the shopper said.
 */
export const ORDER_PROBLEMS: readonly OrderProblemValue[] = [
  {
    id: 'damaged',
    words: {
      'en-US': ['damaged', 'broken', 'crushed', 'smashed', 'leaking', 'leaky', 'spoiled', 'ruined', 'dented', 'torn', 'wet', 'squashed', 'cracked', 'moldy', 'rotten'],
      'de-DE': ['beschädigt', 'kaputt', 'zerbrochen', 'ausgelaufen', 'verdorben', 'zerdrückt', 'nass', 'eingedrückt', 'defekt', 'schimmelig', 'gerissen',
        'beschädigte', 'beschädigten', 'kaputte', 'kaputten', 'zerbrochene', 'zerbrochenen'],
    },
  },
  {
    id: 'missing',
    words: {
      'en-US': ['missing', 'incomplete', 'not there', 'not in the box', 'not included', 'left out'],
      'de-DE': ['fehlt', 'fehlen', 'unvollständig', 'nicht dabei', 'nicht drin', 'fehlende', 'fehlenden'],
    },
  },
  {
    id: 'wrong',
    words: {
      'en-US': ['wrong', 'incorrect', 'not what i ordered', 'mixed up'],
      'de-DE': ['falsch', 'vertauscht', 'falsche', 'falschen', 'nicht das was ich bestellt habe'],
    },
  },
  {
    id: 'late',
    words: {
      'en-US': ['late', 'delayed', 'overdue', 'lost', 'not here yet', 'still not here', 'not delivered', 'never delivered', 'never arrived', 'never came',
        "hasn't arrived", 'has not arrived', "didn't arrive", 'did not arrive', "didn't come", "still hasn't arrived", "hasn't come"],
      'de-DE': ['zu spät', 'verspätet', 'nicht angekommen', 'noch nicht angekommen', 'nie angekommen', 'noch nicht da', 'nicht da', 'verloren gegangen',
        'überfällig', 'nicht geliefert', 'noch nicht geliefert'],
    },
  },
];

/**
 * Where a slot stands in a sample decides which example words fit it in a Dialogflow training phrase: "my order is
 * {problem}" wants "damaged", "i got the {problem} item" wants "wrong", "es {problem} Artikel" wants "fehlen". The
 * first rule whose words match the word before (`before`) or after (`after`) the slot gives the examples; a rule
 * without either is the default. Every example must be a word the slot's type knows (interaction-models tests).
 */
export interface ExampleRule {
  before?: readonly string[];
  after?: readonly string[];
  examples: readonly string[];
}

export const SLOT_EXAMPLE_RULES: PerLocale<Partial<Record<SlotKind, readonly ExampleRule[]>>> = {
  'en-US': {
    problem: [
      // Before a noun: "the wrong item", "the damaged product".
      { after: ['item', 'items', 'product', 'products', 'order', 'delivery'], examples: ['wrong', 'damaged', 'broken'] },
      // "Items are missing from my order": only missing things are missing from something.
      { after: ['from'], examples: ['missing'] },
      // A clause right after what was ordered: "my order never arrived".
      { before: ['order', 'delivery', 'package', 'parcel', 'shipment', 'groceries'], examples: ['never arrived', "hasn't arrived", 'did not arrive'] },
      { examples: ['damaged', 'missing', 'late', 'wrong', 'broken', 'not here yet', 'incomplete', 'delayed'] },
    ],
    text: [{ examples: ['the box was wet', 'the eggs were broken', 'please call me back', 'thanks that helps', 'the milk is missing', 'yes please refund it'] }],
  },
  'de-DE': {
    problem: [
      // Before a masculine noun in the accusative: "den falschen Artikel"; before a feminine one: "die falsche Lieferung".
      { before: ['den', 'einen'], examples: ['falschen', 'beschädigten', 'kaputten'] },
      { before: ['die', 'eine'], examples: ['falsche', 'beschädigte', 'kaputte'] },
      // The verb: "es fehlt etwas", "es fehlen Artikel".
      { after: ['etwas', 'was'], examples: ['fehlt'] },
      { after: ['artikel', 'sachen', 'produkte', 'noch'], examples: ['fehlen'] },
      // How it arrived or came: "ist beschädigt angekommen", "kam zu spät".
      { after: ['angekommen'], examples: ['beschädigt', 'kaputt', 'zu spät', 'unvollständig', 'verspätet'] },
      { before: ['kommt', 'kam'], examples: ['zu spät', 'verspätet'] },
      { examples: ['beschädigt', 'kaputt', 'nicht angekommen', 'falsch', 'zu spät', 'unvollständig', 'verspätet', 'noch nicht da'] },
    ],
    text: [
      // After "dass" the verb goes last.
      { before: ['dass'], examples: ['die Kiste nass war', 'die Eier kaputt waren', 'ihr mich anrufen sollt'] },
      { before: ['bitte'], examples: ['die Kiste war nass', 'die Eier waren kaputt', 'danke das hilft'] },
      // "richte aus …", "teile mit …": a message opening with an article reads as "aus die …" to the grammar check, and to a learner.
      { before: ['aus', 'mit'], examples: ['bitte ruft mich an', 'danke das hilft', 'ich bin ab Montag zu Hause'] },
      { examples: ['die Kiste war nass', 'die Eier waren kaputt', 'bitte ruft mich an', 'danke das hilft', 'die Milch fehlt'] },
    ],
  },
};

/**
 * German product words with their gender ('pl' for words shoppers say in the plural), for the training phrases that
 * put an article before a product: Dialogflow learns from the example words it is given, and "lösche den Milch"
 * teaches it German no shopper speaks. The generator picks an example whose gender agrees with the article, and the
 * grammar check knows these nouns (generator/grammar.ts).
 */
export const GERMAN_PRODUCT_GENDERS: Readonly<Record<string, 'm' | 'f' | 'n' | 'pl'>> = {
  kaffee: 'm', käse: 'm', joghurt: 'm', tee: 'm', reis: 'm', saft: 'm', wein: 'm', zucker: 'm', honig: 'm', apfelsaft: 'm', orangensaft: 'm',
  salat: 'm', spinat: 'm', lachs: 'm', thunfisch: 'm', weichspüler: 'm', reiniger: 'm', senf: 'm', quark: 'm',
  milch: 'f', butter: 'f', schokolade: 'f', seife: 'f', zahnpasta: 'f', marmelade: 'f', banane: 'f', zahncreme: 'f', pizza: 'f', suppe: 'f',
  hafermilch: 'f', sahne: 'f', margarine: 'f', cola: 'f', limo: 'f', mayonnaise: 'f',
  brot: 'n', müsli: 'n', shampoo: 'n', wasser: 'n', bier: 'n', mehl: 'n', öl: 'n', olivenöl: 'n', deo: 'n', duschgel: 'n', waschmittel: 'n',
  spülmittel: 'n', toastbrot: 'n', eis: 'n', hackfleisch: 'n', mineralwasser: 'n', katzenfutter: 'n', hundefutter: 'n', klopapier: 'n',
  küchenpapier: 'n', pesto: 'n',
  eier: 'pl', nudeln: 'pl', bananen: 'pl', äpfel: 'pl', tomaten: 'pl', kartoffeln: 'pl', chips: 'pl', kekse: 'pl', windeln: 'pl', batterien: 'pl',
  zwiebeln: 'pl', brötchen: 'pl', haferflocken: 'pl', nüsse: 'pl',
};
