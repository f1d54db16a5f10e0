/**
 * Typed text → the words a speech recogniser would have handed the platform: lower case, digits and symbols as
 * words, no punctuation. Alexa and Dialogflow match samples against that form, so the exact-sample check, the
 * slot lexicons and the classifier all read the utterance through this one function.
 */
import { toSpoken } from '../../interaction-models/generator/spoken';
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

export function spokenWords(text: string, locale: Locale): string[] {
  const spoken = toSpoken(text.replace(APOSTROPHES, "'"), locale);
  return spoken
    .split(' ')
    // An apostrophe that only quotes ('milk') is not part of a word the way "what's" is.
    .map((word) => word.replace(/^'+|'+$/g, ''))
    .filter((word) => word.length > 0)
    .map((word) => CONTRACTIONS[locale][word] ?? word);
}

/** The utterance as Alexa matches it against samples: its spoken words, one space apart. */
export function spokenForm(text: string, locale: Locale): string {
  return spokenWords(text, locale).join(' ');
}
