/**
 * Typed text → the words a speech recogniser would have handed the platform: lower case, digits and symbols as
 * words, no punctuation. Alexa and Dialogflow match samples against that form, so the exact-sample check, the
 * slot lexicons and the classifier all read the utterance through this one function.
 */
import { toSpoken } from '../../interaction-models/generator/spoken';
import { digitizeNumberWords } from '../../skill/core/catalog/spoken-numbers';
import { foldCharacters } from '../../skill/core/catalog/text-normalizer';
import type { Locale } from '../../skill/core/turn';

/** Typographic apostrophes and quotes that keyboards and phones type instead of the plain apostrophe. */
const APOSTROPHES = /[\u2018\u2019\u02bc\u0060\u00b4]/g;

/**
 * English contractions typed without their apostrophe ("whats on my list"). A recogniser writes them with it, and
 * so do the samples. Only spellings that are rarely a word of their own: "were", "its", "well" stay as typed.
 */
const CONTRACTIONS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'en-US': Object.fromEntries(
    ['whats', 'wheres', 'whens', 'hows', 'whos', 'thats', 'theres', 'heres', 'lets'].map((word) => [word, `${word.slice(0, -1)}'s`])
      .concat(['dont', 'doesnt', 'didnt', 'cant', 'wont', 'isnt', 'arent', 'wasnt', 'havent', 'hasnt', 'shouldnt', 'couldnt', 'wouldnt'].map((word) => [word, `${word.slice(0, -2)}n't`]))
      .concat([['im', "i'm"], ['ive', "i've"], ['id', "i'd"], ['ill', "i'll"], ['youre', "you're"], ['theyre', "they're"], ['weve', "we've"], ['wed', "we'd"]]),
  ),
  'de-DE': {},
};

/** Unit abbreviations typed after a number ("3 lbs", "500 g"), as said: [one, many]. */
const UNIT_ABBREVIATIONS: Readonly<Record<Locale, Readonly<Record<string, readonly [string, string]>>>> = {
  'en-US': {
    lb: ['pound', 'pounds'], lbs: ['pound', 'pounds'], oz: ['ounce', 'ounces'], kg: ['kilo', 'kilos'], g: ['gram', 'grams'],
    gal: ['gallon', 'gallons'], l: ['liter', 'liters'], qt: ['quart', 'quarts'], pt: ['pint', 'pints'], pk: ['pack', 'packs'],
  },
  'de-DE': { g: ['gramm', 'gramm'], kg: ['kilo', 'kilo'], l: ['liter', 'liter'], pfd: ['pfund', 'pfund'] },
};
const ONE: Readonly<Record<Locale, ReadonlySet<string>>> = { 'en-US': new Set(['one', 'a']), 'de-DE': new Set(['ein', 'eins', 'einen']) };

function withUnitsSpoken(words: string[], locale: Locale): string[] {
  return words.map((word, at) => {
    const unit = UNIT_ABBREVIATIONS[locale][word];
    const previous = words[at - 1];
    // Only after an amount: "g" or "l" alone is a letter, not a unit.
    if (!unit || previous === undefined || !isAmountWord(previous, locale)) return word;
    return ONE[locale].has(previous) ? unit[0] : unit[1];
  });
}

/** A spoken number word as toSpoken writes numbers ("three", "five hundred", "dreihundert"). */
function isAmountWord(word: string, locale: Locale): boolean {
  return ONE[locale].has(word) || digitizeNumberWords([foldCharacters(word, locale)], locale).every((token) => /^\d+$/.test(token));
}

export function spokenWords(text: string, locale: Locale): string[] {
  const spoken = toSpoken(text.replace(APOSTROPHES, "'"), locale);
  const words = spoken
    .split(' ')
    // An apostrophe that only quotes ('milk') is not part of a word the way "what's" is.
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0)
    .map((word) => CONTRACTIONS[locale][word] ?? word);
  return withUnitsSpoken(words, locale);
}

/** The utterance as Alexa matches it against samples: its spoken words, one space apart. */
export function spokenForm(text: string, locale: Locale): string {
  return spokenWords(text, locale).join(' ');
}
