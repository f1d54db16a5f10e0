/**
 * The product slot's values, generated from the catalog: every product name as it is spoken (with the
 * product id, so Alexa's entity resolution hands the core an id), every aisle word a shopper uses for a
 * category, common grocery words the shop does not sell (so the skill can say it has none), and the words
 * shoppers name products by: the tails of catalog names ("avocados" of "Hass Avocados") and the locale's
 * grocery vocabulary ("gluten free pasta", "hafermilch").
 *
 * Who claims a spoken form first keeps it: a product's own name, then aisle words, then unsold words, then
 * name tails, then the vocabulary. Only a product's own name (and that name in the other number) carries
 * a product id; every shared or generic word carries an `aisle:` or `term:` id, so the core searches with
 * the spoken words instead of resolving "milk" to one arbitrary milk.
 */
import type { Product } from '../../skill/core/catalog/product';
import { AISLE_SYNONYMS, UNSOLD_TERMS } from '../source/vocabulary';
import type { GroceryTerm, ModelLocale } from '../source/types';
import { nameEndsInAThing, nameTails, numberForms, vocabularyTerms } from './shopper-words';
import { foldAccents, spokenVariants, toSpoken } from './spoken';

/** Id prefixes the core can tell apart: a product id as is, a category, or a word we know but do not sell. */
export const AISLE_ID_PREFIX = 'aisle:';
export const TERM_ID_PREFIX = 'term:';

export interface ProductSlotValue {
  /** Product id, `aisle:<aisleId>` or `term:<word>`. */
  id: string;
  /** Spoken canonical form, unique within the slot type. */
  name: string;
  /** Written form for displays and Dialogflow entries ("2% Reduced Fat Milk"). */
  display: string;
  /** Other spoken forms; a form two products share ("whole milk") appears on both, so both ids resolve. */
  synonyms: string[];
}

export function productSlotValues(catalog: readonly Product[], locale: ModelLocale): ProductSlotValue[] {
  const aisleNames = aislesInCatalogOrder(catalog, locale);
  const productValues = catalog.flatMap((product) => productValue(product, locale, aisleNames));
  disambiguateSharedNames(productValues, catalog, locale);

  const claimed = new Set(productValues.flatMap((value) => [value.name, ...value.synonyms]));
  const unclaimed = (words: string[]) => unique(words).filter((word) => !claimed.has(word));

  const aisleValues: ProductSlotValue[] = [];
  for (const [aisleId, aisleName] of aisleNames) {
    const words = unclaimed([...spokenVariants(aisleName, locale), ...(AISLE_SYNONYMS[locale][aisleId] ?? []).flatMap((w) => spokenVariants(w, locale))]);
    const [name, ...synonyms] = words;
    if (name === undefined) continue;
    words.forEach((word) => claimed.add(word));
    aisleValues.push({ id: AISLE_ID_PREFIX + aisleId, name, display: aisleName, synonyms });
  }

  const termValues: ProductSlotValue[] = [];
  const addTerm = (display: string, spokenForms: string[]) => {
    const words = unclaimed(spokenForms);
    const [name, ...synonyms] = words;
    if (name === undefined) return;
    words.forEach((word) => claimed.add(word));
    termValues.push({ id: TERM_ID_PREFIX + name.replace(/ /g, '-'), name, display, synonyms });
  };
  const termForms = (term: GroceryTerm) =>
    [term.value, ...(term.synonyms ?? [])].flatMap((word) => spokenVariants(word, locale)).flatMap((word) => withNumberForms(word, locale));
  for (const term of UNSOLD_TERMS[locale]) addTerm(term.value, termForms(term));
  for (const tail of catalogNameTails(catalog, locale, aisleNames)) addTerm(tail, withNumberForms(tail, locale).flatMap((form) => accentVariants(form, locale)));
  for (const term of vocabularyTerms(locale)) addTerm(term.value, termForms(term));
  addOrganicForms([...aisleValues, ...termValues], claimed, locale);
  // "organic bananas" when the shop sells only "Bananas" is no name of that product: a term, so the core
  // searches the words and does not hand over the plain bananas as if they had been asked for.
  const organicProducts = productValues.map((value) => ({ ...value, id: `${TERM_ID_PREFIX}${ORGANIC[locale]}-${value.id}`, synonyms: [] as string[] }));
  addOrganicForms(organicProducts, claimed, locale, productValues);
  const organicTerms = organicProducts.filter((value) => value.synonyms.length > 0).map(({ synonyms: [name, ...rest], ...value }) => ({ ...value, name: name!, synonyms: rest }));
  return [...productValues, ...aisleValues, ...termValues, ...organicTerms];
}

/** The one modifier shoppers put before almost any grocery word ("organic bananas", "Bio-Bananen"). */
const ORGANIC: Record<ModelLocale, string> = { 'en-US': 'organic', 'de-DE': 'bio' };

/**
 * Every generic word also as its organic variant, as a synonym: the shopper's words still reach the core
 * whole ("organic bananas"), and the search weighs "organic" like any other word of the request.
 */
