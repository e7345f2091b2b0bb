/** Webhooks: companies subscribe endpoints to event families; deliveries are signed, retried and logged. */
export * from './api.js';
export { deliverDueWebhooks, maxWebhookAttempts, webhookRetryDelaysMs } from './deliver-webhooks.js';
export { listWebhookDeliveries, retryWebhookDelivery } from './deliveries.js';
export { webhookUrlProblem } from './endpoint-url.js';
export {
  createWebhookEndpoint,
  deactivateWebhookEndpoint,
  getWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
} from './endpoints.js';
export { enqueueWebhookDeliveries } from './enqueue-deliveries.js';
export { audienceOf, patternMatches, webhookEventFamilies } from './events.js';
export * from './schema.js';
export { newWebhookSecret, signatureHeader, signWebhook, verifyWebhookSignature } from './signature.js';
