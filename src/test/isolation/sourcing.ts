import { expect } from 'vitest';
import type { QuoteOfferInput } from '../../modules/sourcing/index.js';
import { newProduct } from '../factories.js';
import type { Harness } from '../harness.js';
import { as, newQuote, newRfq, offerInput } from '../sourcing-factories.js';
import { uploadAttachment } from './files.js';
import { guarded, isolationModule, membersRead } from './types.js';
import type { World } from './world.js';

type Fixture = {
  /** Published by buyer A; supplier A (listing water pumps) is invited and has quoted. */
  rfqId: string;
  rfqAttachmentId: string;
  draftRfqId: string;
  quoteId: string;
  inquiryId: string;
  inquiryAttachmentId: string;
  /** A complete offer, valid for a month from the harness clock. */
  offer: QuoteOfferInput;
};

const setup = async (h: Harness, w: World): Promise<Fixture> => {
  // Supplier B lists nothing, so matching never invites it: it is a stranger to every RFQ.
  await newProduct(h, w.a.supplier, {
    moq: 100,
    priceTiers: [{ minQuantity: 100, maxQuantity: null, unitPrice: '4000' }],
  });
  const rfqAttachmentId = await uploadAttachment(h, w.a.buyer);
  const rfq = await newRfq(h, w.a.buyer, { attachmentIds: [rfqAttachmentId] });
  const draft = await newRfq(h, w.a.buyer, {}, { publish: false });
  const quote = await newQuote(h, w.a.supplier, rfq.id);
  const inquiryAttachmentId = await uploadAttachment(h, w.a.buyer);
  const inquiry = await as(h, w.a.buyer).post('/api/inquiries', {
    supplierId: w.a.supplier.companyId,
    message: 'Can you send your catalogue?',
    attachmentIds: [inquiryAttachmentId],
  });
  expect(inquiry.statusCode, inquiry.body).toBe(201);
  return {
    rfqId: rfq.id,
    rfqAttachmentId,
    draftRfqId: draft.id,
    quoteId: quote.id,
    inquiryId: inquiry.json().id,
    inquiryAttachmentId,
    offer: offerInput(h),
  };
};

const rfq = (f: Fixture) => ({ id: f.rfqId });
const quote = (f: Fixture) => ({ id: f.quoteId });
const inquiry = (f: Fixture) => ({ id: f.inquiryId });
/** Buying is for owners, admins and purchasing; selling for owners, admins and sales. */
const buyerCommand = guarded('buyer', 'buyer:finance');
const supplierCommand = guarded('supplier', 'supplier:logistics');

export const sourcingIsolation = isolationModule<Fixture>({
  name: 'sourcing',
  setup,
  cases: [
    { route: 'GET /api/rfqs/{id}', params: rfq, access: membersRead('buyer') },
    { route: 'POST /api/rfqs/{id}/publish', params: (f) => ({ id: f.draftRfqId }), access: buyerCommand },
    { route: 'POST /api/rfqs/{id}/cancel', params: rfq, access: buyerCommand },
    { route: 'GET /api/rfqs/{id}/matches', params: rfq, access: membersRead('buyer') },
    {
      route: 'GET /api/rfqs/{id}/quotes',
      variant: "the buyer's view",
      params: rfq,
      access: membersRead('buyer'),
    },
    {
      route: 'GET /api/rfqs/{id}/quotes',
      variant: "an invited supplier's view",
      params: rfq,
      access: membersRead('supplier', 'every member of an invited supplier may read the RFQ'),
    },
    {
      route: 'POST /api/rfqs/{id}/quotes',
      params: rfq,
      body: (f) => f.offer,
      access: supplierCommand,
    },
    { route: 'GET /api/rfqs/{id}/comparison', params: rfq, access: membersRead('buyer') },
    {
      route: 'GET /api/rfqs/{id}/attachments/{attachmentId}',
      params: (f) => ({ id: f.rfqId, attachmentId: f.rfqAttachmentId }),
      access: membersRead('buyer'),
    },
    {
      route: 'GET /api/quotes/{id}',
      params: quote,
      access: membersRead('supplier', 'every member of the quoting supplier may read its quote'),
    },
    {
      route: 'POST /api/quotes/{id}/counter',
      params: quote,
      body: () => ({ targetUnitPrice: '100' }),
      access: buyerCommand,
    },
    { route: 'POST /api/quotes/{id}/revise', params: quote, body: (f) => f.offer, access: supplierCommand },
    { route: 'POST /api/quotes/{id}/accept', params: quote, access: buyerCommand },
    {
      route: 'POST /api/quotes/{id}/respond',
      params: quote,
      body: () => ({ action: 'decline' }),
      access: buyerCommand,
    },
    {
      route: 'POST /api/quotes/{id}/rating',
      params: quote,
      body: () => ({ rating: 1 }),
      access: buyerCommand,
    },
    { route: 'GET /api/inquiries/{id}', params: inquiry, access: membersRead('buyer') },
    {
      route: 'POST /api/inquiries/{id}/messages',
      params: inquiry,
      body: () => ({ message: 'Sneaky' }),
      access: buyerCommand,
    },
    {
      route: 'POST /api/inquiries/{id}/read',
      params: inquiry,
      access: membersRead('supplier', 'reading a thread marks it read for the company; any member may read'),
    },
    {
      route: 'GET /api/inquiries/{id}/attachments/{attachmentId}',
      params: (f) => ({ id: f.inquiryId, attachmentId: f.inquiryAttachmentId }),
      access: membersRead('supplier', 'both sides of a thread may read its files'),
    },
  ],
});
