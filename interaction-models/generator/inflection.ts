/**
 * English singular ↔ plural of the last word of a product phrase ("hass avocados" → "hass avocado",
 * "free range egg" → "free range eggs"). Shoppers say either number, and a recogniser that only knows one
 * form hands us nothing for the other. German plurals are too irregular for rules: the German vocabulary
 * lists them by hand instead.
 */

/** Plurals no suffix rule produces, singular → plural. */
const IRREGULAR_PLURALS: Readonly<Record<string, string>> = {
  loaf: 'loaves',
  leaf: 'leaves',
  knife: 'knives',
  half: 'halves',
  shelf: 'shelves',
  potato: 'potatoes',
  tomato: 'tomatoes',
  mango: 'mangoes',
  mouse: 'mice',
  goose: 'geese',
  tooth: 'teeth',
  child: 'children',
  cookie: 'cookies',
  brownie: 'brownies',
  smoothie: 'smoothies',
  veggie: 'veggies',
  pie: 'pies',
  tie: 'ties',
  calorie: 'calories',
  hoagie: 'hoagies',
  pierogi: 'pierogies',
};

const IRREGULAR_SINGULARS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(IRREGULAR_PLURALS).map(([singular, plural]) => [plural, singular]),
);

/**
 * Words shoppers do not count ("two rices" is nobody's request) and words whose plural is the singular.
 * A phrase ending in one gets no other number.
 */
const UNCOUNTED = new Set([
  'milk', 'rice', 'coffee', 'tea', 'water', 'juice', 'bread', 'butter', 'cheese', 'yogurt', 'yoghurt', 'flour',
  'sugar', 'salt', 'pepper', 'honey', 'oil', 'pasta', 'spaghetti', 'macaroni', 'meat', 'beef', 'pork', 'chicken',
  'fish', 'seafood', 'shrimp', 'salmon', 'tuna', 'cod', 'trout', 'broccoli', 'spinach', 'lettuce', 'garlic',
  'cereal', 'granola', 'muesli', 'oatmeal', 'popcorn', 'chocolate', 'candy', 'soda', 'beer', 'wine', 'shampoo',
  'conditioner', 'soap', 'toothpaste', 'deodorant', 'perfume', 'cologne', 'parfum', 'toilette', 'detergent',
  'softener', 'laundry', 'food', 'litter', 'ketchup', 'mustard', 'mayonnaise', 'mayo', 'cream', 'hummus', 'tofu',
  'jam', 'jelly', 'lemonade', 'bacon', 'ham', 'salami', 'pepperoni', 'paper', 'foil', 'gum', 'corn', 'dough',
  'soup', 'broth', 'stock', 'cocoa', 'vanilla', 'cinnamon', 'ginger', 'mint', 'basil', 'oregano', 'parsley',
  'cilantro', 'dill', 'thyme', 'rosemary', 'paprika', 'cumin', 'turmeric', 'nutmeg', 'celery', 'kale',
  'cabbage', 'asparagus', 'cauliflower', 'produce', 'fruit', 'ice', 'gelato', 'sherbet', 'sorbet', 'cider',
  'vodka', 'whiskey', 'rum', 'gin', 'tequila', 'champagne', 'prosecco', 'ale', 'lager', 'stout', 'espresso',
  'decaf', 'kombucha', 'syrup', 'molasses', 'vinegar', 'sauce', 'salsa', 'guacamole', 'pesto', 'margarine',
  'ghee', 'lard', 'quinoa', 'couscous', 'bulgur', 'barley', 'oats', 'wheat', 'bran', 'tahini', 'miso', 'kimchi',
  'sauerkraut', 'yeast', 'gelatin', 'cornstarch', 'glitter', 'bleach', 'ammonia', 'lotion', 'sunscreen',
  'mouthwash', 'floss', 'hairspray', 'mascara', 'lipstick', 'makeup', 'formula', 'ibuprofen', 'acetaminophen',
  'aspirin', 'medicine', 'insulin', 'tissue', 'wrap', 'plastic', 'aluminum', 'charcoal', 'firewood', 'mulch',
  'fertilizer', 'birdseed', 'kibble', 'hay', 'sand', 'sushi', 'tempura', 'lasagna', 'ravioli', 'tortellini',
  'gnocchi', 'mozzarella', 'ricotta', 'feta', 'brie', 'gouda', 'cheddar', 'parmesan', 'provolone', 'penne', 'fusilli', 'linguine', 'fettuccine', 'rigatoni', 'orzo', 'ramen', 'udon', 'soba',
  'chili', 'stew', 'jerky', 'trail', 'mix', 'deli', 'sandwich', 'sheep', 'deer', 'moose', 'series', 'species',
  'news', 'glass', 'grass', 'moss', 'swiss', 'citrus', 'octopus', 'cactus',
  'lemongrass', 'watercress', 'bass', 'plus', 'bonus', 'gas', 'tennis',
]);

/** Function and number words never take a plural: "free and clear" stays as it is. */
const NOT_NOUNS = new Set(['and', 'or', 'of', 'with', 'no', 'the', 'a', 'an', 'de', 'in', 'for', 'one', 'two', 'three', 'four',
  'five', 'six', 'seven', 'eight', 'nine', 'ten', 'percent', 'point', 'free', 'soft', 'dry', 'light', 'plain', 'fresh']);

export function englishPlural(word: string): string | undefined {
  if (UNCOUNTED.has(word) || NOT_NOUNS.has(word) || word.length < 3 || !/^[a-z]+$/.test(word)) return undefined;
  const irregular = IRREGULAR_PLURALS[word];
  if (irregular) return irregular;
  if (IRREGULAR_SINGULARS[word] || looksPlural(word)) return undefined;
  if (/(s|x|z|ch|sh)$/.test(word)) return `${word}es`;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

export function englishSingular(word: string): string | undefined {
  if (UNCOUNTED.has(word) || NOT_NOUNS.has(word) || word.length < 4 || !/^[a-z]+$/.test(word)) return undefined;
  const irregular = IRREGULAR_SINGULARS[word];
  if (irregular) return irregular;
  if (!looksPlural(word)) return undefined;
  if (/[^aeiou]ies$/.test(word)) return `${word.slice(0, -3)}y`;
  if (/(ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (/[^aeiou]oes$/.test(word)) return word.slice(0, -2);
  return word.slice(0, -1);
}

/** Ends in a plural "s", not in the "s" of "hummus", "swiss" or "analysis". */
function looksPlural(word: string): boolean {
  return /s$/.test(word) && !/(ss|us|is)$/.test(word);
}

/**
 * The phrase with its last word in the other number, when English has one: "hass avocados" → ["hass avocado"],
 * "lawn mower" → ["lawn mowers"], "whole milk" → [].
 */
export function otherNumberForms(phrase: string): string[] {
  const words = phrase.split(' ');
  const last = words.at(-1);
  if (!last) return [];
  const head = words.slice(0, -1);
  return [englishSingular(last), englishPlural(last)]
    .filter((form): form is string => form !== undefined && form !== last)
    .map((form) => [...head, form].join(' '));
}
