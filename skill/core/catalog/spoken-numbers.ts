/**
 * Spoken numbers to digits, so "two percent" and "2%" meet on the same token. The same conversion runs on
 * product names and on queries: whatever it does to "One" in a name it also does to "one" in a request.
 * Input tokens are already folded (lower case, German umlauts spelled ae/oe/ue, ß as ss).
 */
import type { Locale } from '../turn';
import { soundSpelling } from './phonetic';

const EN_UNITS: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
};
const EN_TEENS: Record<string, number> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19,
};
const EN_TENS: Record<string, number> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

const DE_UNITS: Record<string, number> = {
  null: 0, ein: 1, eins: 1, eine: 1, einen: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6,
  sieben: 7, acht: 8, neun: 9,
};
const DE_TEENS: Record<string, number> = {
  zehn: 10, elf: 11, zwoelf: 12, dreizehn: 13, vierzehn: 14, fuenfzehn: 15, sechzehn: 16, siebzehn: 17,
  achtzehn: 18, neunzehn: 19,
};
const DE_TENS: Record<string, number> = {
  zwanzig: 20, dreissig: 30, vierzig: 40, fuenfzig: 50, sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90,
};
/** Stems used inside German compound numbers ("einundzwanzig", "einhundert"). */
const DE_COMPOUND_UNITS: Record<string, number> = { ...DE_UNITS, ein: 1 };

/**
 * A German number written as one word ("einhundertfuenfundzwanzig" → 125), or undefined. Parsed by
 * peeling the thousands, the hundreds and then "<unit>und<tens>" or a plain unit/teen/tens.
 */
export function parseGermanNumberWord(word: string): number | undefined {
  return parseGermanCompound(word, exactPart);
}

/** How a compound's parts are read: as written, or (for a misheard word) by how they sound. */
type PartReader = (part: string, table: Readonly<Record<string, number>>) => number | undefined;

const exactPart: PartReader = (part, table) => table[part];

function parseGermanCompound(word: string, readPart: PartReader): number | undefined {
  if (word.length === 0) return undefined;
  let rest = word;
  let total = 0;
  const thousandAt = rest.indexOf('tausend');
  if (thousandAt >= 0) {
    const head = rest.slice(0, thousandAt);
    const multiplier = head === '' ? 1 : parseGermanBelowThousand(head, readPart);
    if (multiplier === undefined) return undefined;
    total += multiplier * 1000;
    rest = rest.slice(thousandAt + 'tausend'.length);
    if (rest === '') return total;
  }
  const below = parseGermanBelowThousand(rest, readPart);
  return below === undefined ? undefined : total + below;
}

function parseGermanBelowThousand(word: string, readPart: PartReader): number | undefined {
  let rest = word;
  let total = 0;
  const hundredAt = rest.indexOf('hundert');
  if (hundredAt >= 0) {
    const head = rest.slice(0, hundredAt);
    const multiplier = head === '' ? 1 : readPart(head, DE_COMPOUND_UNITS);
    if (multiplier === undefined || multiplier === 0) return undefined;
    total += multiplier * 100;
    rest = rest.slice(hundredAt + 'hundert'.length);
    if (rest === '') return total;
  }
  const simple = readPart(rest, DE_UNITS) ?? readPart(rest, DE_TEENS) ?? readPart(rest, DE_TENS);
  if (simple !== undefined) return total + simple;
  const undAt = rest.indexOf('und');
  if (undAt > 0) {
    const unit = readPart(rest.slice(0, undAt), DE_COMPOUND_UNITS);
    const tens = readPart(rest.slice(undAt + 3), DE_TENS);
    if (unit !== undefined && unit > 0 && tens !== undefined) return total + unit + tens;
  }
  return undefined;
}

/** Number tables keyed by sound spelling as well, so "sibzig" reads as "siebzig" inside a compound. */
const tablesBySound = new Map<Readonly<Record<string, number>>, Map<string, number>>();

const partBySound: PartReader = (part, table) => {
  const exact = table[part];
  if (exact !== undefined) return exact;
  let bySoundTable = tablesBySound.get(table);
  if (!bySoundTable) {
    bySoundTable = new Map(Object.entries(table).map(([word, value]) => [soundSpelling(word, 'de-DE'), value]));
    tablesBySound.set(table, bySoundTable);
  }
  return bySoundTable.get(soundSpelling(part, 'de-DE'));
};

