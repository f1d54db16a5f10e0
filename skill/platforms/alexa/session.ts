import { z } from 'zod';
import type { SessionState } from '../../core/turn';

/**
 * sessionAttributes come back from the client on every request, so they are untrusted input: a malformed
 * value is dropped (the shopper loses a little context) rather than handed to the core.
 */
const MAX_SESSION_JSON_CHARS = 16 * 1024;

const id = z.string().min(1).max(200);

const sessionSchema = z.looseObject({
  lastResults: z.array(id).max(100).optional(),
  resultOffset: z.number().int().min(0).max(1000).optional(),
  pending: z.looseObject({ kind: z.string().min(1).max(64) }).optional(),
  misses: z.number().int().min(0).max(1000).optional(),
});

export function parseSessionState(attributes: unknown): SessionState {
  if (attributes === undefined || attributes === null) return {};
  const parsed = sessionSchema.safeParse(attributes);
  if (!parsed.success) return {};
  if (JSON.stringify(parsed.data).length > MAX_SESSION_JSON_CHARS) return {};
  return parsed.data as SessionState;
}
