import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

// Export declarations are keyed by the exporter (companyId): the supplier
// whose goods leave China. The platform may lodge them as its agent (外综服).

export const declarationStatuses = [
  'drafted',
  'declared',
  'customs_rejected',
  'released',
  'exported',
  'fx_received',
  'fx_settled',
  'vat_invoice_mismatch',
  'vat_invoice_matched',
  'rebate_declared',
  'rebate_rejected',
  'rebate_approved',
  'rebate_paid',
  'cancelled',
] as const;
export type DeclarationStatus = (typeof declarationStatuses)[number];

/** How the goods leave China, as customs records it (express: courier consignments). */
export const exportTransportModes = ['sea', 'air', 'rail', 'road', 'express'] as const;
export type ExportTransportMode = (typeof exportTransportModes)[number];

export type Consignee = { name: string; address: string; country: string; taxId: string | null };

/** The exporter as customs knows it (境内发货人): registered Chinese name, address, unified social credit code. */
export type ExporterDetails = { localName: string | null; address: string; taxId: string | null };

/** One declared line; weights in grams, money in minor units of the declaration's currency. */
export type DeclarationLine = {
  lineNo: number;
  hsCode: string;
  tariffCode: string | null;
  description: string;
  quantity: number;
  unit: string;
  unitPrice: string;
  value: string;
  netWeightG: number;
  grossWeightG: number;
  packages: number;
  originProvince: string;
};

/** A compliance finding: refusals stop a declaration; flags and warnings are shown with it. */
export type ComplianceFinding = {
  level: 'refusal' | 'licence' | 'warning';
  code: string;
  message: string;
  field: string;
  lineNo?: number;
};

export const declarations = pgTable(
  'export_declarations',
  {
    /** The exporter (the supplier). */
    companyId: text().notNull(),
    id: text().notNull(),
    /** Printed on the documents: TL-EX-<year>-<id tail>. */
    number: text().notNull(),
    orderId: text(),
    declarantRole: text().$type<'exporter' | 'platform'>().notNull(),
    exporter: jsonb().$type<ExporterDetails>().notNull(),
    consignee: jsonb().$type<Consignee>().notNull(),
    incoterm: text().notNull(),
    valuationBasis: text().$type<'FOB' | 'CIF'>().notNull(),
    currency: text().notNull(),
    transportMode: text().$type<ExportTransportMode>().notNull(),
    portOfLoading: text().notNull(),
    destinationCountry: text().notNull(),
    lines: jsonb().$type<DeclarationLine[]>().notNull(),
    totalValue: bigint({ mode: 'bigint' }).notNull(),
    findings: jsonb().$type<ComplianceFinding[]>().notNull(),
    status: text().$type<DeclarationStatus>().notNull(),
    /** The day the goods left (set on `exported`): the month the VAT rebate is claimed in. */
    exportedOn: text(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.id] }),
    uniqueIndex('export_declarations_id_key').on(t.id),
    uniqueIndex('export_declarations_number_key').on(t.number),
    index('export_declarations_order_idx').on(t.orderId),
  ],
);

/** Every step of a declaration's lifecycle: when, by whom (user and company), with what. */
export const declarationEvents = pgTable(
  'export_declaration_events',
  {
    companyId: text().notNull(),
    declarationId: text().notNull(),
    seq: integer().notNull(),
    from: text().$type<DeclarationStatus>(),
    to: text().$type<DeclarationStatus>().notNull(),
    actorUserId: text(),
    actorCompanyId: text(),
    note: text().notNull().default(''),
    details: jsonb().$type<Record<string, unknown>>(),
    occurredAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.declarationId, t.seq] })],
);

/**
 * Foreign currency received against an export and its conversion to CNY at
 * a dated rate. On the ledger when the money came through the order's
 * escrow (the supplier's payable is converted); recorded only otherwise.
 */
export const fxSettlements = pgTable(
  'export_fx_settlements',
  {
    companyId: text().notNull(),
    declarationId: text().notNull(),
    receivedCurrency: text().notNull(),
    receivedAmount: bigint({ mode: 'bigint' }).notNull(),
    receivedOn: text().notNull(),
    /** Where it came from: the order's escrow release, or reported by the exporter. */
    source: text().$type<'escrow_release' | 'reported'>().notNull(),
    /** Filled on settlement. */
    settledOn: text(),
    /** CNY per unit of the received currency, as used (decimal string), and the rate's day. */
    rate: text(),
    cnyAmount: bigint({ mode: 'bigint' }),
    transferIds: text().array(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.companyId, t.declarationId] })],
);

/** One declared line's VAT invoice and the export VAT rebate it earns, in fen. */
export type RebateLine = {
  lineNo: number;
  hsCode: string;
  invoiceNumber: string;
  /** The VAT invoice's amount including VAT. */
  invoiceAmount: string;
  vatRateBps: number;
  rebateRateBps: number;
  /** invoiceAmount ÷ (1 + VAT rate): the amount without VAT. */
  netAmount: string;
  rebate: string;
};

/** The VAT rebate claim of one declaration, in CNY fen; counted in the month the goods were exported. */
export const rebateClaims = pgTable(
  'export_rebate_claims',
  {
    companyId: text().notNull(),
    declarationId: text().notNull(),
    /** YYYY-MM of the export date. */
    month: text().notNull(),
    lines: jsonb().$type<RebateLine[]>().notNull(),
    total: bigint({ mode: 'bigint' }).notNull(),
    transferId: text(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.companyId, t.declarationId] }),
    index('export_rebate_claims_month_idx').on(t.companyId, t.month),
  ],
);