/** 'whole': a German compound word ("einundvierzig"), a number complete in itself. */
type Magnitude = 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand' | 'whole';

interface NumberWord {
  value: number;
  magnitude: Magnitude;
}

function classifyEnglish(token: string): NumberWord | undefined {
  if (Object.hasOwn(EN_UNITS, token)) return { value: EN_UNITS[token]!, magnitude: 'unit' };
  if (Object.hasOwn(EN_TEENS, token)) return { value: EN_TEENS[token]!, magnitude: 'teen' };
  if (Object.hasOwn(EN_TENS, token)) return { value: EN_TENS[token]!, magnitude: 'tens' };
  if (token === 'hundred') return { value: 100, magnitude: 'hundred' };
  if (token === 'thousand') return { value: 1000, magnitude: 'thousand' };
  return undefined;
}

function classifyGerman(token: string): NumberWord | undefined {
  if (Object.hasOwn(DE_UNITS, token)) return { value: DE_UNITS[token]!, magnitude: 'unit' };
  if (Object.hasOwn(DE_TEENS, token)) return { value: DE_TEENS[token]!, magnitude: 'teen' };
  if (Object.hasOwn(DE_TENS, token)) return { value: DE_TENS[token]!, magnitude: 'tens' };
  if (token === 'hundert') return { value: 100, magnitude: 'hundred' };
  if (token === 'tausend') return { value: 1000, magnitude: 'thousand' };
  const compound = parseGermanNumberWord(token);
  if (compound === undefined) return undefined;
  // A round compound ("zweihundert") still takes a following unit ("zweihundert fuenf"); any other is a
  // whole number that neither extends its neighbour nor is extended: "einundvierzig einhundertfuenfzig" is
  // 41 and 150, not 191.
  return { value: compound, magnitude: compound % 100 === 0 ? 'hundred' : 'whole' };
}

/**
 * The number word a misheard token stands for ("threa" → "three", "fowr" → "four", "zao" → "zero"), when
 * it sounds the same as one; undefined otherwise. A German compound whose parts sound like number words
 * comes back as its digits ("zweiundsibzig" → "72"). Callers apply it only to words the catalog does not
 * know, so a real word that happens to sound like a number keeps its meaning.
 */
export function numberWordHeardAs(token: string, locale: Locale): string | undefined {
  if (token.length < 3 || /\d/.test(token)) return undefined;
  const word = numberWordsBySound(locale).get(soundSpelling(token, locale));
  if (word !== undefined || locale !== 'de-DE') return word;
  // A compound spelled right is read later, with its neighbours ("null komma fuenfundzwanzig").
  if (parseGermanNumberWord(token) !== undefined) return token;
  const compound = parseGermanCompound(token, partBySound);
  return compound === undefined ? undefined : String(compound);
}

const bySound = new Map<Locale, Map<string, string>>();

function numberWordsBySound(locale: Locale): Map<string, string> {
  let table = bySound.get(locale);
  if (!table) {
    table = new Map();
    const words = locale === 'de-DE' ? [DE_UNITS, DE_TEENS, DE_TENS] : [EN_UNITS, EN_TEENS, EN_TENS];
    for (const group of words) {
      for (const word of Object.keys(group)) if (word.length >= 3) table.set(soundSpelling(word, locale), word);
    }
    // The decimal word too: "eins koma acht" is "1.8" said with a slip.
    for (const word of locale === 'de-DE' ? ['hundert', 'tausend', 'komma'] : ['hundred', 'thousand', 'point']) {
      table.set(soundSpelling(word, locale), word);
    }
    bySound.set(locale, table);
  }
  return table;
}

/**
 * Replaces runs of number words by digit tokens. A run of single digits is read digit by digit
 * ("two zero zero nine" → "2009"); otherwise words combine arithmetically ("one hundred twenty" → "120")
 * and a word that cannot extend the number starts a new one ("twenty twelve" → "20", "12").
 * "point"/"komma" between numbers makes a decimal ("one point five" → "1.5").
 */
