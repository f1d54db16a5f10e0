import { z } from 'zod';
import type { SessionState } from '../../core/turn';
import { sessionStateFits } from '../request-limits';

/**
 * sessionAttributes come back from the client on every request, so they are untrusted input: a malformed
 * value is dropped (the shopper loses a little context) rather than handed to the core.
 */
const id = z.string().min(1).max(200);

const sessionSchema = z.looseObject({
  lastResults: z.array(id).max(100).optional(),
  resultOffset: z.number().int().min(0).max(1000).optional(),
  pending: z.looseObject({ kind: z.string().min(1).max(64) }).optional(),
  misses: z.number().int().min(0).max(1000).optional(),
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
