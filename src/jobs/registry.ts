import { sql } from 'drizzle-orm';
import { grantMonthlyAdCredit, registerAdCreditSource } from '../modules/ads/index.js';
import { reindexCompanyProducts } from '../modules/catalog/index.js';
import { recordOrderPaid, recordOrderRefund } from '../modules/insights/index.js';
import { moveOrderWithBooking, runDepartureTimers } from '../modules/logistics/index.js';
import { notify } from '../modules/notifications/index.js';
import { runOrderTimers } from '../modules/orders/index.js';
import { schedulePayout } from '../modules/payments/index.js';
import { searchIndex } from '../modules/search/index.js';
import { expireRfqs, registerTierSignals } from '../modules/sourcing/index.js';
import { adCreditFor, computeSupplierScores, tierSignalsOf } from '../modules/tiers/index.js';
import {
  deliverDueWebhooks,
  enqueueWebhookDeliveries,
  webhookEventFamilies,
} from '../modules/webhooks/index.js';
import type { Scheduler } from './scheduler.js';

/** Outbox events that notify a company, with the path the notification links to. */
const notifyingEvents: Record<string, (p: Record<string, unknown>) => string> = {
  'sourcing.supplier_invited': (p) => `/rfqs/${p.rfqId}`,
  'sourcing.quote_received': (p) => `/rfqs/${p.rfqId}`,
  'sourcing.inquiry_received': (p) => `/inquiries/${p.inquiryId}`,
  'sourcing.inquiry_message': (p) => `/inquiries/${p.inquiryId}`,
  'quote.countered': (p) => `/quotes/${p.id}`,
  'quote.submitted': (p) => `/quotes/${p.id}`,
  'quote.revised': (p) => `/quotes/${p.id}`,
  'quote.shortlisted': (p) => `/quotes/${p.id}`,
  'quote.accepted': (p) => `/quotes/${p.id}`,
  'quote.declined': (p) => `/quotes/${p.id}`,
  'quote.withdrawn': (p) => `/rfqs/${p.rfqId}`,
  ...Object.fromEntries(
    [
      'placed',
      'awaiting_deposit',
      'in_production',
      'awaiting_balance',
      'ready_to_ship',
      'shipped',
      'delivered',
      'received',
      'completed',
      'cancelled',
      'disputed',
      'refunded',
      'compensation_claimed',
    ].map((to) => [`order.${to}`, (p: Record<string, unknown>) => `/orders/${p.id}`]),
  ),
  'payment.received': (p) => `/orders/${p.orderId}`,
  'payment.partial': (p) => `/orders/${p.orderId}`,
  'payment.refunded': (p) => `/orders/${p.orderId}`,
  'payment.payout_sent': () => '/payouts',
  'dispute.responded': (p) => `/disputes/${p.id}`,
  'dispute.escalated': (p) => `/disputes/${p.id}`,
  'dispute.decided': (p) => `/disputes/${p.id}`,
  'dispute.withdrawn': (p) => `/disputes/${p.id}`,
  'company.verification_requested': () => '/operator/verification',
  'company.verification_changed': () => '/company',
  'company.verification_rejected': () => '/company',
};

/**
 * Every module's background work, registered in one place so a reader sees
 * all of it: event handlers (fed by the outbox) and timers.
 */
