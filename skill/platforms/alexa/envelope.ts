import type { RequestEnvelope } from 'ask-sdk-model';
import { z } from 'zod';
import { BadRequestError } from '../../core/errors';

/**
 * The parts of an Alexa request envelope the adapter and ask-sdk-core read without checking (ask-sdk-core's
 * skill-id check dereferences context.System.application). Anything else may vary by request type and is
 * passed through untouched.
 */
const text = z.string().min(1).max(1024);

const envelopeSchema = z.looseObject({
  version: z.string().max(16),
  context: z.looseObject({
    System: z.looseObject({
      application: z.looseObject({ applicationId: text }),
      user: z.looseObject({ userId: text, accessToken: z.string().max(4096).optional() }),
      device: z.looseObject({ supportedInterfaces: z.record(z.string(), z.unknown()).optional() }).optional(),
    }),
  }),
  session: z
    .looseObject({
      new: z.boolean(),
      sessionId: text,
      attributes: z.unknown().optional(),
    })
    .optional(),
  request: z.looseObject({
    type: z.string().min(1).max(128),
    requestId: text,
    timestamp: z.string().min(1).max(64),
    locale: z.string().max(16).optional(),
  }),
});

const intentSchema = z.looseObject({
  intent: z.looseObject({
    name: z.string().min(1).max(256),
    confirmationStatus: z.string().max(32).optional(),
    slots: z.record(z.string(), z.looseObject({ name: z.string().max(256).optional() })).optional(),
  }),
});

function describe(error: z.ZodError, prefix: string[] = []): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${[...prefix, ...issue.path.map(String)].join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** Checks the shape of a parsed request body; throws BadRequestError naming the first problems. */
export function parseAlexaEnvelope(body: unknown): RequestEnvelope {
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    throw new BadRequestError(`Not an Alexa request envelope: ${describe(envelope.error)}`);
  }
  if (envelope.data.request.type === 'IntentRequest') {
    const intent = intentSchema.safeParse(envelope.data.request);
    if (!intent.success) {
      throw new BadRequestError(`Not an Alexa IntentRequest: ${describe(intent.error, ['request'])}`);
    }
  }
  return body as RequestEnvelope;
}
