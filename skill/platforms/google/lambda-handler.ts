/**
 * The Lambda trigger for the Dialogflow ES webhook, behind a Lambda Function URL or an API Gateway HTTP API
 * (payload format 2.0; both deliver the same event). The same checks as the express route run here, from the same
 * code (webhook.ts). The app is built on the first request and kept for the life of the container; building it
 * makes no network call. The Alexa twin is ../alexa/lambda-handler.ts.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { GoogleWebhook, MAX_BODY_BYTES, WebhookHttpError, errorResult, verifyContentType, verifySecret, type GoogleWebhookDeps, type HttpResult } from './webhook';

export type GoogleLambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface GoogleLambdaSetup {
  /** The configured webhook secret; read before the app is built, so a stranger's request costs no init. */
  secret: () => string | undefined;
  buildDeps: () => GoogleWebhookDeps;
}

/** The body as bytes; an obviously oversized body is refused by its encoded length before decoding it. */
function bodyBytes(event: APIGatewayProxyEventV2): Buffer {
  const body = event.body ?? '';
  const estimated = event.isBase64Encoded ? Math.floor((body.length * 3) / 4) : Buffer.byteLength(body, 'utf8');
  if (estimated > MAX_BODY_BYTES + 2) {
    throw new WebhookHttpError(413, 'payload_too_large', `The body has about ${estimated} bytes; the limit is ${MAX_BODY_BYTES}.`);
  }
  return event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
}

/** A failure before the app exists (bad configuration): logged for the operator, answered without details. */
function startupFailure(error: unknown): HttpResult {
  console.error(JSON.stringify({ level: 'ERROR', message: 'google webhook could not start', error: error instanceof Error ? error.message : String(error) }));
  return errorResult(new WebhookHttpError(500, 'internal_error', 'The webhook is not configured correctly.'));
}

export function createGoogleLambdaHandler(setup: GoogleLambdaSetup): GoogleLambdaHandler {
  let webhook: GoogleWebhook | undefined;
  return async (event) => {
    const method = event.requestContext?.http?.method ?? 'POST';
    if (method !== 'POST') {
      const refused = errorResult(new WebhookHttpError(405, 'method_not_allowed', 'The webhook accepts POST only.'));
      return { ...refused, headers: { ...refused.headers, allow: 'POST' } };
    }
    let secret: string | undefined;
    try {
      secret = setup.secret();
    } catch (error) {
      return startupFailure(error);
    }
    // The header checks and the size check come before the app is built: a stranger's request costs no init.
    let raw: Buffer;
    const headers = event.headers ?? {};
    try {
      verifySecret(headers, secret);
      verifyContentType(headers);
      raw = bodyBytes(event);
    } catch (error) {
      if (error instanceof WebhookHttpError) return errorResult(error);
      throw error;
    }
    try {
      webhook ??= new GoogleWebhook(setup.buildDeps());
    } catch (error) {
      return startupFailure(error);
    }
    return webhook.answer(raw);
  };
}
