/**
 * Whether a presented secret (the Dialogflow webhook's header, the agent inbox's bearer token) is the configured
 * one, in constant time: both sides are hashed first, so the buffers timingSafeEqual compares have the same length
 * whatever was sent (it throws on unequal lengths), and neither the secret's length nor where a guess goes wrong
 * shows in the time taken.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

export function secretMatches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}
