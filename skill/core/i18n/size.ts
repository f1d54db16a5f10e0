/**
 * A pack size as the shopper's locale says it. A catalog written with US units ("12 oz", "1 gallon", "24 count")
 * reads to a German shopper in grams, litres and "Stück"; metric sizes and anything unrecognised stay as written.
 */
import type { Locale } from '../turn';

const GRAMS_PER_OUNCE = 28.349523125;
const GRAMS_PER_POUND = 453.59237;
const MILLILITRES_PER_FLUID_OUNCE = 29.5735295625;
const LITRES_PER_GALLON = 3.785411784;

/** Counted units in German, singular and plural alike ("24 Stück", "6 Rollen"). */
const GERMAN_COUNTS: Record<string, string> = {
  count: 'Stück',
  each: 'Stück',
  ct: 'Stück',
  rolls: 'Rollen',
  roll: 'Rolle',
  bags: 'Beutel',
  bag: 'Beutel',
  pods: 'Kapseln',
  bars: 'Stück',
  boxes: 'Packungen',
  cans: 'Dosen',
  bottles: 'Flaschen',
  head: 'Kopf',
  liter: 'Liter',
  liters: 'Liter',
  l: 'Liter',
  ml: 'ml',
  g: 'g',
  kg: 'kg',
};

/** "6 pack cans" → "6er-Pack Dosen". */
const GERMAN_PACKS: Record<string, string> = { pack: '', 'pack cans': ' Dosen', 'pack bottles': ' Flaschen' };

export function localizedSize(size: string, locale: Locale): string {
  if (locale === 'en-US') return size;
  const trimmed = size.trim();
  if (/^half gallons?$/i.test(trimmed)) return litres(LITRES_PER_GALLON / 2);
  const match = /^(\d+(?:[.,]\d+)?)\s+(.+)$/.exec(trimmed);
  if (!match) return size;
  const amount = Number(match[1]!.replace(',', '.'));
  const unit = match[2]!.toLowerCase();
  switch (unit) {
    case 'oz':
    case 'ounce':
    case 'ounces':
      return grams(amount * GRAMS_PER_OUNCE);
    case 'lb':
    case 'lbs':
    case 'pound':
    case 'pounds':
      return grams(amount * GRAMS_PER_POUND);
    case 'fl oz':
      return millilitres(amount * MILLILITRES_PER_FLUID_OUNCE);
    case 'gallon':
    case 'gallons':
      return litres(amount * LITRES_PER_GALLON);
  }
  if (unit in GERMAN_PACKS) return `${match[1]}er-Pack${GERMAN_PACKS[unit]}`;
  const counted = GERMAN_COUNTS[unit];
  return counted ? `${germanNumber(amount)} ${counted}` : size;
}

/** Converted amounts are rounded to what a label would print: 340 g, not 340.19 g. */
function grams(value: number): string {
  if (value >= 1000) return `${germanNumber(roundTo(value / 1000, 0.1))} kg`;
  return `${germanNumber(roundTo(value, value < 100 ? 5 : 10))} g`;
}

function millilitres(value: number): string {
  if (value >= 1000) return litres(value / 1000);
  return `${germanNumber(roundTo(value, value < 100 ? 5 : 10))} ml`;
}

function litres(value: number): string {
  return `${germanNumber(roundTo(value, 0.1))} Liter`;
}

function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

function germanNumber(value: number): string {
  return new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 }).format(value);
}
