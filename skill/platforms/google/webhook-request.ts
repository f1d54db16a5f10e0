/**
 * The part of a Dialogflow ES v2 WebhookRequest that vocart reads, validated at the edge.
 * Reference: cloud.google.com/dialogflow/es/docs/reference/rest/v2/WebhookRequest.
 *
 * The schema is deliberately lenient about fields we only read opportunistically (a missing language,
 * odd parameter values, foreign contexts): Dialogflow and its integrations differ in what they fill in,
 * and a shopper should get a spoken answer rather than a 400. Only a body that is not a WebhookRequest
 * at all (no queryResult object) is rejected.
 */
import { z } from 'zod';
import { BadRequestError } from '../../core/errors';

const contextSchema = z.object({
  name: z.string().max(1024),
  lifespanCount: z.number().optional(),
  parameters: z.record(z.string(), z.unknown()).optional(),
});
export type DialogflowContext = z.infer<typeof contextSchema>;

/** Keeps the contexts that have the v2 shape and drops the rest, so one foreign context cannot sink the turn. */
const contextsSchema = z
  .array(z.unknown())
  .max(100)
  .optional()
  .transform((items) =>
    (items ?? []).flatMap((item) => {
      const parsed = contextSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  );

const lenientString = z.string().optional().catch(undefined);
const lenientRecord = z.record(z.string(), z.unknown()).optional().catch(undefined);

const queryResultSchema = z.object({
  queryText: lenientString,
  languageCode: lenientString,
  action: lenientString,
  parameters: lenientRecord,
  intent: z
    .object({ name: lenientString, displayName: lenientString })
    .optional()
    .catch(undefined),
  intentDetectionConfidence: z.number().optional().catch(undefined),
  outputContexts: contextsSchema.catch([]),
});

const capabilitySchema = z.object({ name: z.string() });

/** The Actions on Google payload that Dialogflow forwarded when the request came through the Assistant. */
const googlePayloadSchema = z.object({
  user: z
    .object({
      userId: lenientString,
      accessToken: lenientString,
      locale: lenientString,
    })
    .optional()
    .catch(undefined),
  surface: z
    .object({ capabilities: z.array(capabilitySchema).optional().catch(undefined) })
    .optional()
    .catch(undefined),
  inputs: z
    .array(
      z.object({
        intent: lenientString,
        arguments: z
          .array(z.object({ name: lenientString, textValue: lenientString }))
          .optional()
          .catch(undefined),
      }),
    )
    .optional()
    .catch(undefined),
});
export type GooglePayload = z.infer<typeof googlePayloadSchema>;

const webhookRequestSchema = z.object({
  responseId: lenientString,
  session: lenientString,
  queryResult: queryResultSchema,
  originalDetectIntentRequest: z
    .object({
      source: lenientString,
      version: lenientString,
      payload: googlePayloadSchema.optional().catch(undefined),
    })
    .optional()
    .catch(undefined),
});

export type WebhookRequest = z.infer<typeof webhookRequestSchema> & {
  /**
   * `payload.user.userId`, copied here by parseWebhookRequest only when configuration says the caller is an
   * authenticated integration (GOOGLE_TRUST_PAYLOAD_USER_ID). The payload's own field is whatever the caller
   * wrote, so it never names the shopper by itself. Not part of the schema: a body cannot set it.
   */
  trustedUserId?: string;
};

export interface ParseOptions {
  trustPayloadUserId?: boolean;
}

/** Validates a parsed JSON body; throws BadRequestError with a fixed reason when it is not a WebhookRequest. */
export function parseWebhookRequest(body: unknown, options: ParseOptions = {}): WebhookRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new BadRequestError('The body must be a JSON object (a Dialogflow ES v2 WebhookRequest).');
  }
  if (!('queryResult' in body) || typeof body.queryResult !== 'object' || body.queryResult === null) {
    throw new BadRequestError('The body has no queryResult object: it is not a Dialogflow ES v2 WebhookRequest.');
  }
  const parsed = webhookRequestSchema.safeParse(body);
  if (!parsed.success) {
    throw new BadRequestError('The body is not a well-formed Dialogflow ES v2 WebhookRequest.', { cause: parsed.error });
  }
  const userId = parsed.data.originalDetectIntentRequest?.payload?.user?.userId;
  return options.trustPayloadUserId && userId ? { ...parsed.data, trustedUserId: userId } : parsed.data;
}
