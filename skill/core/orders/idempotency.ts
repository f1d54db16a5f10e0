/**
 * Two keys guard an order. The confirmation key names what the shopper said yes to: the customer and the exact
 * cart (version and lines). Every copy of one confirmation (an Alexa retry, a second "yes", another device)
 * derives it, so they all meet at one claim. The charge key names one placement attempt on that confirmation:
 * random, so a retry after a failure never meets the earlier attempt's charge at the gateway (which answers a
 * reused key with the first result, refunded or not), nor a charge kept from before an erasure.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { CartLine } from '../ports';

export function orderIdempotencyKey(customerId: string, cartVersion: number, lines: readonly CartLine[]): string {
  const canonical = [...lines]
    .map((line) => `${line.productId}x${line.quantity}`)
    .sort()
    .join(',');
  return createHash('sha256').update(`${customerId}\n${cartVersion}\n${canonical}`).digest('hex');
}

/** A fresh gateway key for one attempt at a confirmation (hex, like the confirmation key). */
export function chargeIdempotencyKey(confirmationKey: string, nonce: string = randomBytes(16).toString('hex')): string {
  return createHash('sha256').update(`${confirmationKey}\n${nonce}`).digest('hex');
}

const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A short order number that can be read aloud (no 0/O, 1/I), derived from the charge key: duplicates share it
 * because they share the one committed order, and an order after an erasure never repeats a kept one's number.
 */
export function orderNumber(chargeKey: string): string {
  const bytes = Buffer.from(chargeKey.slice(0, 16), 'hex');
  let code = '';
  for (let i = 0; i < 7; i++) code += ALPHABET[bytes[i]! % ALPHABET.length];
  return `V${code}`;
}