export const registerBackgroundWork = (scheduler: Scheduler) => {
  // A supplier's verification level is a search facet on each of its listings.
  scheduler.onEvent('company.verification_changed', async (event, db) => {
    await reindexCompanyProducts(db, String(event.payload.companyId), event.createdAt);
  });
  // In-app notifications: the company named in `notify` (or the event's own company) hears of it.
  for (const [type, linkOf] of Object.entries(notifyingEvents)) {
    scheduler.onEvent(type, async (event, db) => {
      const companyId = String(event.payload.notify ?? event.companyId ?? '');
      if (!companyId) return;
      const params = Object.fromEntries(
        Object.entries(event.payload).filter(
          (entry): entry is [string, string | number] =>
            typeof entry[1] === 'string' || typeof entry[1] === 'number',
        ),
      );
      await notify(db, {
        companyId,
        kind: type,
        params,
        link: linkOf(event.payload),
        sourceEventId: event.id,
        at: event.createdAt,
      });
    });
  }
  // Webhooks: an event of a subscribable family becomes deliveries in the dispatcher's transaction;
  // the timer sends them, outside any transaction, and retries on its backoff.
  for (const family of webhookEventFamilies) scheduler.onEvent(`${family}.*`, enqueueWebhookDeliveries);
  scheduler.every('webhooks.deliver', '* * * * *', async (db, now) => {
    await deliverDueWebhooks(db, now);
  });
  // A release makes the supplier's share payable; the payout waits for the operator's bank run.
  for (const type of ['order.completed', 'order.cancelled']) {
    scheduler.onEvent(type, async (event, db) => {
      const released = BigInt(String(event.payload.released ?? '0'));
      if (released <= 0n) return;
      await schedulePayout(db, {
        supplierId: String(event.payload.supplierId),
        orderId: String(event.payload.id),
        amount: released,
        currency: String(event.payload.currency),
        at: event.createdAt,
      });
    });
  }
  // The trade index counts an order when its first payment is complete, and a refund against it.
  scheduler.onEvent('payment.received', recordOrderPaid);
  scheduler.onEvent('payment.refunded', recordOrderRefund);
  // Trade assurance's clocks: unconfirmed and unpaid orders cancel, receipt auto-confirms, escrow
  // is released when the protection window ends, late shipments open claims, disputes escalate.
  scheduler.every(
    'orders.run-timers',
    '*/5 * * * *',
    async (db, now) => {
      await runOrderTimers(db, now);
    },
    { runOnStart: true },
  );
  // A freight booking carrying an order moves it: loaded or departed ships it, delivered starts receipt.
  for (const type of ['booking.loaded', 'booking.departed'])
    scheduler.onEvent(type, (event, db) => moveOrderWithBooking(event, db, 'ship'));
  scheduler.onEvent('booking.delivered', (event, db) => moveOrderWithBooking(event, db, 'deliver'));
  // Departures whose day has passed have left: cargo never reported loaded is rolled (and compensated).
  scheduler.every(
    'logistics.run-departures',
    '*/15 * * * *',
    async (db, now) => {
      await runDepartureTimers(db, now);
    },
    { runOnStart: true },
  );
  // Quoting refuses past the deadline by itself; the sweep moves the RFQ's state for everyone to see.
  scheduler.every(
    'sourcing.expire-rfqs',
    '*/5 * * * *',
    async (db, now) => {
      await expireRfqs(db, now);
    },
    { runOnStart: true },
  );
  // Listing stats are refreshed per company on every change; nightly for everyone catches any race.
  scheduler.every('search.refresh-supplier-stats', '41 2 * * *', async (db) => {
    await searchIndex.refreshSupplierStats(db, 'all');
  });
  // Tiers fill sourcing's hook (quota, matching boost); every supplier is rescored on the 1st of the month.
  registerTierSignals(tierSignalsOf);
  scheduler.every('tiers.compute-scores', '7 0 1 * *', async (db, now) => {
    await computeSupplierScores(db, now());
  });
  // Each tier's monthly ad credit, paid into ad wallets once per month; daily, so a missed day catches up.
  registerAdCreditSource(adCreditFor);
  scheduler.every(
    'ads.grant-monthly-credit',
    '23 0 * * *',
    async (db, now) => {
      await grantMonthlyAdCredit(db, now());
    },
    { runOnStart: true },
  );
  // PGlite never autovacuums: reclaim dead rows nightly (a no-op cost on PostgreSQL).
  scheduler.every('maintenance.vacuum', '17 3 * * *', async (db) => {
    await db.execute(sql.raw('vacuum analyze'));
  });
};
