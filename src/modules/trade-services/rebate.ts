import { and, eq, ne } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import type { DeclarationRow } from './declaration-store.js';
import { rebateRatesFor } from './reference.js';
import { fxSettlements, type RebateLine, rebateClaims } from './schema.js';

/** A purchase VAT invoice (增值税专用发票) backing one declared line; amounts in fen, VAT included. */
export type VatInvoice = {
  lineNo: number;
  invoiceNumber: string;
  amount: string;
  vatRatePct?: number | null;
};

const bps = 10_000n;

/** Divides and rounds half up (amounts here are never negative). */
const roundedDiv = (numerator: bigint, denominator: bigint) =>
  (numerator * 2n + denominator) / (denominator * 2n);

/**
 * The export VAT rebate of one invoice line, in fen:
 * rebate = invoice amount ÷ (1 + VAT rate) × rebate rate, computed from
 * the exact fraction and rounded half up once, at the end.
 */
export const rebateOf = (invoiceAmount: bigint, vatRateBps: number, rebateRateBps: number) => ({
  netAmount: roundedDiv(invoiceAmount * bps, bps + BigInt(vatRateBps)),
  rebate: roundedDiv(invoiceAmount * BigInt(rebateRateBps), bps + BigInt(vatRateBps)),
});

/**
 * Matches the VAT invoices against the declared lines. A mismatch (a line
 * without its invoice, an invoice for no line, a VAT rate other than the
 * goods', an invoice used by another export, or goods bought for more than
 * they were sold abroad) is reported line by line; otherwise the rebate
 * is computed per line.
 */
export const matchVatInvoices = async (ctx: Ctx, declaration: DeclarationRow, invoices: VatInvoice[]) => {
  const problems: string[] = [];
  const byLine = new Map<number, VatInvoice>();
  for (const invoice of invoices) {
    if (!declaration.lines.some((l) => l.lineNo === invoice.lineNo))
      problems.push(`Invoice ${invoice.invoiceNumber} is for line ${invoice.lineNo}, which is not declared`);
    else if (byLine.has(invoice.lineNo)) problems.push(`Line ${invoice.lineNo} has two invoices`);
    else byLine.set(invoice.lineNo, invoice);
  }
  const [fx] = await ctx.db
    .select()
    .from(fxSettlements)
    .where(eq(fxSettlements.declarationId, declaration.id));
  const cnyPerDeclared =
    fx?.cnyAmount && fx.receivedCurrency === declaration.currency && fx.receivedAmount > 0n
      ? { cny: fx.cnyAmount, received: fx.receivedAmount }
      : undefined;
  const usedElsewhere = await invoicesUsedElsewhere(ctx, declaration);
  const lines: RebateLine[] = [];
  for (const line of declaration.lines) {
    const invoice = byLine.get(line.lineNo);
    if (!invoice) {
      problems.push(`Line ${line.lineNo} (${line.description}) has no VAT invoice`);
      continue;
    }
    const rates = rebateRatesFor(line.hsCode);
    if (invoice.vatRatePct != null && Math.round(invoice.vatRatePct * 100) !== rates.vatRateBps)
      problems.push(
        `Line ${line.lineNo}: invoice ${invoice.invoiceNumber} charges ${invoice.vatRatePct} % VAT; HS ${line.hsCode} is taxed at ${rates.vatRateBps / 100} %`,
      );
    if (usedElsewhere.has(invoice.invoiceNumber))
      problems.push(`Line ${line.lineNo}: invoice ${invoice.invoiceNumber} already backs another export`);
    const amount = BigInt(invoice.amount);
    const { netAmount, rebate } = rebateOf(amount, rates.vatRateBps, rates.rebateRateBps);
    if (cnyPerDeclared) {
      const declaredCny = (BigInt(line.value) * cnyPerDeclared.cny) / cnyPerDeclared.received;
      if (netAmount > declaredCny)
        problems.push(
          `Line ${line.lineNo}: the goods cost ${netAmount} fen before VAT, more than their export value (${declaredCny} fen)`,
        );
    }
    lines.push({
      lineNo: line.lineNo,
      hsCode: line.hsCode,
      invoiceNumber: invoice.invoiceNumber,
      invoiceAmount: String(amount),
      vatRateBps: rates.vatRateBps,
      rebateRateBps: rates.rebateRateBps,
      netAmount: String(netAmount),
      rebate: String(rebate),
    });
  }
  return { problems, lines, total: lines.reduce((sum, l) => sum + BigInt(l.rebate), 0n) };
};

const invoicesUsedElsewhere = async (ctx: Ctx, declaration: DeclarationRow) => {
  const claims = await ctx.db
    .select({ lines: rebateClaims.lines })
    .from(rebateClaims)
    .where(
      and(eq(rebateClaims.companyId, declaration.companyId), ne(rebateClaims.declarationId, declaration.id)),
    );
  return new Set(claims.flatMap((c) => c.lines.map((l) => l.invoiceNumber)));
};

/** Stores (or replaces, when matched again) the declaration's rebate claim, counted in its export month. */
export const saveRebateClaim = async (
  ctx: Ctx,
  declaration: DeclarationRow,
  claim: { lines: RebateLine[]; total: bigint },
) => {
  const now = ctx.now();
  const month = (declaration.exportedOn ?? now.toISOString()).slice(0, 7);
  await ctx.db
    .insert(rebateClaims)
    .values({
      companyId: declaration.companyId,
      declarationId: declaration.id,
      month,
      lines: claim.lines,
      total: claim.total,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [rebateClaims.companyId, rebateClaims.declarationId],
      set: { lines: claim.lines, total: claim.total, updatedAt: now },
    });
};
