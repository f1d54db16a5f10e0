/**
 * A grammar check over expanded samples. Carriers and determiners multiply through macros, and one careless
 * template ("add {product} to <whose> the list") yields hundreds of phrases no shopper says: Amazon asks for samples
 * that are grammatically correct in the locale's language, and every wrong phrase can pull a real utterance to the
 * wrong intent. The check
 * knows only the small closed classes a template can misuse (articles and possessives, prepositions, the carriers
 * of source/vocabulary.ts); it does not parse, so it flags the mistakes templates make, not every bad sentence.
 */
import { CARRIERS, GERMAN_PRODUCT_GENDERS } from '../source/vocabulary';
import type { ModelLocale, PerLocale } from '../source/types';
import { ModelError } from './errors';

/** An expanded sample breaks a grammar rule; `sample` is the phrase, `rule` says which. */
export class GrammarError extends ModelError {
  override name = 'GrammarError';
  constructor(
    readonly sample: string,
    readonly rule: string,
    context: string,
  ) {
    super(`${context}: ungrammatical sample "${sample}" (${rule})`);
  }
}

interface WordClasses {
  /** Words that open a noun phrase; two in a row ("my the list") are one too many. */
  determiners: ReadonlySet<string>;
  /** Prepositions that need a noun phrase after them; two in a row ("to on") lost a word between. */
  prepositions: ReadonlySet<string>;
  /** Words a sample cannot end on: a determiner or preposition waiting for its noun ("add milk to"). */
  cannotEnd: ReadonlySet<string>;
  /** Idioms that do end on one of them ("what does it come to", "schreib Milch auf"). */
  idioms: readonly RegExp[];
  /**
   * Whether a sample may not end on a leading carrier ("add milk could you"). German asks "was kannst du" and means
   * it, so there a carrier only dangles when it is all the sample says.
   */
  carrierCannotEnd: boolean;
  /** Singular nouns that need a determiner or a modifier in front unless they open the sample ("list my items"). */
  countNouns: ReadonlySet<string>;
  /** Words that may stand right before such a noun besides a determiner: "shopping list", "the whole list". */
  nounModifiers: ReadonlySet<string>;
}

const WORDS: PerLocale<WordClasses> = {
  'en-US': {
    determiners: new Set(['a', 'an', 'the', 'my', 'our', 'your', 'some', 'any', 'this', 'these']),
    // "out of", "off of" are good English, so the particles out and off are not in the list.
    prepositions: new Set(['to', 'on', 'in', 'from', 'of', 'into', 'onto', 'at', 'with', 'for']),
    cannotEnd: new Set(['a', 'an', 'the', 'my', 'our', 'your', 'to', 'from', 'into', 'onto', 'with']),
    idioms: [/ come to$/, / i can (talk|speak) to$/],
    carrierCannotEnd: true,
    countNouns: new Set(['list', 'cart', 'basket']),
    nounModifiers: new Set(['shopping', 'grocery', 'whole', 'entire', 'new']),
  },
  'de-DE': {
    determiners: new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'mein',
      'meine', 'meinen', 'meinem', 'meiner', 'unser', 'unsere', 'unseren', 'unserem', 'unserer']),
    prepositions: new Set(['auf', 'in', 'im', 'von', 'vom', 'aus', 'zu', 'zum', 'zur', 'mit', 'für', 'ans', 'nach']),
    // Not "aus", "an", "ein", "ab", "mit": they end a sentence as the split-off part of a verb ("schalt die Erinnerungen aus").
    cannotEnd: new Set(['der', 'die', 'den', 'dem', 'eine', 'einen', 'mein', 'meine', 'meinen', 'meinem',
      'unsere', 'auf', 'von', 'vom', 'zum', 'zur', 'für']),
    // "aufschreiben" splits: "schreib Milch auf".
    idioms: [/^schreibe? .* auf$/],
    carrierCannotEnd: false,
    // German nouns carry their article in every template macro; nothing to check here.
    countNouns: new Set(),
    nounModifiers: new Set(),
  },
};

/**
 * German carriers that ask a question put the verb last ("kannst du Milch auf die Liste setzen"): a sample that opens
 * with one and does not end on an infinitive lost its verb. A wish may stand without one ("ich möchte Milch").
 */
