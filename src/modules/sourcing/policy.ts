import type { Actor, CompanyActor } from '../../core/context.js';
import { notFound } from '../../core/errors.js';
import { actsFor, isOperator, requireCompanyActor, requireRole } from '../identity/index.js';

/** Buyer members who source: post RFQs, counter and accept quotes, open inquiries. */
export const buyerSourcers = { kinds: ['buyer'], roles: ['owner', 'admin', 'purchasing'] } as const;
/** Supplier members who sell: quote, revise, answer inquiries. */
export const supplierSellers = { kinds: ['supplier'], roles: ['owner', 'admin', 'sales'] } as const;

type RfqRecord = { id: string; companyId: string; status: string };
type QuoteRecord = { id: string; companyId: string; buyerId: string };
type InquiryRecord = { id: string; companyId: string; supplierId: string };

/**
 * The one place sourcing access is decided. A record the actor has no part
 * in is "not found", never "forbidden": competitors cannot even learn that a
 * quote or an RFQ exists.
 */
export const sourcingPolicy = {
  /**
   * The buyer's members and the operator read any of its RFQs; a supplier
   * reads a published (or later) RFQ it was invited to or that is public in
   * its industry (`supplierMayQuote` decided by the caller from the data).
   */
  assertCanReadRfq: (
    actor: Actor,
    rfq: RfqRecord | undefined,
    id: string,
    supplierAccess: (supplierId: string) => boolean,
  ): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!rfq) throw notFound('RFQ', id);
    if (actsFor(member, rfq.companyId)) return member;
    if (member.companyKind === 'supplier' && rfq.status !== 'draft' && supplierAccess(member.companyId))
      return member;
    throw notFound('RFQ', id);
  },
  /** Only the buyer's sourcing members change an RFQ or its quotes' standing. */
  assertBuyerOwns: (actor: Actor, record: { companyId: string } | undefined, what: string, id: string) => {
    const member = requireRole(actor, buyerSourcers);
    if (!record || record.companyId !== member.companyId) throw notFound(what, id);
    return member;
  },
  /** A quote is seen by its supplier, the RFQ's buyer and the operator: no other supplier. */
  assertCanReadQuote: (actor: Actor, quote: QuoteRecord | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (!quote || !(actsFor(member, quote.companyId) || member.companyId === quote.buyerId)) {
      throw notFound('Quote', id);
    }
    return member;
  },
  assertSupplierOwnsQuote: (actor: Actor, quote: QuoteRecord | undefined, id: string) => {
    const member = requireRole(actor, supplierSellers);
    if (!quote || quote.companyId !== member.companyId) throw notFound('Quote', id);
    return member;
  },
  assertBuyerOfQuote: (actor: Actor, quote: QuoteRecord | undefined, id: string) => {
    const member = requireRole(actor, buyerSourcers);
    if (!quote || quote.buyerId !== member.companyId) throw notFound('Quote', id);
    return member;
  },
  /** Both sides of an inquiry (any member) and the operator read it. */
  assertCanReadInquiry: (actor: Actor, inquiry: InquiryRecord | undefined, id: string): CompanyActor => {
    const member = requireCompanyActor(actor);
    if (
      !inquiry ||
      !(
        member.companyId === inquiry.companyId ||
        member.companyId === inquiry.supplierId ||
        isOperator(member)
      )
    ) {
      throw notFound('Inquiry', id);
    }
    return member;
  },
  /** Writing in an inquiry: the buyer's sourcing members or the supplier's sellers. */
  assertCanWriteInquiry: (actor: Actor, inquiry: InquiryRecord | undefined, id: string) => {
    const member = requireCompanyActor(actor);
    const side =
      inquiry && member.companyId === inquiry.companyId
        ? 'buyer'
        : inquiry && member.companyId === inquiry.supplierId
          ? 'supplier'
          : undefined;
    if (!side) throw notFound('Inquiry', id);
    requireRole(member, side === 'buyer' ? buyerSourcers : supplierSellers);
    return { member, side } as const;
  },
};
