import { and, asc, eq } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { formatMajor } from '../../core/money.js';
import { companies, isOperator, requireCompanyActor } from '../identity/index.js';
import { declarationPolicy } from './policy.js';
import { declarations, rebateClaims } from './schema.js';

/**
 * A month's VAT rebate claims (by export month), in CNY fen, with every
 * line's calculation and the totals per supplier. An exporter sees its
 * own; the operator every supplier's.
 */
export const monthlyRebates = async (ctx: Ctx, month: string) => {
  const member = requireCompanyActor(ctx.actor);
  const operator = isOperator(member);
  if (!operator) declarationPolicy.assertExporter(member);
  const rows = await ctx.db
    .select({
      companyId: rebateClaims.companyId,
      companyName: companies.name,
      declarationId: rebateClaims.declarationId,
      number: declarations.number,
      status: declarations.status,
      exportedOn: declarations.exportedOn,
      lines: rebateClaims.lines,
      total: rebateClaims.total,
    })
    .from(rebateClaims)
    .innerJoin(declarations, eq(declarations.id, rebateClaims.declarationId))
    .innerJoin(companies, eq(companies.id, rebateClaims.companyId))
    .where(
      and(eq(rebateClaims.month, month), operator ? undefined : eq(rebateClaims.companyId, member.companyId)),
    )
    .orderBy(asc(companies.name), asc(declarations.number));
  const suppliers = new Map<
    string,
    { companyId: string; companyName: string; claims: number; total: bigint }
  >();
  for (const r of rows) {
    const s = suppliers.get(r.companyId) ?? {
      companyId: r.companyId,
      companyName: r.companyName,
      claims: 0,
      total: 0n,
    };
    s.claims += 1;
    s.total += r.total;
    suppliers.set(r.companyId, s);
  }
  return {
    month,
    currency: 'CNY',
    claims: rows.map((r) => ({ ...r, total: String(r.total) })),
    suppliers: [...suppliers.values()].map((s) => ({ ...s, total: String(s.total) })),
    total: String(rows.reduce((sum, r) => sum + r.total, 0n)),
  };
};

export const rebateCsvColumns = [
  'supplier',
  'declaration',
  'status',
  'exported_on',
  'line',
  'hs_code',
  'vat_invoice',
  'invoice_amount_cny',
  'vat_rate_pct',
  'amount_before_vat_cny',
  'rebate_rate_pct',
  'rebate_cny',
] as const;

const yuan = (fen: string) => formatMajor(BigInt(fen), 'CNY');

/** The month's claims as CSV rows, one per invoice line, amounts in yuan. */
export const rebateCsvRows = (summary: Awaited<ReturnType<typeof monthlyRebates>>) =>
  summary.claims.flatMap((c) =>
    c.lines.map((l) => ({
      supplier: c.companyName,
      declaration: c.number,
      status: c.status,
      exported_on: c.exportedOn ?? '',
      line: String(l.lineNo),
      hs_code: l.hsCode,
      vat_invoice: l.invoiceNumber,
      invoice_amount_cny: yuan(l.invoiceAmount),
      vat_rate_pct: String(l.vatRateBps / 100),
      amount_before_vat_cny: yuan(l.netAmount),
      rebate_rate_pct: String(l.rebateRateBps / 100),
      rebate_cny: yuan(l.rebate),
    })),
  );
