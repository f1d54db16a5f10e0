/**
 * The part of a Dialogflow ES v2 WebhookRequest that vocart reads, validated at the edge.
 * Reference: cloud.google.com/dialogflow/es/docs/reference/rest/v2/WebhookRequest.
 *
 * The schema is deliberately lenient about fields we only read opportunistically (a missing language,
 * odd parameter values, foreign contexts): Dialogflow and its integrations differ in what they fill in,
 * and a shopper should get a spoken answer rather than a 400. Only a body that is not a WebhookRequest
 * at all (no queryResult object) is rejected.
 */
import * as z from 'zod/mini';
import { BadRequestError } from '../../core/errors';

const contextSchema = z.object({
  name: z.string().check(z.maxLength(1024)),
  lifespanCount: z.optional(z.number()),
  parameters: z.optional(z.record(z.string(), z.unknown())),
});
export type DialogflowContext = z.infer<typeof contextSchema>;

/** Keeps the contexts that have the v2 shape and drops the rest, so one foreign context cannot sink the turn. */
const contextsSchema = z.pipe(
  z.optional(z.array(z.unknown()).check(z.maxLength(100))),
  z.transform((items: unknown[] | undefined) =>
    (items ?? []).flatMap((item) => {
      const parsed = contextSchema.safeParse(item);
      return parsed.success ? [parsed.data] : [];
    }),
  ),
);

/** A field read only when it has the expected shape: anything else reads as absent rather than failing the request. */
const lenient = <T extends z.core.SomeType>(schema: T) => z.catch(z.optional(schema), undefined);
const lenientString = lenient(z.string());
const lenientRecord = lenient(z.record(z.string(), z.unknown()));

const queryResultSchema = z.object({
  queryText: lenientString,
  languageCode: lenientString,
  action: lenientString,
  parameters: lenientRecord,
  intent: lenient(z.object({ name: lenientString, displayName: lenientString })),
  intentDetectionConfidence: lenient(z.number()),
  outputContexts: z.catch(contextsSchema, []),
});

const capabilitySchema = z.object({ name: z.string() });

/** The Actions on Google payload that Dialogflow forwarded when the request came through the Assistant. */
const googlePayloadSchema = z.object({
  user: lenient(
    z.object({
      userId: lenientString,
      accessToken: lenientString,
      locale: lenientString,
    }),
  ),
  surface: lenient(z.object({ capabilities: lenient(z.array(capabilitySchema)) })),
  inputs: lenient(
    z.array(
      z.object({
        intent: lenientString,
        arguments: lenient(z.array(z.object({ name: lenientString, textValue: lenientString }))),
      }),
    ),
  ),
});
export type GooglePayload = z.infer<typeof googlePayloadSchema>;

const webhookRequestSchema = z.object({
  responseId: lenientString,
  session: lenientString,
  queryResult: queryResultSchema,
  originalDetectIntentRequest: lenient(
    z.object({
      source: lenientString,
      version: lenientString,
      payload: lenient(googlePayloadSchema),
    }),
  ),
});

export type WebhookRequest = z.infer<typeof webhookRequestSchema> & {
  /**
   * `payload.user.userId`, copied here by parseWebhookRequest only when configuration says the caller is an
   * authenticated integration (GOOGLE_TRUST_PAYLOAD_USER_ID). The payload's own field is whatever the caller
   * wrote, so it never names the shopper by itself. Not part of the schema: a body cannot set it.
   */
  trustedUserId?: string;
  /**
   * The user segment of an environment session path (`…/environments/<env>/users/<user>/sessions/…`), hashed with
   * the project, copied only under the same setting: the path is the caller's to write, just like the payload.
   */
  trustedEnvironmentUser?: string;
};

const ENVIRONMENT_USER = /^projects\/([^/]+)\/(?:locations\/[^/]+\/)?agent\/environments\/[^/]+\/users\/([^/]+)\/sessions\//;

/** `project/user` of an environment session path; "-" is Dialogflow's placeholder for "no user id given". */
function environmentUser(session: string | undefined): string | undefined {
  const match = session ? ENVIRONMENT_USER.exec(session) : null;
  return match && match[2] !== '-' ? `${match[1]}/${match[2]}` : undefined;
}

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
  if (!options.trustPayloadUserId) return parsed.data;
  const userId = parsed.data.originalDetectIntentRequest?.payload?.user?.userId;
  const environment = environmentUser(parsed.data.session);
  return { ...parsed.data, ...(userId ? { trustedUserId: userId } : {}), ...(environment ? { trustedEnvironmentUser: environment } : {}) };
}
