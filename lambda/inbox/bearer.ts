/** The inbox's bearer check, in constant time like the webhook secret's (skill/secret-match.ts). */
import { MIN_CONSOLE_TOKEN_LENGTH } from '../../skill/config';
import { secretMatches } from '../../skill/secret-match';

/** The token of an `Authorization: Bearer <token>` header, or undefined when the header is absent or another scheme. */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(authorization);
  return match?.[1];
}

export function tokensMatch(presented: string | undefined, expected: string): boolean {
  // An empty expected token would let an empty header in: a host without a token must not reach this point.
  if (expected.length < MIN_CONSOLE_TOKEN_LENGTH) return false;
  return secretMatches(presented ?? '', expected) && presented !== undefined;
}
