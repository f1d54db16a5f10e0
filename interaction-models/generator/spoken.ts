/**
 * Written catalog text → the words a speech recogniser hands us ("2% Reduced Fat Milk" → "two percent
 * reduced fat milk"). Slot values must be written as they are spoken: Alexa matches spoken words, and
 * samples with digits or symbols are rejected at build time.
 */
import type { ModelLocale } from '../source/types';

const EN_ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const DE_ONES = ['null', 'eins', 'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf',
  'zwölf', 'dreizehn', 'vierzehn', 'fünfzehn', 'sechzehn', 'siebzehn', 'achtzehn', 'neunzehn'];
const DE_TENS = ['', '', 'zwanzig', 'dreißig', 'vierzig', 'fünfzig', 'sechzig', 'siebzig', 'achtzig', 'neunzig'];

/** Cardinal number in words, 0–999 999; larger numbers stay digits (a catalog name never has them). */
export function numberToWords(value: number, locale: ModelLocale): string {
  if (!Number.isInteger(value) || value < 0 || value > 999_999) return String(value);
  return locale === 'de-DE' ? germanNumber(value) : englishNumber(value);
}

function englishNumber(n: number): string {
  if (n < 20) return EN_ONES[n]!;
  if (n < 100) return EN_TENS[Math.floor(n / 10)]! + (n % 10 ? ` ${EN_ONES[n % 10]}` : '');
  if (n < 1000) return `${EN_ONES[Math.floor(n / 100)]} hundred` + (n % 100 ? ` ${englishNumber(n % 100)}` : '');
  return `${englishNumber(Math.floor(n / 1000))} thousand` + (n % 1000 ? ` ${englishNumber(n % 1000)}` : '');
}

/** German writes numbers as one word ("vierhundertfünf") and says "ein" inside compounds. */
function germanNumber(n: number): string {
  if (n < 20) return DE_ONES[n]!;
  if (n < 100) {
    const ones = n % 10;
    const tens = DE_TENS[Math.floor(n / 10)]!;
    return ones ? `${ones === 1 ? 'ein' : DE_ONES[ones]}und${tens}` : tens;
  }
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    return `${hundreds === 1 ? 'ein' : DE_ONES[hundreds]}hundert` + (n % 100 ? germanNumber(n % 100) : '');
  }
  const thousands = Math.floor(n / 1000);
  return `${thousands === 1 ? 'ein' : germanNumber(thousands)}tausend` + (n % 1000 ? germanNumber(n % 1000) : '');
}

const WORDS: Record<ModelLocale, { and: string; percent: string; point: string; number: string }> = {
  'en-US': { and: 'and', percent: 'percent', point: 'point', number: 'number' },
  'de-DE': { and: 'und', percent: 'prozent', point: 'komma', number: 'nummer' },
};

/** Letters German speech recognition keeps; every other accent is folded ("Rosé" → "rose"). */
const GERMAN_LETTERS = /[äöüß]/;

export function foldAccents(text: string, locale: ModelLocale): string {
  return Array.from(text)
    .map((char) => (locale === 'de-DE' && GERMAN_LETTERS.test(char) ? char : char.normalize('NFD').replace(/\p{M}+/gu, '')))
    .join('');
}

/** The spoken form: lower case, numbers and symbols as words, only letters, spaces and apostrophes. */
export function toSpoken(written: string, locale: ModelLocale): string {
  const words = WORDS[locale];
  const decimalSeparator = locale === 'de-DE' ? ',' : '.';
  let text = written.toLocaleLowerCase(locale);
  text = text.replace(/\bno\.\s*(?=\d)/g, `${words.number} `);
  text = text.replace(/&/g, ` ${words.and} `);
  text = text.replace(/\s*%/g, ` ${words.percent}`);
  const decimal = new RegExp(`(\\d+)\\${decimalSeparator}(\\d+)`, 'g');
  text = text.replace(decimal, (_match, whole: string, fraction: string) => {
    const digits = Array.from(fraction, (digit) => numberToWords(Number(digit), locale)).join(' ');
    return ` ${numberToWords(Number(whole), locale)} ${words.point} ${digits} `;
  });
  text = text.replace(/\d+/g, (digits) => ` ${numberToWords(Number(digits), locale)} `);
  text = text.replace(/[^\p{L}\p{M}' ]+/gu, ' ');
  return text.replace(/\s+/g, ' ').trim();
}

/** The spoken forms a recogniser may produce: the accent-folded one first, then the accented one. */
export function spokenVariants(written: string, locale: ModelLocale): string[] {
  const spoken = toSpoken(written, locale);
  const folded = foldAccents(spoken, locale);
  return folded === spoken ? [spoken] : [folded, spoken];
}
