import { defineMachine } from '../../core/state-machine.js';
import type { DisputeStatus, OrderStatus } from './schema.js';

/**
 * An order's lifecycle under trade assurance. Money moves only on some of
 * these edges (see escrow.ts); the timers drive the rest (timers.ts).
 *
 * - A supplier confirms; with no deposit the order goes straight to production.
 * - A dispute can interrupt any funded, unfinished state; it returns to where
 *   it was unless the decision refunds everything.
 * - `received` is the protection window: it completes when the window ends.
 */
export const orderMachine = defineMachine<OrderStatus>('order', {
  awaiting_confirmation: ['awaiting_deposit', 'in_production', 'cancelled'],
  awaiting_deposit: ['in_production', 'cancelled'],
  in_production: ['awaiting_balance', 'ready_to_ship', 'disputed', 'cancelled', 'refunded'],
  awaiting_balance: ['ready_to_ship', 'disputed', 'cancelled', 'refunded'],
  ready_to_ship: ['shipped', 'disputed', 'refunded'],
  shipped: ['delivered', 'received', 'disputed', 'refunded'],
  delivered: ['received', 'disputed', 'refunded'],
  received: ['completed', 'disputed', 'refunded'],
  disputed: [
    'in_production',
    'awaiting_balance',
    'ready_to_ship',
    'shipped',
    'delivered',
    'received',
    'refunded',
  ],
  completed: [],
  cancelled: [],
  refunded: [],
});

/** States whose escrow may hold the buyer's money and where a dispute may be opened. */
export const disputableStatuses: readonly OrderStatus[] = [
  'in_production',
  'awaiting_balance',
  'ready_to_ship',
  'shipped',
  'delivered',
  'received',
];

/** States before the goods leave: pre-shipment coverage ends when the order ships. */
export const preShipmentStatuses: readonly OrderStatus[] = [
  'in_production',
  'awaiting_balance',
  'ready_to_ship',
];

export const finalOrderStatuses: readonly OrderStatus[] = ['completed', 'cancelled', 'refunded'];

/**
 * A dispute: the supplier answers within 3 days or it escalates; the buyer
 * may escalate from day 4; the timer escalates on day 8; the operator decides.
 */
export const disputeMachine = defineMachine<DisputeStatus>('dispute', {
  awaiting_response: ['responded', 'escalated', 'decided', 'withdrawn'],
  responded: ['escalated', 'decided', 'withdrawn'],
  escalated: ['decided', 'withdrawn'],
  decided: [],
  withdrawn: [],
});

export const openDisputeStatuses: readonly DisputeStatus[] = ['awaiting_response', 'responded', 'escalated'];
