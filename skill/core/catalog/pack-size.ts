/**
 * Pack sizes as amounts in a unit, so a spoken size can be compared with a label: "2 lb" is two "1 lb" packs,
 * "a gallon" is two "half gallon" cartons, "two dozen" (24 count) is two 12-count boxes. Only units that convert
 * exactly are folded together (g and kg, ml and l); ounces by weight and by volume are one unit, because shoppers
 * say "ounces" for both.
 */

export interface PackSize {
  amount: number;
  unit: string;
}

/** Written or spoken unit → [base unit, factor]. */
const UNITS: Record<string, [string, number]> = {
  oz: ['oz', 1], ounce: ['oz', 1], ounces: ['oz', 1], 'fl oz': ['oz', 1],
  lb: ['lb', 1], lbs: ['lb', 1], pound: ['lb', 1], pounds: ['lb', 1], pfund: ['lb', 1],
  gallon: ['gallon', 1], gallons: ['gallon', 1], quart: ['quart', 1], quarts: ['quart', 1], pint: ['pint', 1], pints: ['pint', 1],
  g: ['g', 1], gram: ['g', 1], grams: ['g', 1], gramm: ['g', 1], kg: ['g', 1000], kilo: ['g', 1000], kilos: ['g', 1000],
  kilogram: ['g', 1000], kilograms: ['g', 1000], kilogramm: ['g', 1000],
  ml: ['ml', 1], l: ['ml', 1000], liter: ['ml', 1000], liters: ['ml', 1000], litre: ['ml', 1000], litres: ['ml', 1000],
  count: ['count', 1], ct: ['count', 1], each: ['count', 1],
};

export function parsePackSize(text: string | undefined): PackSize | undefined {
  const normalized = text?.trim().toLowerCase().replace(/(\d),(\d)/g, '$1.$2').replace(/\s+/g, ' ');
  if (!normalized) return undefined;
  if (/^(a )?half gallon$/.test(normalized)) return { amount: 0.5, unit: 'gallon' };
  const match = /^(\d+(?:\.\d+)?) ?(.+)$/.exec(normalized);
  if (!match) return undefined;
  const unit = UNITS[match[2]!];
  return unit ? { amount: Number(match[1]) * unit[1], unit: unit[0] } : undefined;
}

/** The same size, as said and as labelled ("12 oz" and "12 fl oz"). */
export function sameSize(spoken: string | undefined, label: string | undefined): boolean {
  const a = parsePackSize(spoken);
  const b = parsePackSize(label);
  return a !== undefined && b !== undefined && a.unit === b.unit && Math.abs(a.amount - b.amount) < 1e-9;
}

/**
 * Among close matches, best first, the one in the size said ("one gallon of milk"), else the first that makes it
 * up in whole packs ("a gallon" of half-gallon cartons); undefined when none fits or nothing was said.
 */
export function chooseBySize<T extends { size?: string }>(products: readonly T[], spoken: string | undefined): T | undefined {
  if (!spoken) return undefined;
  return products.find((product) => sameSize(spoken, product.size)) ?? products.find((product) => packsFor(spoken, product.size) !== undefined);
}

/** How many packs of `label` make the size said, when it is a whole number of them (at least one). */
export function packsFor(spoken: string | undefined, label: string | undefined): number | undefined {
  const wanted = parsePackSize(spoken);
  const pack = parsePackSize(label);
  if (!wanted || !pack || wanted.unit !== pack.unit || pack.amount <= 0) return undefined;
  const packs = wanted.amount / pack.amount;
  const whole = Math.round(packs);
  return whole >= 1 && Math.abs(packs - whole) < 1e-9 ? whole : undefined;
}

/**
 * How many pieces one pack holds when it is sold as a count of several ("12 count", "18 ct", "6 each"): then a
 * bare number said ("six eggs") counts pieces, not packs. Undefined for a single piece ("1 each") and for
 * measures ("2 lb"), where a number said can only count packs.
 */
export function piecesPerPack(label: string | undefined): number | undefined {
  const size = parsePackSize(label);
  return size?.unit === 'count' && Number.isInteger(size.amount) && size.amount > 1 ? size.amount : undefined;
}
