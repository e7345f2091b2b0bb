import { z } from 'zod';
import { CompanyCardSchema } from '../identity/index.js';
import { incoterms } from '../sourcing/incoterms.js';
import {
  disputeDecisions,
  disputeReasons,
  disputeStatuses,
  dueKinds,
  dueStatuses,
  orderStatuses,
} from './schema.js';

const Text = (max: number) => z.string().trim().max(max);
const Quantity = z.number().int().min(1).max(1_000_000_000);
const MinorUnits = z
  .string()
  .regex(/^\d{1,15}$/, 'An amount in minor units (a whole number as a string, e.g. "1250" for 12.50)');
const Money = z.object({ amount: z.string(), currency: z.string() });
export const IdParams = z.strictObject({ id: z.string().min(1).max(64) });
const IsoDate = z.iso.date();
const Locode = z
  .string()
  .transform((s) => s.toUpperCase().replace(/\s+/g, ''))
  .pipe(z.string().regex(/^[A-Z]{2}[A-Z2-9]{3}$/, 'A UN/LOCODE such as ESVLC or CNSHA'));

const PaymentTermsInput = z.strictObject({
  depositPercent: z.number().int().min(0).max(100),
  balanceDue: z.enum(['before_shipment', 'after_receipt']),
});
const ShipByInput = z.union([
  z.strictObject({ date: IsoDate }),
  z.strictObject({ daysAfterDeposit: z.number().int().min(1).max(365) }),
]);
const Coverage = z.enum(['pre_shipment', 'post_delivery']);

/** Terms both ways of ordering share; each has a sensible default. */
const TermsInput = {
  paymentTerms: PaymentTermsInput.default({ depositPercent: 30, balanceDue: 'before_shipment' }),
  coverage: Coverage.default('post_delivery'),
  qualityTerms: Text(5000).default(''),
};

export const CreateOrderBody = z
  .strictObject({
    lines: z
      .array(z.strictObject({ productId: z.string().min(1).max(64), quantity: Quantity }))
      .min(1)
      .max(50),
    incoterm: z.enum(incoterms).default('FOB'),
    port: Locode.nullish(),
    shipBy: ShipByInput.optional(),
    ...TermsInput,
  })
  .describe(
    "An order straight from a supplier's products at their selling prices (promoted while a promotion runs)",
  );
export type CreateOrderInput = z.infer<typeof CreateOrderBody>;

export const OrderFromQuoteBody = z
  .strictObject({
    shipBy: ShipByInput.optional(),
    ...TermsInput,
  })
  .describe("An order from the accepted quote's frozen version");
export type OrderFromQuoteInput = z.infer<typeof OrderFromQuoteBody>;

export const ShipBody = z.strictObject({
  carrier: Text(100).min(1).nullish(),
  trackingNumber: Text(100).min(1).nullish(),
});
export const CancelBody = z.strictObject({ reason: Text(500).min(1) });
export const RefundBody = z.strictObject({ amount: MinorUnits, reason: Text(500).min(1) });

export const OpenDisputeBody = z.strictObject({
  reason: z.enum(disputeReasons),
  description: Text(5000).min(10),
  amount: MinorUnits,
  evidenceIds: z
    .array(z.string().regex(/^att_[0-9a-z]{22}$/, 'An attachment id (att_…)'))
    .max(10)
    .default([]),
});
export type OpenDisputeInput = z.infer<typeof OpenDisputeBody>;
export const RespondDisputeBody = z.strictObject({ response: Text(5000).min(1) });
export const DecideDisputeBody = z
  .strictObject({
    decision: z.enum(disputeDecisions),
    /** Required for a partial refund; a full refund returns what escrow holds. */
    refundAmount: MinorUnits.optional(),
    note: Text(5000).min(1),
  })
  .refine((b) => b.decision !== 'partial_refund' || b.refundAmount !== undefined, {
    message: 'A partial refund needs refundAmount',
    path: ['refundAmount'],
  });
