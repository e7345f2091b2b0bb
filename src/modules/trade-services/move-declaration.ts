import { eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { transition } from '../../core/transition.js';
import { converterOn } from '../fx/index.js';
import { isOperator, recordAudit } from '../identity/index.js';
import { chart, requireTransfers } from '../ledger/index.js';
import { complianceFindings } from './compliance.js';
import { type DeclarationRow, findDeclaration, linesInKg, recordStep } from './declaration-store.js';
import { type ReportedReceipt, recordFxReceived, settleFx } from './fx-settlement.js';
import { declarationMachine } from './machines.js';
import { declarationPolicy } from './policy.js';
import { matchVatInvoices, saveRebateClaim, type VatInvoice } from './rebate.js';
import { type DeclarationStatus, declarations, rebateClaims } from './schema.js';

export type DeclarationMove = {
  to: DeclarationStatus;
  note?: string;
  /** With `exported`: the day the goods left (default today). */
  exportedOn?: string | null;
  /** With `fx_received` for a declaration without an order: what was received. */
  fx?: ReportedReceipt | null;
  /** With `vat_invoice_matched`: the purchase VAT invoice of every line. */
  vatInvoices?: VatInvoice[] | null;
};

const invalid = (field: string, message: string) => new AppError('VALIDATION_FAILED', message, { field });

/** The compliance checks again at declaring: the tables may have changed since the draft. */
const recheck = async (ctx: Ctx, d: DeclarationRow) => {
  const convert = await converterOn(ctx.db, [d.currency, 'USD'], ctx.now().toISOString().slice(0, 10));
  const findings = complianceFindings(
    { ...d, lines: linesInKg(d.lines) },
    d.lines.map((l) => BigInt(l.value)),
    (v) => convert(v, d.currency, 'USD'),
  );
  const refusals = findings.filter((f) => f.level === 'refusal');
  if (refusals.length > 0)
    throw new AppError('VALIDATION_FAILED', refusals.map((f) => f.message).join('; '), {
      field: refusals[0]!.field,
      findings: refusals,
    });
};

/** The rebate reaches the exporter through the platform when the platform declared: bank → its CNY payable. */
const payRebate = async (ctx: Ctx, d: DeclarationRow) => {
  const [claim] = await ctx.db.select().from(rebateClaims).where(eq(rebateClaims.declarationId, d.id));
  if (!claim) throw new AppError('CONFLICT', 'This declaration has no rebate claim');
  if (d.declarantRole !== 'platform' || claim.total === 0n) return null;
  const transferId = `declaration:${d.id}:rebate`;
  await requireTransfers(ctx, [
    {
      id: transferId,
      debitAccountId: (await chart.bank(ctx, 'CNY')).id,
      creditAccountId: (await chart.supplierPayable(ctx, d.companyId, 'CNY')).id,
      amount: claim.total,
      currency: 'CNY',
      reference: `declaration:${d.id}:rebate`,
    },
  ]);
  await ctx.db
    .update(rebateClaims)
    .set({ transferId, updatedAt: ctx.now() })
    .where(eq(rebateClaims.declarationId, d.id));
  return { transferId, amount: String(claim.total) };
};

/**
 * Moves a declaration one step along its lifecycle, by the party whose step
 * it is, with what the step needs: declaring re-runs the compliance checks;
 * `exported` fixes the export day (and so the rebate month); FX steps record
 * and convert the foreign currency; matching VAT invoices computes the
 * rebate or, when they do not match, moves to `vat_invoice_mismatch` with
 * the reasons; `rebate_paid` books the rebate. All in one transaction.
 */
export const moveDeclaration = async (ctx: Ctx, id: string, move: DeclarationMove) =>
  inTransaction(ctx, async (tx) => {
    const declaration = await findDeclaration(tx.db, id, { lock: true });
    declarationPolicy.assertCanMove(tx.actor, declaration, id, move.to);
    const d = declaration!;
    let to = move.to;
    let details: Record<string, unknown> = {};
    const set: Partial<DeclarationRow> = {};
    // Refuse an impossible move before any side effect.
    if (to !== 'vat_invoice_mismatch' && !declarationMachine.transitions[d.status].includes(to))
      throw new AppError('INVALID_TRANSITION', `A declaration cannot go from ${d.status} to ${to}`, {
        from: d.status,
        to,
      });
    switch (to) {
      case 'declared':
        await recheck(tx, d);
        break;
      case 'exported': {
        const day = move.exportedOn ?? tx.now().toISOString().slice(0, 10);
        if (day > tx.now().toISOString().slice(0, 10))
          throw invalid('exportedOn', 'The export day cannot be in the future');
        set.exportedOn = day;
        details = { exportedOn: day };
        break;
      }
      case 'fx_received':
        details = await recordFxReceived(tx, d, move.fx);
        break;
      case 'fx_settled':
        details = await settleFx(tx, d);
        break;
      case 'vat_invoice_matched':
      case 'vat_invoice_mismatch': {
        if (!move.vatInvoices?.length)
          throw invalid('vatInvoices', 'Give the VAT invoice of every declared line');
        const match = await matchVatInvoices(tx, d, move.vatInvoices);
        if (match.problems.length > 0) {
          to = 'vat_invoice_mismatch';
          details = { problems: match.problems };
        } else {
          to = 'vat_invoice_matched';
          await saveRebateClaim(tx, { ...d, ...set }, match);
          details = { rebate: String(match.total), lines: match.lines };
        }
        break;
      }
      case 'rebate_paid': {
        const paid = await payRebate(tx, d);
        details = paid ? { ...paid } : { paidTo: 'the exporter directly' };
        break;
      }
      default:
        break;
    }
    await transition(tx, {
      machine: declarationMachine,
      table: declarations,
      record: d,
      to,
      set,
      payload: { orderId: d.orderId, number: d.number },
    });
    await recordStep(tx, d, { from: d.status, to, note: move.note, details });
    // The platform's own steps (customs and tax answers it records as declarant) are privileged.
    if (isOperator(tx.actor))
      await recordAudit(tx, {
        action: `declaration.${to}`,
        subjectType: 'declaration',
        subjectId: d.id,
        companyId: d.companyId,
        details: { from: d.status, to, number: d.number, note: move.note ?? null, ...details },
      });
    return { status: to, details };
  });