const VERB_LAST_ROLES: PerLocale<readonly string[]> = { 'en-US': [], 'de-DE': ['frage'] };

const words = (phrase: string) => phrase.toLocaleLowerCase().split(' ').filter((word) => word.length > 0);

/** The carriers that must be followed by what they carry: "could you", "i'd like to", "kannst du". */
function leadingCarriers(locale: ModelLocale): string[] {
  const roles = CARRIERS[locale];
  const trailing = new Set([...(roles.thank ?? []), ...(roles.danke ?? []), ...(roles.bitte ?? [])]);
  return Object.values(roles)
    .flat()
    .filter((carrier) => !trailing.has(carrier));
}

/**
 * German case and gender, for the closed classes templates combine: articles and possessives, the prepositions
 * that always take the dative, the command verbs that take an accusative object, and the nouns the templates
 * themselves write (containers, measures, the cart). Product names come from slots and are not judged.
 */
type Gender = 'm' | 'f' | 'n';

/** Determiners that can stand before a singular noun of each gender, in some case. */
const GERMAN_DETERMINERS_BY_GENDER: Record<Gender, ReadonlySet<string>> = {
  m: new Set(['der', 'den', 'dem', 'des', 'ein', 'einen', 'einem', 'eines', 'mein', 'meinen', 'meinem', 'meines', 'unser', 'unseren', 'unserem', 'unseres',
    'kein', 'keinen', 'keinem', 'keines']),
  f: new Set(['die', 'der', 'eine', 'einer', 'meine', 'meiner', 'unsere', 'unserer', 'keine', 'keiner']),
  n: new Set(['das', 'dem', 'des', 'ein', 'einem', 'eines', 'mein', 'meinem', 'meines', 'unser', 'unserem', 'unseres', 'kein', 'keinem', 'keines']),
};
const GERMAN_PLURAL_DETERMINERS: ReadonlySet<string> = new Set(['die', 'der', 'den', 'meine', 'meiner', 'meinen', 'unsere', 'unserer', 'unseren', 'keine', 'keiner', 'keinen']);

/**
 * The nouns templates write, with their gender; `samePlural` when the plural reads the same ("zwei Liter"), `plural`
 * for a word that is a plural ("Eier"). The product words Dialogflow's training phrases use as examples are here too
 * (source/vocabulary.ts GERMAN_PRODUCT_GENDERS), so "lösche den Milch" is caught like "den Produkt".
 */
const TEMPLATE_NOUNS: Readonly<Record<string, { gender: Gender; samePlural?: boolean; plural?: boolean }>> = {
  produkt: { gender: 'n' },
  glas: { gender: 'n' },
  kilo: { gender: 'n', samePlural: true },
  pfund: { gender: 'n', samePlural: true },
  liter: { gender: 'm', samePlural: true },
  beutel: { gender: 'm', samePlural: true },
  becher: { gender: 'm', samePlural: true },
  karton: { gender: 'm' },
  warenkorb: { gender: 'm' },
  korb: { gender: 'm' },
  einkaufszettel: { gender: 'm', samePlural: true },
  einkaufswagen: { gender: 'm', samePlural: true },
  liste: { gender: 'f' },
  einkaufsliste: { gender: 'f' },
  flasche: { gender: 'f' },
  packung: { gender: 'f' },
  dose: { gender: 'f' },
  tüte: { gender: 'f' },
  kiste: { gender: 'f' },
  tafel: { gender: 'f' },
  artikel: { gender: 'm', samePlural: true },
  bestellung: { gender: 'f' },
  lieferung: { gender: 'f' },
  ware: { gender: 'f' },
  paket: { gender: 'n' },
  laden: { gender: 'm', samePlural: true },
  person: { gender: 'f' },
  mitarbeiter: { gender: 'm', samePlural: true },
  mitarbeiterin: { gender: 'f' },
  kundenservice: { gender: 'm' },
  kundendienst: { gender: 'm' },
};

