// Every table of every module, for Drizzle and drizzle-kit. Modules own their tables.

export * from '../http/idempotency-schema.js';
export * from '../jobs/schema.js';
export * from '../modules/ads/schema.js';
export * from '../modules/catalog/schema.js';
export * from '../modules/fx/schema.js';
export * from '../modules/identity/schema.js';
export * from '../modules/insights/schema.js';
export * from '../modules/ledger/schema.js';
export * from '../modules/logistics/schema.js';
export * from '../modules/notifications/schema.js';
export * from '../modules/orders/schema.js';
export * from '../modules/payments/schema.js';
export * from '../modules/search/schema.js';
export * from '../modules/sourcing/schema.js';
export * from '../modules/tiers/schema.js';
export * from '../modules/trade-services/schema.js';
export * from '../modules/webhooks/schema.js';
