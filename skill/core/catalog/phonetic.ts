/**
 * Sound-alike keys for a token: Double Metaphone (both codes) for English, Kölner Phonetik for German.
 * Two tokens that share a key sound alike ("parmezan"/"parmesan", "follkorn"/"vollkorn"), which is how a
 * speech recogniser's misspellings look.
 */
import { doubleMetaphone } from 'double-metaphone';
import { colognePhonetic } from 'cologne-phonetic';
import type { Locale } from '../turn';

/** The keys of a folded token; none for numbers or tokens too short to carry a sound. */
export function phoneticKeys(token: string, locale: Locale): string[] {
  if (token.length < 2 || /\d/.test(token)) return [];
  if (locale === 'de-DE') {
    const code = colognePhonetic(token);
    return code.length > 0 ? [code] : [];
  }
  const [primary, secondary] = doubleMetaphone(token);
  if (primary.length === 0) return [];
  return secondary && secondary !== primary ? [primary, secondary] : [primary];
}
