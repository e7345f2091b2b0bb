import type { TradeDocumentData } from '../document-data.js';
import { renderCommercialInvoice } from './commercial-invoice.js';
import { renderDeclarationSheet } from './declaration-sheet.js';
import { renderPackingList } from './packing-list.js';

/** The export documents drawn from one declaration. */
export const tradeDocumentKinds = ['invoice', 'packing-list', 'declaration'] as const;
export type TradeDocumentKind = (typeof tradeDocumentKinds)[number];

const renderers: Record<TradeDocumentKind, (data: TradeDocumentData) => Promise<Buffer>> = {
  invoice: renderCommercialInvoice,
  'packing-list': renderPackingList,
  declaration: renderDeclarationSheet,
};

/**
 * One export document as an A4 PDF: the commercial invoice, the packing list
 * (no prices) or the bilingual declaration data sheet. Chinese names print in
 * the shipped Noto Sans SC, embedded with a ToUnicode map so text extracts.
 */
export const renderTradeDocument = (kind: TradeDocumentKind, data: TradeDocumentData): Promise<Buffer> =>
  renderers[kind](data);
