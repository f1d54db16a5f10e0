/**
 * Pack sizes on one scale, so "the bigger one" can compare what was read out: "1 gallon", "64 oz" and "half gallon"
 * of milk are 128, 64 and 64 ounces. Weights and volumes share the ounce because shoppers say "ounces" for both
 * (as the catalog's pack sizes do); counted packs compare by pieces and never with weights.
 */
import { parsePackSize } from '../../catalog/pack-size';

export interface ComparableSize {
  amount: number;
  scale: 'ounces' | 'pieces';
}

const OUNCES_PER_UNIT: Record<string, number> = {
  oz: 1,
  lb: 16,
  pint: 16,
  quart: 32,
  gallon: 128,
  g: 1 / 28.349523125,
  ml: 1 / 29.5735295625,
};

export function comparableSize(size: string | undefined): ComparableSize | undefined {
  const parsed = parsePackSize(size);
  if (!parsed) return undefined;
  if (parsed.unit === 'count') return { amount: parsed.amount, scale: 'pieces' };
  const factor = OUNCES_PER_UNIT[parsed.unit];
  return factor === undefined ? undefined : { amount: parsed.amount * factor, scale: 'ounces' };
}
