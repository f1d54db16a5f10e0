/**
 * The one schema for the conversation state a platform carries between turns (Alexa sessionAttributes, a Dialogflow
 * output context). The client sends it back, so it is untrusted input: one set of limits for both platforms, checked
 * here, and anything malformed is dropped whole (the shopper loses a little context) rather than handed to the core.
 */
import * as z from 'zod/mini';
import type { SessionState } from '../core/turn';
import { sessionStateFits } from './request-limits';

const productId = z.string().check(z.minLength(1), z.maxLength(200));
const count = z.number().check(z.int(), z.gte(0), z.lte(1000));

/** The keys the core reads with a known shape; other keys pass through (within the size and depth limits). */
const sessionStateSchema = z.looseObject({
  lastResults: z.optional(z.array(productId).check(z.maxLength(100))),
  resultOffset: z.optional(count),
  pending: z.optional(z.looseObject({ kind: z.string().check(z.minLength(1), z.maxLength(64)) })),
  misses: z.optional(count),
});

/** The state the client sent back, or undefined when there is none or it is oversized, too deep or malformed. */
export function readSessionState(value: unknown): SessionState | undefined {
  if (value === undefined || value === null) return undefined;
  // Measured without recursion before the schema (or anything else) walks the value.
  if (!sessionStateFits(value)) return undefined;
  const parsed = sessionStateSchema.safeParse(value);
  return parsed.success ? (parsed.data as SessionState) : undefined;
}
