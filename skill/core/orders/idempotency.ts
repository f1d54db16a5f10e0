/**
 * The idempotency key of an order: the customer and the exact cart they confirmed (its version and lines). Every
 * copy of one confirmation (an Alexa retry, a second "yes", another device) derives the same key; the same items
 * bought again next week come from a later cart version and get a new key.
 */
import { createHash } from 'node:crypto';
import type { CartLine } from '../ports';

export function orderIdempotencyKey(customerId: string, cartVersion: number, lines: readonly CartLine[]): string {
  const canonical = [...lines]
    .map((line) => `${line.productId}x${line.quantity}`)
    .sort()
    .join(',');
  return createHash('sha256').update(`${customerId}\n${cartVersion}\n${canonical}`).digest('hex');
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/** A short order number that can be read aloud (no 0/O, 1/I), derived from the key so duplicates share it. */
export function orderNumber(idempotencyKey: string): string {
  const bytes = Buffer.from(idempotencyKey.slice(0, 16), 'hex');
  let code = '';
  for (let i = 0; i < 7; i++) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return `V${code}`;
}
