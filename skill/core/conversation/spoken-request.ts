/**
 * Quantity in front of a product as shoppers say it ("two bottles of milk", "zwei Flaschen Milch").
 * Interim: replaced by the catalog's spoken-request parser once it lands.
 */
import type { Locale } from '../turn';
import { parseCardinal } from './numbers';

export interface SpokenRequest {
  quantity?: number;
  query: string;
}

const CONTAINERS = /^(bottles?|packs?|packages?|cans?|boxes?|bags?|jars?|cartons?|loaves?|bunch(es)?|flaschen?|packungen?|packs?|dosen?|kartons?|tüten?|gläser|glas|beutel)\s+(of\s+)?/i;

export function parseSpokenRequest(text: string, locale: Locale): SpokenRequest {
  const words = text.trim().split(/\s+/);
  const first = words[0] ?? '';
  const quantity = parseCardinal(first, locale);
  if (quantity === undefined || words.length < 2) return { query: text.trim() };
  const rest = words.slice(1).join(' ').replace(CONTAINERS, '');
  return { quantity, query: rest };
}