function addOrganicForms(values: ProductSlotValue[], claimed: Set<string>, locale: ModelLocale, formsOf: readonly ProductSlotValue[] = values): void {
  const modifier = ORGANIC[locale];
  values.forEach((value, index) => {
    const source = formsOf[index]!;
    for (const form of [source.name, ...source.synonyms]) {
      if (form.split(' ').includes(modifier)) continue;
      const organic = `${modifier} ${form}`;
      if (claimed.has(organic)) continue;
      claimed.add(organic);
      value.synonyms.push(organic);
    }
  });
}

/** Tails of every product name in catalog order, each once ("red grapes", "grapes", "almond milk"…). */
function catalogNameTails(catalog: readonly Product[], locale: ModelLocale, aisleNames: ReadonlyMap<string, string>): string[] {
  const tails = catalog.flatMap((product) => {
    const written = product.names[locale];
    return written ? nameTails(written, product.aisleId ? aisleNames.get(product.aisleId) : undefined, locale) : [];
  });
  return unique(tails);
}

function withNumberForms(phrase: string, locale: ModelLocale): string[] {
  return [phrase, ...numberForms(phrase, locale)];
}

/** The accent-folded form first, as spokenVariants orders them. */
function accentVariants(spoken: string, locale: ModelLocale): string[] {
  const folded = foldAccents(spoken, locale);
  return folded === spoken ? [spoken] : [folded, spoken];
}

function productValue(product: Product, locale: ModelLocale, aisleNames: ReadonlyMap<string, string>): ProductSlotValue[] {
  const written = product.names[locale];
  if (!written) return [];
  const aisleName = product.aisleId ? aisleNames.get(product.aisleId) : undefined;
  // The same product in the other number ("banana" of "Bananas") is still that product's own name, but
  // only a name that ends in a noun has one ("medium roasts" is nobody's word).
  const inflect = (spoken: string[]) =>
    nameEndsInAThing(written, aisleName, locale) ? spoken.flatMap((form) => withNumberForms(form, locale)) : spoken;
  const forms = inflect(spokenVariants(written, locale));
  if (aisleName) forms.push(...headPhrases(forms[0]!, toSpoken(aisleName, locale), locale).flatMap((phrase) => withNumberForms(phrase, locale)));
  const brand = product.brand?.trim();
  if (brand) {
    const lowerName = written.toLocaleLowerCase(locale);
    const lowerBrand = brand.toLocaleLowerCase(locale);
    // Shoppers drop the brand ("number five eau de parfum") or add it ("morning ridge ground coffee").
    if (lowerName.startsWith(`${lowerBrand} `)) forms.push(...inflect(spokenVariants(written.slice(brand.length), locale)));
    else if (!lowerName.includes(lowerBrand)) forms.push(...inflect(spokenVariants(`${brand} ${written}`, locale)));
  }
  const [name, ...synonyms] = unique(forms);
  return name === undefined ? [] : [{ id: product.id, name, display: written, synonyms }];
}

/**
 * The short names shoppers use for a long product name: the words up to the category noun
 * ("oat milk" of "Oat Milk Barista Edition", "röstkaffee" of "Röstkaffee gemahlen mittlere Röstung").
 * German glues the noun into compounds, so there a word that ends with it counts too.
 */
export function headPhrases(spokenName: string, spokenAisle: string, locale: ModelLocale): string[] {
  const head = spokenAisle.split(' ').at(-1);
  if (!head) return [];
  const words = spokenName.split(' ');
  const phrases: string[] = [];
  for (let end = 1; end < words.length; end += 1) {
    const word = words[end - 1]!;
    const isHead = word === head || (locale === 'de-DE' && word.endsWith(head));
    const phrase = words.slice(0, end).join(' ');
    if (isHead && phrase !== head && phrase !== spokenAisle) phrases.push(phrase);
  }
  return phrases;
}

/**
 * Two products with one name ("Whole Milk", gallon and half gallon) cannot share an Alexa value name:
 * the size goes into the name, and the bare name stays on both as a synonym.
 */
function disambiguateSharedNames(values: ProductSlotValue[], catalog: readonly Product[], locale: ModelLocale): void {
  const byName = new Map<string, ProductSlotValue[]>();
  for (const value of values) byName.set(value.name, [...(byName.get(value.name) ?? []), value]);
  const sizeOf = new Map(catalog.map((product) => [product.id, product.size ?? product.id]));
  for (const [sharedName, group] of byName) {
    if (group.length < 2) continue;
    for (const value of group) {
      value.name = `${sharedName} ${toSpoken(sizeOf.get(value.id) ?? value.id, locale)}`.trim();
      value.synonyms = unique([sharedName, ...value.synonyms]);
    }
  }
}

function aislesInCatalogOrder(catalog: readonly Product[], locale: ModelLocale): Map<string, string> {
  const aisles = new Map<string, string>();
  for (const product of catalog) {
    const name = product.aisle?.[locale];
    if (product.aisleId && name && !aisles.has(product.aisleId)) aisles.set(product.aisleId, name);
  }
  return aisles;
}

function unique(values: string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}
