import { defineMachine } from '../../core/state-machine.js';
import type { DeclarationStatus } from './schema.js';

/**
 * An export declaration's lifecycle, from the draft to the VAT rebate paid:
 * drafted → declared → released → exported → FX received → FX settled →
 * VAT invoice matched → rebate declared → rebate approved → rebate paid.
 *
 * - `customs_rejected`: customs refused the declaration; it goes back to a
 *   draft to be corrected and declared again.
 * - `vat_invoice_mismatch`: the purchase VAT invoices do not match the
 *   declared goods; matching again with corrected invoices moves it on.
 * - `rebate_rejected`: the tax office refused the claim; it may be declared again.
 */
export const declarationMachine = defineMachine<DeclarationStatus>('declaration', {
  drafted: ['declared', 'cancelled'],
  declared: ['released', 'customs_rejected'],
  customs_rejected: ['drafted', 'cancelled'],
  released: ['exported'],
  exported: ['fx_received'],
  fx_received: ['fx_settled'],
  fx_settled: ['vat_invoice_matched', 'vat_invoice_mismatch'],
  vat_invoice_mismatch: ['vat_invoice_matched', 'vat_invoice_mismatch'],
  vat_invoice_matched: ['rebate_declared'],
  rebate_declared: ['rebate_approved', 'rebate_rejected'],
  rebate_rejected: ['rebate_declared'],
  rebate_approved: ['rebate_paid'],
  rebate_paid: [],
  cancelled: [],
});

/**
 * Who takes each step: the exporter's own steps, and the answers of customs
 * and the tax office, which the declarant records (the platform's operator
 * when the platform declares as agent, else the exporter itself).
 */
export const stepTakenBy: Record<DeclarationStatus, 'exporter' | 'declarant'> = {
  drafted: 'exporter',
  declared: 'exporter',
  cancelled: 'exporter',
  customs_rejected: 'declarant',
  released: 'declarant',
  exported: 'declarant',
  fx_received: 'exporter',
  fx_settled: 'exporter',
  vat_invoice_matched: 'exporter',
  vat_invoice_mismatch: 'exporter',
  rebate_declared: 'declarant',
  rebate_rejected: 'declarant',
  rebate_approved: 'declarant',
  rebate_paid: 'declarant',
};
