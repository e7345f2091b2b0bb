// The trade-services API's shapes (src/modules/trade-services), written by hand
// as the other API types are. Amounts are decimal strings of minor units.

/** An export declaration's lifecycle (machines.ts), in the order it is walked. */
export const DECLARATION_STATUSES = [
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
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];

/** How the goods leave China, as customs records it (express: courier consignments). */
export const EXPORT_TRANSPORT_MODES = ['sea', 'air', 'rail', 'road', 'express'] as const;
export type ExportTransportMode = (typeof EXPORT_TRANSPORT_MODES)[number];

/** China customs' statutory units of quantity (法定计量单位), in the short form the API takes. */
export const STATUTORY_UNITS = [
  'pcs',
  'set',
  'pair',
  'unit',
  'dozen',
  'sheet',
  'roll',
  'kg',
  'g',
  't',
  'm',
  'm2',
  'm3',
  'l',
] as const;
export type StatutoryUnit = (typeof STATUTORY_UNITS)[number];

export type DeclarantRole = 'platform' | 'exporter';

export type DeclarationDocumentKind = 'invoice' | 'packing-list' | 'declaration';

export type ExporterDetails = { localName: string | null; address: string; taxId: string | null };

export type Consignee = { name: string; address: string; country: string; taxId: string | null };

/** A compliance finding: refusals stop a declaration; licence flags and warnings are shown with it. */
export type ComplianceFinding = {
  level: 'refusal' | 'licence' | 'warning';
  code: string;
  message: string;
  field: string;
  lineNo?: number;
};

export type DeclarationLine = {
  lineNo: number;
  hsCode: string;
  tariffCode: string | null;
  description: string;
  quantity: number;
  unit: string;
  /** Minor units of the declaration's currency. */
  unitPrice: string;
  value: string;
  netWeightKg: number;
  grossWeightKg: number;
  packages: number;
  originProvince: string;
};

export type DeclarationTimelineEntry = {
  seq: number;
  from: DeclarationStatus | null;
  to: DeclarationStatus;
  at: string;
  actor: { userId: string | null; companyId: string | null; companyName: string | null };
  note: string;
  /** What the step recorded: the export day, the FX received or settled, the rebate or the mismatches. */
  details: Record<string, unknown> | null;
};

/** One declared line's VAT invoice and the export VAT rebate it earns, in CNY fen. */
export type RebateLine = {
  lineNo: number;
  hsCode: string;
  invoiceNumber: string;
  /** The invoice amount, VAT included. */
  invoiceAmount: string;
  vatRateBps: number;
  rebateRateBps: number;
  /** invoiceAmount ÷ (1 + VAT rate). */
  netAmount: string;
  rebate: string;
};

export type Declaration = {
  id: string;
  /** Who is reading: the exporter itself, or the platform's operator. */
  viewer: 'exporter' | 'operator';
  number: string;
  status: DeclarationStatus;
  /** The statuses the lifecycle allows next (whoever takes them). */
  next: DeclarationStatus[];
  orderId: string | null;
  declarantRole: DeclarantRole;
  exporter: ExporterDetails & { id: string; name: string; country: string; province: string | null };
  consignee: Consignee;
  incoterm: string;
  valuationBasis: 'FOB' | 'CIF';
  currency: string;
  transportMode: ExportTransportMode;
  portOfLoading: string;
  destinationCountry: string;
  exportedOn: string | null;
  lines: DeclarationLine[];
  totalValue: string;
  findings: ComplianceFinding[];
  timeline: DeclarationTimelineEntry[];
  fx: {
    received: { amount: string; currency: string; on: string };
    source: 'escrow_release' | 'reported';
    settledOn: string | null;
    /** CNY per unit of the received currency (decimal string). */
    rate: string | null;
    cny: string | null;
    transferIds: string[] | null;
  } | null;
  rebate: { month: string; lines: RebateLine[]; total: string; transferId: string | null } | null;
  createdAt: string;
};

export type DeclarationSummary = {
  id: string;
  companyId: string;
  number: string;
  status: DeclarationStatus;
  orderId: string | null;
  destinationCountry: string;
  currency: string;
  totalValue: string;
  lineCount: number;
  createdAt: string;
};

export type DeclarationLineInput = {
  hsCode: string;
  tariffCode?: string | null;
  description: string;
  quantity: number;
  unit: StatutoryUnit;
  unitPrice: string;
  netWeightKg: number;
  grossWeightKg: number;
  packages: number;
  originProvince: string;
};

/** POST /api/declarations. For an order, consignee, currency and Incoterm left out come from the order. */
export type DeclarationInput = {
  orderId?: string | null;
  declarantRole: DeclarantRole;
  exporter?: { localName?: string | null; address?: string; taxId?: string | null } | null;
  consignee?: { name: string; address: string; country: string; taxId?: string | null } | null;
  incoterm?: string | null;
  currency?: string | null;
  transportMode: ExportTransportMode;
  portOfLoading: string;
  destinationCountry?: string | null;
  lines: DeclarationLineInput[];
};

export type VatInvoiceInput = {
  lineNo: number;
  invoiceNumber: string;
  /** CNY fen, VAT included. */
  amount: string;
  vatRatePct?: number | null;
};

/** POST /api/declarations/:id/transition: one step, with what that step needs. */
export type DeclarationMoveInput = {
  to: DeclarationStatus;
  note?: string;
  exportedOn?: string | null;
  fx?: { amount: string; currency: string; receivedOn: string } | null;
  vatInvoices?: VatInvoiceInput[] | null;
};

export type HsEvidence = 'hs-text' | 'taxonomy' | 'glossary' | 'synonym';

export type HsSuggestion = {
  /** Six-digit HS 2022 subheading. */
  code: string;
  heading: string;
  description: string;
  headingDescription: string;
  /** Probability-like share in [0, 1]. */
  confidence: number;
  headingConfidence: number;
  via: HsEvidence[];
  reasons: string[];
};

export type HsSuggestResponse = { query: string; suggestions: HsSuggestion[] };

export type RebateClaim = {
  companyId: string;
  companyName: string;
  declarationId: string;
  number: string;
  status: DeclarationStatus;
  exportedOn: string | null;
  lines: RebateLine[];
  total: string;
};

/** GET /api/rebates?month=: a month's claims in CNY fen, with totals per supplier. */
export type RebateSummary = {
  month: string;
  currency: 'CNY';
  claims: RebateClaim[];
  suppliers: { companyId: string; companyName: string; claims: number; total: string }[];
  total: string;
};
