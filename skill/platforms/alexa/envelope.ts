import type { RequestEnvelope } from 'ask-sdk-model';
import * as z from 'zod/mini';
import { BadRequestError } from '../../core/errors';
import { checkBodyDepth, checkSessionState } from '../request-limits';

/**
 * The parts of an Alexa request envelope the adapter and ask-sdk-core read without checking (ask-sdk-core's
 * skill-id check dereferences context.System.application). Anything else may vary by request type and is
 * passed through untouched.
 */
const text = z.string().check(z.minLength(1), z.maxLength(1024));
const upTo = (max: number) => z.string().check(z.maxLength(max));

const envelopeSchema = z.looseObject({
  version: upTo(16),
  context: z.looseObject({
    System: z.looseObject({
      application: z.looseObject({ applicationId: text }),
      user: z.looseObject({ userId: text, accessToken: z.optional(upTo(4096)) }),
      device: z.optional(z.looseObject({ supportedInterfaces: z.optional(z.record(z.string(), z.unknown())) })),
    }),
  }),
  session: z.optional(
    z.looseObject({
      new: z.boolean(),
      sessionId: text,
      attributes: z.optional(z.unknown()),
    }),
  ),
  request: z.looseObject({
    type: z.string().check(z.minLength(1), z.maxLength(128)),
    requestId: text,
    timestamp: z.string().check(z.minLength(1), z.maxLength(64)),
    locale: z.optional(upTo(16)),
  }),
});

const intentSchema = z.looseObject({
  intent: z.looseObject({
    name: z.string().check(z.minLength(1), z.maxLength(256)),
    confirmationStatus: z.optional(upTo(32)),
    slots: z.optional(z.record(z.string(), z.looseObject({ name: z.optional(upTo(256)) }))),
  }),
});

/**
 * The names the schemas above declare. A problem's path is reported only up to the first name not among them, so
 * the reason is always one of a fixed set of sentences and never echoes a key the caller made up.
 */
const DECLARED_NAMES: ReadonlySet<string> = new Set([
  'version', 'context', 'System', 'application', 'applicationId', 'user', 'userId', 'accessToken', 'device',
  'supportedInterfaces', 'session', 'new', 'sessionId', 'attributes', 'request', 'type', 'requestId', 'timestamp',
  'locale', 'intent', 'name', 'confirmationStatus', 'slots',
]);

function where(error: z.core.$ZodError, prefix: string[] = []): string {
  const path: string[] = [...prefix];
  for (const segment of error.issues[0]?.path ?? []) {
    if (typeof segment !== 'string' || !DECLARED_NAMES.has(segment)) break;
    path.push(segment);
  }
  return path.join('.');
}

/** A body that is not an Alexa request envelope; the message names the first wrong field from the schema. */
export class InvalidEnvelopeError extends BadRequestError {
  override name = 'InvalidEnvelopeError';
}

function invalid(path: string): InvalidEnvelopeError {
  return new InvalidEnvelopeError(
    path ? `Not an Alexa request envelope: ${path} is missing or invalid.` : 'Not an Alexa request envelope: the body must be a JSON object.',
  );
}

/**
 * Checks a parsed request body: nesting first (without recursion, so a body 100,000 levels deep is refused before a
 * recursive validator sees it), then the shape, then the session attributes' depth and size. Throws
 * RequestLimitError or InvalidEnvelopeError (both BadRequestErrors) with a fixed reason.
 */
export function parseAlexaEnvelope(body: unknown): RequestEnvelope {
  checkBodyDepth(body);
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) throw invalid(where(envelope.error));
  if (envelope.data.request.type === 'IntentRequest') {
    const intent = intentSchema.safeParse(envelope.data.request);
    if (!intent.success) throw invalid(where(intent.error, ['request']));
  }
  checkSessionState(envelope.data.session?.attributes);
  return body as RequestEnvelope;
}