export type DecideDisputeInput = z.infer<typeof DecideDisputeBody>;

const Timestamp = z.string().nullable();

export const DueSchema = z.object({
  id: z.string(),
  kind: z.enum(dueKinds),
  reference: z.string(),
  amount: Money,
  paid: Money,
  status: z.enum(dueStatuses),
  paidAt: Timestamp,
});

export const DisputeSchema = z.object({
  id: z.string(),
  orderId: z.string(),
  status: z.enum(disputeStatuses),
  reason: z.enum(disputeReasons),
  description: z.string(),
  amount: Money,
  evidence: z.array(z.object({ id: z.string(), url: z.string() })),
  response: z.string().nullable(),
  respondedAt: Timestamp,
  escalatedAt: Timestamp,
  escalatedBy: z.string().nullable(),
  decision: z.enum(disputeDecisions).nullable(),
  refundAmount: Money.nullable(),
  decisionNote: z.string().nullable(),
  decidedAt: Timestamp,
  openedAt: z.string(),
  /** When the supplier must answer, the buyer may escalate, and it escalates by itself. */
  deadlines: z.object({ response: z.string(), buyerMayEscalate: z.string(), autoEscalation: z.string() }),
  viewer: z.object({ role: z.enum(['buyer', 'supplier', 'operator']), actions: z.array(z.string()) }),
});
export type DisputeView = z.infer<typeof DisputeSchema>;

export const OrderSchema = z.object({
  id: z.string(),
  status: z.enum(orderStatuses),
  supplier: CompanyCardSchema,
  buyer: CompanyCardSchema,
  quoteId: z.string().nullable(),
  quoteVersion: z.number().nullable(),
  currency: z.string(),
  lines: z.array(
    z.object({
      productId: z.string().nullable(),
      description: z.string(),
      quantity: z.number(),
      unit: z.string(),
      unitPrice: Money,
      amount: Money,
    }),
  ),
  total: Money,
  incoterm: z.string(),
  port: z.string().nullable(),
  paymentTerms: z.object({
    depositPercent: z.number(),
    balanceDue: z.enum(['before_shipment', 'after_receipt']),
  }),
  shipBy: z.union([z.object({ date: z.string() }), z.object({ daysAfterDeposit: z.number() })]),
  shipByDate: z.string().nullable(),
  coverage: Coverage,
  qualityTerms: z.string(),
  feePercent: z.number(),
  tracking: z.object({ carrier: z.string().nullable(), number: z.string().nullable() }),
  dues: z.array(DueSchema),
  escrow: z.object({ accountId: z.string().nullable(), held: Money }),
  compensation: z.object({ amount: Money, status: z.string() }).nullable(),
  disputes: z.array(z.object({ id: z.string(), status: z.enum(disputeStatuses), openedAt: z.string() })),
  /** The next clock that will move the order by itself, for countdowns. */
  nextDeadline: z.object({ kind: z.string(), at: z.string() }).nullable(),
  timeline: z.array(
    z.object({
      seq: z.number(),
      kind: z.string(),
      at: z.string(),
      actorCompanyId: z.string().nullable(),
      details: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
    }),
  ),
  createdAt: z.string(),
  confirmedAt: Timestamp,
  shippedAt: Timestamp,
  arrivedAt: Timestamp,
  receivedAt: Timestamp,
  protectionEndsAt: Timestamp,
  closedAt: Timestamp,
  viewer: z.object({ role: z.enum(['buyer', 'supplier', 'operator']), actions: z.array(z.string()) }),
});
export type OrderView = z.infer<typeof OrderSchema>;

export const OrderSummarySchema = z.object({
  id: z.string(),
  status: z.enum(orderStatuses),
  counterparty: CompanyCardSchema,
  total: Money,
  description: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const OrderListSchema = z.object({ items: z.array(OrderSummarySchema) });
export const OrderListQuery = z.strictObject({
  side: z.enum(['buyer', 'supplier']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
