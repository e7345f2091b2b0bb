import {
  bigint,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Orders are keyed by the supplier (companyId), like quotes; the buyer is a
// column. Both companies read them; the policy decides (policy.ts).

export const orderStatuses = [
  'awaiting_confirmation',
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
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

/** One priced line; unit price and amount are minor units of the order's currency as decimal strings. */
export type OrderLine = {
  productId: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  amount: string;
};

/** Deposit share (0–100 %) and when the rest is due. */
export type PaymentTerms = { depositPercent: number; balanceDue: 'before_shipment' | 'after_receipt' };

/** A fixed ship-by date, or a number of days counted from the deposit. */
export type ShipBy = { date: string } | { daysAfterDeposit: number };

/** What trade assurance protects: the deposit until shipment, or the whole order until the protection window ends. */
export type Coverage = 'pre_shipment' | 'post_delivery';

export const orders = pgTable(
  'orders',
  {
    /** The supplier. */
    companyId: text().notNull(),
    id: text().notNull(),
    buyerId: text().notNull(),
    status: text().$type<OrderStatus>().notNull(),
    /** The state a dispute interrupted; the order returns to it unless the dispute refunds everything. */
    statusBeforeDispute: text().$type<OrderStatus>(),
    quoteId: text(),
    quoteVersion: integer(),
    categoryCode: text(),
    currency: text().notNull(),
    lines: jsonb().$type<OrderLine[]>().notNull(),
    total: bigint({ mode: 'bigint' }).notNull(),
    incoterm: text().notNull(),
    port: text(),
    paymentTerms: jsonb().$type<PaymentTerms>().notNull(),
    shipBy: jsonb().$type<ShipBy>().notNull(),
    /** Resolved when known: at once for a fixed date, on the deposit for a relative one. */
    shipByDate: date(),
    coverage: text().$type<Coverage>().notNull(),
    qualityTerms: text().notNull().default(''),
    /** Platform fee in basis points, fixed when the order is placed. */
    feeBps: integer().notNull(),
    trackingNumber: text(),
    carrier: text(),
    confirmedAt: timestamp({ withTimezone: true }),
    shippedAt: timestamp({ withTimezone: true }),
    arrivedAt: timestamp({ withTimezone: true }),
    receivedAt: timestamp({ withTimezone: true }),
    protectionEndsAt: timestamp({ withTimezone: true }),
    closedAt: timestamp({ withTimezone: true }),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    index().on(t.buyerId, t.createdAt),
    index().on(t.companyId, t.createdAt),
    index().on(t.status),
    uniqueIndex().on(t.quoteId),
  ],
);

/** What happened to an order, for its timeline: every state change and money movement. */
export const orderEvents = pgTable(
  'order_events',
  {
    orderId: text().notNull(),
    seq: integer().notNull(),
    kind: text().notNull(),
    /** The company that acted; null for the platform's timers. */
    actorCompanyId: text(),
    details: jsonb().$type<Record<string, string | number | boolean | null>>().notNull(),
    at: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.seq] })],
);

export const dueKinds = ['deposit', 'balance'] as const;
export type DueKind = (typeof dueKinds)[number];
export const dueStatuses = ['open', 'paid', 'cancelled'] as const;
export type DueStatus = (typeof dueStatuses)[number];

/** A payment the buyer owes on an order, with the reference code the wire must carry. */
export const paymentDues = pgTable(
  'payment_dues',
  {
    companyId: text().notNull(),
    id: text().notNull(),
    orderId: text().notNull(),
    buyerId: text().notNull(),
    kind: text().$type<DueKind>().notNull(),
    /** e.g. TL-7K3M-Q9XP: short, unambiguous, with a check character. */
    reference: text().notNull(),
    currency: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    paid: bigint({ mode: 'bigint' }).notNull(),
    status: text().$type<DueStatus>().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    paidAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    uniqueIndex().on(t.reference),
    uniqueIndex().on(t.orderId, t.kind),
  ],
);

export const claimStatuses = ['open', 'paid', 'void'] as const;
export type ClaimStatus = (typeof claimStatuses)[number];

/** Trade assurance's promise on late shipment: the buyer is owed a share of the late goods' value. */
export const compensationClaims = pgTable(
  'compensation_claims',
  {
    companyId: text().notNull(),
    orderId: text().notNull(),
    buyerId: text().notNull(),
    reason: text().$type<'late_shipment'>().notNull(),
    currency: text().notNull(),
    amount: bigint({ mode: 'bigint' }).notNull(),
    status: text().$type<ClaimStatus>().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    settledAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.orderId, t.reason] })],
);

export const disputeStatuses = [
  'awaiting_response',
  'responded',
  'escalated',
  'decided',
  'withdrawn',
] as const;
export type DisputeStatus = (typeof disputeStatuses)[number];
export const disputeReasons = [
  'not_received',
  'not_as_described',
  'quality',
  'quantity',
  'late',
  'other',
] as const;
export type DisputeReason = (typeof disputeReasons)[number];
export const disputeDecisions = ['full_refund', 'partial_refund', 'rejected'] as const;
export type DisputeDecision = (typeof disputeDecisions)[number];

export const disputes = pgTable(
  'disputes',
  {
    /** The supplier, as on the order. */
    companyId: text().notNull(),
    id: text().notNull(),
    orderId: text().notNull(),
    buyerId: text().notNull(),
    status: text().$type<DisputeStatus>().notNull(),
    reason: text().$type<DisputeReason>().notNull(),
    description: text().notNull(),
    /** What the buyer asks back, minor units of the order's currency. */
    amount: bigint({ mode: 'bigint' }).notNull(),
    currency: text().notNull(),
    evidenceIds: text().array().notNull().default([]),
    response: text(),
    respondedAt: timestamp({ withTimezone: true }),
    escalatedAt: timestamp({ withTimezone: true }),
    escalatedBy: text().$type<'buyer' | 'supplier' | 'timer'>(),
    decision: text().$type<DisputeDecision>(),
    refundAmount: bigint({ mode: 'bigint' }),
    decisionNote: text(),
    decidedBy: text(),
    decidedAt: timestamp({ withTimezone: true }),
    openedBy: text().notNull(),
    openedAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex().on(t.id),
    index().on(t.orderId),
    index().on(t.status, t.openedAt),
  ],
);