const GERMAN_NOUNS: Readonly<Record<string, { gender: Gender; samePlural?: boolean; plural?: boolean }>> = {
  ...Object.fromEntries(
    Object.entries(GERMAN_PRODUCT_GENDERS).map(([noun, gender]) => [noun, gender === 'pl' ? { gender: 'f' as Gender, plural: true } : { gender }]),
  ),
  ...TEMPLATE_NOUNS,
};

/**
 * The genders a product after this determiner may have so that the phrase is German whatever the case the template
 * puts it in: "den" is the masculine accusative ("lösche den Käse"), "das" neuter, "die" feminine, "ein" neuter (a
 * masculine "ein" is a nominative no request uses). Undefined for a word that is no determiner.
 */
const GENDERS_AFTER_DETERMINER: Readonly<Record<string, readonly ('m' | 'f' | 'n' | 'pl')[]>> = {
  der: ['m'], die: ['f'], das: ['n'], den: ['m'], dem: ['m', 'n'], des: ['m', 'n'],
  ein: ['n'], eine: ['f'], einen: ['m'], einem: ['m', 'n'], einer: ['f'],
  mein: ['n'], meine: ['f', 'pl'], meinen: ['m'], meinem: ['m', 'n'], meiner: ['f'],
  kein: ['n'], keine: ['f', 'pl'], keinen: ['m'],
  unser: ['n'], unsere: ['f', 'pl'], unseren: ['m'], unserem: ['m', 'n'], unserer: ['f'],
};

/**
 * The genders a product may have after the words before it: an article right before ("den"), or an article and an
 * adjective ("meinen üblichen", "die gleiche"; an adjective after "meine" is singular there). Undefined when no
 * article stands before it.
 */
export function germanGendersAfter(wordsBefore: readonly string[]): readonly ('m' | 'f' | 'n' | 'pl')[] | undefined {
  const [last, beforeLast] = [wordsBefore.at(-1), wordsBefore.at(-2)].map((word) => word?.toLocaleLowerCase('de-DE'));
  if (last === undefined) return undefined;
  const fused = FUSED_DETERMINERS[last];
  if (fused) return fused;
  const direct = GENDERS_AFTER_DETERMINER[last];
  if (direct) return direct;
  const afterAdjective = beforeLast !== undefined && /(e|en|es)$/.test(last) ? GENDERS_AFTER_DETERMINER[beforeLast] : undefined;
  return afterAdjective?.filter((gender) => gender !== 'pl');
}

/** Article and pronoun in one word: "dasselbe Brot", "denselben Käse", "dieselbe Milch". */
const FUSED_DETERMINERS: Readonly<Record<string, readonly ('m' | 'f' | 'n')[]>> = { dasselbe: ['n'], denselben: ['m'], dieselbe: ['f'] };

/** Prepositions that only ever take the dative ("such nach einem Käse", "aus dem Warenkorb"). */
const GERMAN_DATIVE_PREPOSITIONS: ReadonlySet<string> = new Set(['aus', 'bei', 'mit', 'nach', 'seit', 'von', 'zu']);
/** Forms that are never dative: after a dative preposition they lost the case ("such nach einen"). */
const GERMAN_NOT_DATIVE: ReadonlySet<string> = new Set(['ein', 'eine', 'einen', 'das', 'die', 'mein', 'meine', 'unsere']);
/** Command verbs whose object is accusative: a nominative or dative article right after them is wrong ("lösche der"). */
const GERMAN_ACCUSATIVE_VERBS: ReadonlySet<string> = new Set(['lösche', 'lösch', 'entferne', 'entfern', 'streiche', 'streich', 'nimm', 'such',
  'suche', 'finde', 'find', 'leg', 'lege', 'setz', 'setze', 'pack', 'packe', 'tu', 'kauf', 'kaufe', 'bestell', 'bestelle', 'wähle', 'nehme']);
const GERMAN_NOT_ACCUSATIVE: ReadonlySet<string> = new Set(['der', 'dem', 'des', 'einem', 'einer', 'meinem', 'meiner']);

/** An adjective or a slot may stand between article and noun ("den {ordinal} Produkt", "die ganze Liste"). */
const betweenArticleAndNoun = (word: string) => /^\{\w+\}$/.test(word) || /(e|en|er|es|em)$/.test(word);

