/**
 * Sound-alike keys for a token: Double Metaphone (both codes) for English, Kölner Phonetik for German, and a
 * vowel-keeping sound spelling for both.
 * Two tokens that share a key sound alike ("parmezan"/"parmesan", "follkorn"/"vollkorn"), which is how a
 * speech recogniser's misspellings look.
 */
import { doubleMetaphone } from 'double-metaphone';
import { colognePhonetic } from 'cologne-phonetic';
import type { Locale } from '../turn';

/**
 * The keys of a folded token; none for numbers or tokens too short to carry a sound. Besides the codes,
 * the token's sound spelling (marked with "~") is a key: it keeps the vowels the codes drop.
 */
export function phoneticKeys(token: string, locale: Locale): string[] {
  if (token.length < 2 || /\d/.test(token)) return [];
  const keys: string[] = [];
  if (locale === 'de-DE') {
    const code = colognePhonetic(token);
    if (code.length > 0) keys.push(code);
  } else {
    const [primary, secondary] = doubleMetaphone(token);
    if (primary.length > 0) keys.push(primary);
    if (secondary && secondary !== primary) keys.push(secondary);
  }
  if (token.length >= 3) keys.push(`~${soundSpelling(token, locale)}`);
  return keys;
}

/**
 * Spelling-by-ear rewrites, applied in order. They map the letters a listener may write for one sound to a
 * single spelling, keeping the vowels (which Double Metaphone and Kölner Phonetik drop, so "diana" and
 * "dinner" share a key). English: c/k/ch, s/z, ee/ea/ie/y, ou/ow, -tion/-shun, and the non-rhotic "er" that
 * many accents say as "a" ("butter" → "butta"). German: v/f, ck/c/k, dt/th, ä/e, ie/i, ei/ai/ey, the silent
 * h after a vowel.
 */
const SOUND_SPELLINGS: Record<Locale, [RegExp, string][]> = {
  'en-US': [
    [/tion/g, 'shun'],
    [/ph/g, 'f'],
    [/[ck]h/g, 'k'],
    [/ck|c|q/g, 'k'],
    [/z/g, 's'],
    [/x/g, 'ks'],
    [/wr/g, 'r'],
    [/er/g, 'a'],
    [/y/g, 'i'],
    [/ee|ea/g, 'i'],
    [/e?i+e?/g, 'i'],
    [/ow|ou/g, 'o'],
    [/(.)\1+/g, '$1'],
  ],
  'de-DE': [
    [/ph|v/g, 'f'],
    [/dt|th/g, 't'],
    [/ck|c|q/g, 'k'],
    [/ae/g, 'e'],
    [/ie|y/g, 'i'],
    [/ei|ey|ai|ay/g, 'ai'],
    [/([aeiou])h/g, '$1'],
    [/(.)\1+/g, '$1'],
  ],
};

/**
 * A folded token spelled the way it sounds: two spellings a listener could write for one word ("coffea",
 * "coffee"; "follkorn", "vollkorn") come out equal, or nearly so.
 */
export function soundSpelling(token: string, locale: Locale): string {
  let spelled = token;
  for (const [pattern, replacement] of SOUND_SPELLINGS[locale]) spelled = spelled.replace(pattern, replacement);
  return spelled;
}
