/** The words the core listens for in English (see vocabulary-types.ts). */
import type { PackUnit, Vocabulary, WordForms } from '../vocabulary-types';

/** Measure words, spoken and written, and the unit a size is written in ("two pounds" → "2 lb"). */
const MEASURE_UNITS = {
  gallon: 'gallon', gallons: 'gallon', liter: 'liter', liters: 'liter', litre: 'liter', litres: 'liter',
  quart: 'quart', quarts: 'quart', pint: 'pint', pints: 'pint', ounce: 'oz', ounces: 'oz', oz: 'oz', pound: 'lb',
  pounds: 'lb', lb: 'lb', lbs: 'lb', gram: 'g', grams: 'g', kilogram: 'kg', kilograms: 'kg', kilo: 'kg',
  kilos: 'kg', milliliter: 'ml', milliliters: 'ml', ml: 'ml',
} as const;

/** Pack words and the pack each counts. */
const PACK_UNITS = {
  bottle: 'bottle', bottles: 'bottle', can: 'can', cans: 'can', tin: 'can', tins: 'can', box: 'box', boxes: 'box',
  bag: 'bag', bags: 'bag', jar: 'jar', jars: 'jar', pack: 'pack', packs: 'pack', package: 'pack', packages: 'pack',
  packet: 'pack', packets: 'pack', carton: 'carton', cartons: 'carton', loaf: 'loaf', loaves: 'loaf',
  bunch: 'bunch', bunches: 'bunch', piece: 'piece', pieces: 'piece', dozen: 'dozen',
} as const satisfies Record<string, PackUnit>;

// The models' lists are drawn from the words above: the type checker refuses a measure or container the core would not read.
const measures: readonly WordForms<keyof typeof MEASURE_UNITS>[] = [
  ['gallon', 'gallons'], ['pound', 'pounds'], ['ounce', 'ounces'], ['quart', 'quarts'],
  ['pint', 'pints'], ['liter', 'liters'], ['kilo', 'kilos'], ['gram', 'grams'],
];
const containers: readonly WordForms<keyof typeof PACK_UNITS>[] = [
  ['carton', 'cartons'], ['pack', 'packs'], ['package', 'packages'], ['box', 'boxes'], ['bag', 'bags'], ['can', 'cans'],
  ['bottle', 'bottles'], ['jar', 'jars'], ['loaf', 'loaves'], ['bunch', 'bunches'],
];

export const enUSVocabulary: Vocabulary = {
  choices: {
    cheaper: ['cheaper', 'cheapest', 'less expensive', 'least expensive', 'lower priced', 'cheap'],
    pricier: ['more expensive', 'most expensive', 'pricier', 'priciest', 'premium'],
    bigger: ['bigger', 'biggest', 'larger', 'largest', 'big'],
    smaller: ['smaller', 'smallest', 'little', 'small'],
    first: ['first'],
    last: ['last', 'final'],
    other: ['other', 'different'],
    popular: ['most popular', 'best selling', 'popular'],
  },
  choiceFillers: ['the', 'one', 'ones', 'please', 'a', 'an'],
  narrowing: ['organic'],
  listJoiners: ['and', 'plus'],
  measureUnits: MEASURE_UNITS,
  measures,
  packUnits: PACK_UNITS,
  containers,
  more: ['more', 'more results', 'any others'],
};