function germanCaseProblem(tokens: readonly string[]): string | undefined {
  for (let index = 1; index < tokens.length; index += 1) {
    const [before, word] = [tokens[index - 1]!, tokens[index]!];
    if (GERMAN_DATIVE_PREPOSITIONS.has(before) && GERMAN_NOT_DATIVE.has(word)) return `"${before}" takes the dative, not "${word}"`;
    if (GERMAN_ACCUSATIVE_VERBS.has(before) && GERMAN_NOT_ACCUSATIVE.has(word)) return `"${before}" takes an accusative object, not "${word}"`;
  }
  for (let index = 0; index < tokens.length; index += 1) {
    const article = tokens[index]!;
    const next = tokens[index + 1];
    const noun = next !== undefined && GERMAN_NOUNS[next] ? next : next !== undefined && betweenArticleAndNoun(next) ? tokens[index + 2] : undefined;
    const entry = noun === undefined ? undefined : GERMAN_NOUNS[noun];
    if (!entry || !isGermanDeterminer(article)) continue;
    const fits = entry.plural
      ? GERMAN_PLURAL_DETERMINERS.has(article)
      : GERMAN_DETERMINERS_BY_GENDER[entry.gender].has(article) || (entry.samePlural === true && GERMAN_PLURAL_DETERMINERS.has(article));
    if (!fits) return `"${article}" does not agree with "${noun}"`;
    // A measure or container a shopper asks for is the object of the request: "pack einen Liter", not "ein Liter".
    // Unless it is the subject of "ist", "war" ("ein Artikel ist beschädigt").
    const subject = ['ist', 'war', 'sind', 'waren'].includes(tokens[index + 2] ?? '');
    if (article === 'ein' && entry.gender === 'm' && !entry.plural && next === noun && !subject) return `"ein ${noun}" is the object here: "einen ${noun}"`;
  }
  return undefined;
}

function isGermanDeterminer(word: string): boolean {
  return WORDS['de-DE'].determiners.has(word) || ['eines', 'meines', 'unseres', 'kein', 'keine', 'keinen', 'keinem', 'keiner', 'keines'].includes(word);
}

/** The first rule a sample breaks, or undefined when it breaks none. */
export function grammarProblem(sample: string, locale: ModelLocale): string | undefined {
  const classes = WORDS[locale];
  const tokens = words(sample);
  for (let index = 1; index < tokens.length; index += 1) {
    const [before, word] = [tokens[index - 1]!, tokens[index]!];
    if (before === word) return `"${word}" twice in a row`;
    if (classes.determiners.has(before) && classes.determiners.has(word)) return `two determiners "${before} ${word}"`;
    if (classes.prepositions.has(before) && classes.prepositions.has(word)) return `two prepositions "${before} ${word}"`;
    if (classes.countNouns.has(word) && !classes.determiners.has(before) && !classes.nounModifiers.has(before)) {
      return `"${word}" without a determiner`;
    }
  }
  const last = tokens.at(-1);
  const text = tokens.join(' ');
  const idiom = classes.idioms.some((pattern) => pattern.test(text));
  if (last !== undefined && classes.cannotEnd.has(last) && !idiom) return `ends on "${last}"`;
  for (const carrier of leadingCarriers(locale)) {
    if (text === carrier || (classes.carrierCannotEnd && text.endsWith(` ${carrier}`))) return `dangling carrier "${carrier}"`;
  }
  if (locale === 'de-DE') {
    const caseProblem = germanCaseProblem(tokens);
    if (caseProblem) return caseProblem;
  }
  for (const role of VERB_LAST_ROLES[locale]) {
    for (const carrier of CARRIERS[locale][role] ?? []) {
      if (text.startsWith(`${carrier} `) && !/(en|n)$/.test(last ?? '')) return `"${carrier}" needs its verb at the end`;
    }
  }
  return undefined;
}

/** Throws a GrammarError for the first expanded sample that breaks a rule. */
export function assertGrammatical(samples: readonly string[], locale: ModelLocale, context: string): void {
  for (const sample of samples) {
    const problem = grammarProblem(sample, locale);
    if (problem) throw new GrammarError(sample, problem, `${locale} ${context}`);
  }
}
