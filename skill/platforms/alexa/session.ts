import * as z from 'zod/mini';
import type { SessionState } from '../../core/turn';
import { sessionStateFits } from '../request-limits';

/**
 * sessionAttributes come back from the client on every request, so they are untrusted input: a malformed
 * value is dropped (the shopper loses a little context) rather than handed to the core.
 */
const id = z.string().check(z.minLength(1), z.maxLength(200));

const sessionSchema = z.looseObject({
  lastResults: z.optional(z.array(id).check(z.maxLength(100))),
  resultOffset: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))),
  pending: z.optional(z.looseObject({ kind: z.string().check(z.minLength(1), z.maxLength(64)) })),
  misses: z.optional(z.number().check(z.int(), z.gte(0), z.lte(1000))),
});

export function parseSessionState(attributes: unknown): SessionState {
  if (attributes === undefined || attributes === null) return {};
  // The limits are measured without recursion before the schema (or anything else) walks the value. The express
  // route refuses oversized state with a 400 before this; here it is the last line for other hosts.
  if (!sessionStateFits(attributes)) return {};
  const parsed = sessionSchema.safeParse(attributes);
  if (!parsed.success) return {};
  return parsed.data as SessionState;
}
