/** The words the core listens for in English (see vocabulary-types.ts). */
import type { Vocabulary } from '../vocabulary-types';

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
  measures: [
    ['gallon', 'gallons'], ['pound', 'pounds'], ['ounce', 'ounces'], ['quart', 'quarts'],
    ['pint', 'pints'], ['liter', 'liters'], ['kilo', 'kilos'], ['gram', 'grams'],
  ],
  containers: [
    ['carton', 'cartons'], ['pack', 'packs'], ['package', 'packages'], ['box', 'boxes'], ['bag', 'bags'], ['can', 'cans'],
    ['bottle', 'bottles'], ['jar', 'jars'], ['loaf', 'loaves'], ['bunch', 'bunches'],
  ],
  more: ['more', 'more results', 'any others'],
};