export function digitizeNumberWords(tokens: readonly string[], locale: Locale): string[] {
  const classify = locale === 'de-DE' ? classifyGerman : classifyEnglish;
  const decimalWord = locale === 'de-DE' ? 'komma' : 'point';
  const joiner = locale === 'de-DE' ? 'und' : 'and';
  const out: string[] = [];
  /** The number words from `start` on, as the digits after a decimal point and the numbers that follow. */
  const readFraction = (start: number): { digits: string; rest: string[]; end: number } => {
    const fraction: NumberWord[] = [];
    let end = start;
    while (end < tokens.length) {
      const word = classify(tokens[end]!);
      if (!word) break;
      fraction.push(word);
      end += 1;
    }
    const [digits, ...rest] = combineRun(fraction);
    return { digits: digits!, rest, end };
  };
  let i = 0;
  while (i < tokens.length) {
    const first = classify(tokens[i]!);
    if (!first) {
      // A decimal whose whole part was not heard ("komma fuenf prozent" from "eins komma fuenf prozent")
      // keeps its point: ".5" can still meet the "1.5" of a name as the tail of that number.
      if (tokens[i] === decimalWord && i + 1 < tokens.length && classify(tokens[i + 1]!)) {
        const { digits, rest, end } = readFraction(i + 1);
        out.push(`.${digits}`, ...rest);
        i = end;
        continue;
      }
      out.push(tokens[i]!);
      i += 1;
      continue;
    }
    // Collect the run of number words (allowing "and" between them: "one hundred and five").
    const run: NumberWord[] = [first];
    let j = i + 1;
    while (j < tokens.length) {
      const next = classify(tokens[j]!);
      if (next) {
        run.push(next);
        j += 1;
      } else if (tokens[j] === joiner && j + 1 < tokens.length && classify(tokens[j + 1]!) && run.length > 0) {
        j += 1;
      } else break;
    }
    const numbers = combineRun(run);
    // A decimal: "<number> point <digits or a number>" ("one point five", "ten point twenty five").
    if (tokens[j] === decimalWord && j + 1 < tokens.length && classify(tokens[j + 1]!)) {
      const { digits, rest, end } = readFraction(j + 1);
      const whole = numbers.pop()!;
      out.push(...numbers, `${whole}.${digits}`, ...rest);
      i = end;
      continue;
    }
    out.push(...numbers);
    i = j;
  }
  return out;
}

function combineRun(run: readonly NumberWord[]): string[] {
  if (run.length >= 2 && run.every((word) => word.magnitude === 'unit')) {
    return [run.map((word) => String(word.value)).join('')];
  }
  const numbers: string[] = [];
  let total = 0;
  let current = 0;
  let started = false;
  let last: Magnitude | undefined;
  const flush = () => {
    if (started) numbers.push(String(total + current));
    total = 0;
    current = 0;
    started = false;
    last = undefined;
  };
  for (const word of run) {
    const extends_ = canExtend(last, word, current);
    if (!extends_) flush();
    switch (word.magnitude) {
      case 'hundred':
        if (word.value === 100) current = (current === 0 ? 1 : current) * 100;
        else current += word.value; // a round German compound like "zweihundert"
        break;
      case 'thousand':
        total += (current === 0 ? 1 : current) * 1000;
        current = 0;
        break;
      default:
        current += word.value;
    }
    started = true;
    last = word.magnitude;
  }
  flush();
  return numbers;
}

/** Whether `word` continues the number built so far (e.g. "twenty" + "one") or starts a new one. */
function canExtend(last: Magnitude | undefined, word: NumberWord, current: number): boolean {
  if (last === undefined) return true;
  const next = word.magnitude;
  // A round compound ("zweihundert") is a number of its own: only a thousand before it extends to it.
  if (next === 'hundred' && word.value !== 100) return last === 'thousand';
  const belowHundred = current % 100;
  // Only a thousand ("einundvierzig tausend") follows a whole compound, which follows only a thousand.
  if (last === 'whole') return next === 'thousand';
  switch (next) {
    case 'whole':
      return last === 'thousand';
    case 'unit':
      return (last === 'tens' && belowHundred % 10 === 0) || last === 'hundred' || last === 'thousand';
    case 'teen':
    case 'tens':
      return (last === 'hundred' || last === 'thousand') && belowHundred === 0;
    case 'hundred':
      return last === 'unit' || last === 'teen' || last === 'tens' ? current < 100 : last === 'thousand';
    case 'thousand':
      return last !== 'thousand';
  }
}
