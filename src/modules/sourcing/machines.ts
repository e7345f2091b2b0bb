import { defineMachine } from '../../core/state-machine.js';
import type { QuoteStatus, RfqStatus } from './schema.js';

/** An RFQ's lifecycle. A closed or expired RFQ can still be awarded from the quotes it received. */
export const rfqMachine = defineMachine<RfqStatus>('rfq', {
  draft: ['published', 'cancelled'],
  published: ['closed', 'expired', 'cancelled', 'awarded'],
  closed: ['awarded', 'cancelled'],
  expired: ['awarded', 'cancelled'],
  awarded: [],
  cancelled: [],
});

/** Where a quote may still be quoted on, countered or accepted. */
export const openRfqStatuses: readonly RfqStatus[] = ['published'];
export const awardableRfqStatuses: readonly RfqStatus[] = ['published', 'closed', 'expired'];

/**
 * A quote's lifecycle. A buyer's counter waits for the supplier's revision
 * (back to submitted); only a submitted or shortlisted quote can be accepted.
 */
export const quoteMachine = defineMachine<QuoteStatus>('quote', {
  submitted: ['countered', 'shortlisted', 'accepted', 'declined', 'withdrawn'],
  countered: ['submitted', 'declined', 'withdrawn'],
  shortlisted: ['countered', 'accepted', 'declined', 'withdrawn'],
  accepted: [],
  declined: [],
  withdrawn: [],
});

export const liveQuoteStatuses: readonly QuoteStatus[] = ['submitted', 'countered', 'shortlisted'];

/** An RFQ closes to new quotes when it has this many. */
export const maxQuotesPerRfq = 10;
