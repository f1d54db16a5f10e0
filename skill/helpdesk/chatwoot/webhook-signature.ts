/**
 * Chatwoot's webhook signature: HMAC-SHA256 over `<unix seconds>.<raw body>` with the webhook's secret, sent as
 * `X-Chatwoot-Signature: sha256=<hex>` beside `X-Chatwoot-Timestamp`. The timestamp is inside the signed string, so
 * a captured delivery cannot be replayed later with a fresh timestamp; a delivery older than the tolerance is refused.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How far a delivery's timestamp may lie from our clock (Chatwoot's own guidance is about five minutes). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureProblem = 'missing' | 'malformed' | 'stale' | 'mismatch';

export function chatwootSignature(secret: string, timestamp: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex')}`;
}

/** Undefined when the delivery is genuine and fresh; otherwise why not (for a log line, never for the caller). */
export function signatureProblem(
  secret: string,
  rawBody: string,
  signature: string | undefined,
  timestamp: string | undefined,
  now: Date,
): SignatureProblem | undefined {
  if (!signature || !timestamp) return 'missing';
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/i.test(signature)) return 'malformed';
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return 'stale';
  const expected = Buffer.from(chatwootSignature(secret, timestamp, rawBody), 'utf8');
  const presented = Buffer.from(signature.toLowerCase(), 'utf8');
  // Same length by the pattern above, so timingSafeEqual cannot throw.
  return timingSafeEqual(expected, presented) ? undefined : 'mismatch';
}
