/** Sourcing: inquiries, RFQs matched to suppliers, quotations with negotiation, and their comparison. */

export { acceptQuote } from './accept-quote.js';
export { findAcceptedOffer } from './accepted-offer.js';
export * from './api.js';
export { ownedAttachmentIds, readStoredAttachment } from './attachments.js';
export { cancelRfq } from './cancel-rfq.js';
export { compareQuotes } from './compare-quotes.js';
export { createRfq } from './create-rfq.js';
export { expireRfqs } from './expire-rfqs.js';
export { getQuote, listRfqQuotes } from './get-quote.js';
export { getRfq, getRfqMatches, listMyRfqs } from './get-rfq.js';
export { incoterms, seaOnlyIncoterms } from './incoterms.js';
export { getInquiry, listInquiries, markInquiryRead, openInquiry, postInquiryMessage } from './inquiries.js';
export { maxQuotesPerRfq, quoteMachine, rfqMachine } from './machines.js';
export { matchRfq } from './match-rfq.js';
export { type CandidateFacts, matchWeights, rankCandidates, scoreCandidate } from './matching.js';
export { counterQuote, reviseQuote } from './negotiate-quote.js';
export { publishRfq } from './publish-rfq.js';
export { consumeQuota, monthOf, quotaStatus } from './quota.js';
export { rateQuote, respondToQuote } from './respond-to-quote.js';
export { responseRates } from './response-rate.js';
export { rfqFeed } from './rfq-feed.js';
export * from './schema.js';
export { submitQuote } from './submit-quote.js';
export { defaultMonthlyQuota, registerTierSignals, type TierSignals } from './tier-signals.js';
