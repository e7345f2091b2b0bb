/** In-app notifications per company, written from outbox events. */
export { listNotifications, markNotificationRead } from './list-notifications.js';
export { type NewNotification, notify } from './notify.js';
export * from './schema.js';
