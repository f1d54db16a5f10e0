/**
 * The inbox's bearer check. Both sides are hashed before the comparison so it runs in constant time whatever the
 * lengths: timingSafeEqual alone throws on unequal lengths, and an early return would tell the length apart.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** The shortest token the inbox accepts (config.ts refuses a shorter CONSOLE_TOKEN with the same figure). */
export const MIN_TOKEN_LENGTH = 24;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/** The token of an `Authorization: Bearer <token>` header, or undefined when the header is absent or another scheme. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization);
  return match?.[1];
}

export function tokensMatch(presented: string | undefined, expected: string): boolean {
  // An empty expected token would let an empty header in: a host without a token must not reach this point.
  if (expected.length < MIN_TOKEN_LENGTH) return false;
  return timingSafeEqual(digest(presented ?? ''), digest(expected)) && presented !== undefined;
}
