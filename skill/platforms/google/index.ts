/** The Dialogflow ES (Google) platform adapter: translation between WebhookRequest/WebhookResponse and Turn/Reply. */
export { googleExpressHandlers } from './express';
export { GoogleWebhook, SECRET_HEADER, MAX_BODY_BYTES, type GoogleWebhookDeps, type HttpResult, type Headers } from './webhook';
export { GoogleFulfillment, type WebhookResponse } from './fulfillment';
export { toTurn } from './request-to-turn';
export { parseWebhookRequest, type WebhookRequest } from './webhook-request';
