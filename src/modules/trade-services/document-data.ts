/**
 * What the export documents print (commercial invoice, packing list,
 * declaration data sheet): a declaration with the names resolved, built by
 * the declarations module and drawn by documents/. Money is in minor units
 * of `currency` as decimal strings; weights in kilograms.
 */

export type DocumentParty = {
  name: string;
  /** The registered name in Chinese, when the company has one (printed beside the name). */
  localName: string | null;
  address: string;
  /** ISO 3166-1 alpha-2, and the country's English name. */
  country: string;
  countryName: string;
  /** Unified social credit code or the foreign tax id, if known. */
  taxId: string | null;
};

export type DocumentLine = {
  lineNo: number;
  /** Six-digit HS 2022 subheading. */
  hsCode: string;
  /** Ten-digit China tariff code, when given. */
  tariffCode: string | null;
  description: string;
  quantity: number;
  /** The statutory unit of quantity (pcs, kg, set, pair, m…). */
  unit: string;
  /** Declared unit price and line value, minor units of the declaration currency. */
  unitPrice: string;
  value: string;
  netWeightKg: number;
  grossWeightKg: number;
  packages: number;
  /** GB/T 2260 code and name of the province where the goods were made. */
  originProvince: { code: string; name: string };
};

export type TradeDocumentData = {
  declarationId: string;
  /** The document number printed on all three documents (e.g. `TL-EX-2026-000123`). */
  number: string;
  /** Date of issue, YYYY-MM-DD. */
  issuedOn: string;
  status: string;
  exporter: DocumentParty;
  consignee: DocumentParty;
  /** Who lodges the declaration: the exporter itself, or the platform as agent (外综服). */
  declarant: DocumentParty & { role: 'exporter' | 'platform' };
  orderId: string | null;
  /** Incoterms 2020 rule and the valuation basis it implies for customs. */
  incoterm: string;
  valuationBasis: 'FOB' | 'CIF';
  currency: string;
  transportMode: 'sea' | 'air' | 'rail' | 'road' | 'express';
  portOfLoading: { code: string; name: string };
  destination: { country: string; countryName: string };
  lines: DocumentLine[];
  totals: { value: string; netWeightKg: number; grossWeightKg: number; packages: number };
};
