import type { Ctx } from '../../core/context.js';
import { inTransaction } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { formatMajor } from '../../core/money.js';
import { converterOn } from '../fx/index.js';
import { findCompany } from '../identity/index.js';
import { findOrderRow } from '../orders/index.js';
import { complianceFindings } from './compliance.js';
import {
  type DeclarationLineInput,
  declarationIssues,
  type Issue,
  lineValue,
  valuationBasisOf,
} from './declaration-rules.js';
import { recordStep } from './declaration-store.js';
import { declarationPolicy } from './policy.js';
import {
  type Consignee,
  type DeclarationLine,
  declarations,
  type ExporterDetails,
  type ExportTransportMode,
} from './schema.js';
import { isUnifiedSocialCreditCode } from './uscc.js';

export type DeclarationInput = {
  /** The order whose goods are declared: it fills the consignee, currency and Incoterm when not given. */
  orderId?: string | null;
  /** The platform lodges as agent (default), or the exporter declares itself. */
  declarantRole?: 'exporter' | 'platform';
  exporter?: Partial<ExporterDetails> | null;
  consignee?: Consignee | null;
  incoterm?: string | null;
  currency?: string | null;
  transportMode: ExportTransportMode;
  portOfLoading: string;
  destinationCountry?: string | null;
  lines: DeclarationLineInput[];
};

const invalid = (issues: Issue[]) =>
  new AppError(
    'VALIDATION_FAILED',
    issues.length === 1
      ? issues[0]!.message
      : `${issues.length} problems: ${issues.map((i) => i.message).join('; ')}`,
    { issues, field: issues[0]!.path.replace(/^body\./, '') },
  );

/** The order's facts a declaration of its goods starts from; only the order's supplier may declare it. */
const orderFacts = async (ctx: Ctx, orderId: string, exporterId: string) => {
  const order = await findOrderRow(ctx.db, orderId);
  if (!order || order.companyId !== exporterId)
    throw invalid([{ path: 'body.orderId', message: `Order ${orderId} is not one of your orders` }]);
  if (order.status === 'cancelled' || order.status === 'awaiting_confirmation')
    throw invalid([
      { path: 'body.orderId', message: `Order ${orderId} is ${order.status}: nothing to export yet` },
    ]);
  const buyer = await findCompany(ctx.db, order.buyerId);
  return { order, buyer };
};

/**
 * Drafts an export declaration for an order or a shipment. Every rule is
 * checked first and every broken one reported at its field and line; an
 * embargoed destination is refused with the reason. Nothing is written
 * unless all of it holds. Licence flags and plausibility warnings are
 * stored with the draft and shown with it.
 */
export const createDeclaration = async (ctx: Ctx, input: DeclarationInput) => {
  const member = declarationPolicy.assertExporter(ctx.actor);
  const facts = input.orderId ? await orderFacts(ctx, input.orderId, member.companyId) : undefined;
  const consignee: Consignee | undefined =
    input.consignee ??
    (facts?.buyer
      ? { name: facts.buyer.name, address: '', country: facts.buyer.country, taxId: null }
      : undefined);
  if (!consignee)
    throw invalid([{ path: 'body.consignee', message: 'Name the consignee (the buyer abroad)' }]);
  const fields = {
    incoterm: input.incoterm ?? facts?.order.incoterm ?? '',
    currency: input.currency ?? facts?.order.currency ?? '',
    transportMode: input.transportMode,
    portOfLoading: input.portOfLoading.toUpperCase(),
    destinationCountry: input.destinationCountry ?? consignee.country,
    consignee,
    lines: input.lines,
  };
  const issues = declarationIssues(fields);
  if (facts && fields.currency !== facts.order.currency)
    issues.push({ path: 'body.currency', message: `The order is in ${facts.order.currency}` });
  const taxId = input.exporter?.taxId ?? null;
  if (taxId && !isUnifiedSocialCreditCode(taxId))
    issues.push({
      path: 'body.exporter.taxId',
      message: `${taxId} is not a valid unified social credit code`,
    });
  if (issues.length > 0) throw invalid(issues);

  const values = fields.lines.map((l) => lineValue(l.quantity, l.unitPrice));
  const total = values.reduce((a, b) => a + b, 0n);
  const today = ctx.now().toISOString().slice(0, 10);
  const convert = await converterOn(ctx.db, [fields.currency, 'USD'], today);
  const findings = complianceFindings(fields, values, (v) => convert(v, fields.currency, 'USD'));
  const refusals = findings.filter((f) => f.level === 'refusal');
  if (refusals.length > 0)
    throw new AppError('VALIDATION_FAILED', refusals.map((f) => f.message).join('; '), {
      field: refusals[0]!.field,
      findings: refusals,
    });
  if (facts && total !== facts.order.total)
    findings.push({
      level: 'warning',
      code: 'VALUE_DIFFERS_FROM_ORDER',
      message: `The declared value (${fields.currency} ${formatMajor(total, fields.currency)}) differs from the order's total (${facts.order.currency} ${formatMajor(facts.order.total, facts.order.currency)})`,
      field: 'lines',
    });

  const now = ctx.now();
  const id = newId('dec', now);
  const lines: DeclarationLine[] = fields.lines.map((l, i) => ({
    lineNo: i + 1,
    hsCode: l.hsCode,
    tariffCode: l.tariffCode ?? null,
    description: l.description,
    quantity: l.quantity,
    unit: l.unit,
    unitPrice: l.unitPrice,
    value: String(values[i]),
    netWeightG: Math.round(l.netWeightKg * 1000),
    grossWeightG: Math.round(l.grossWeightKg * 1000),
    packages: l.packages,
    originProvince: l.originProvince,
  }));
  return inTransaction(ctx, async (tx) => {
    await tx.db.insert(declarations).values({
      companyId: member.companyId,
      id,
      number: `TL-EX-${now.getUTCFullYear()}-${id.slice(-8).toUpperCase()}`,
      orderId: input.orderId ?? null,
      declarantRole: input.declarantRole ?? 'platform',
      exporter: {
        localName: input.exporter?.localName ?? null,
        address: input.exporter?.address ?? '',
        taxId,
      },
      consignee,
      incoterm: fields.incoterm,
      valuationBasis: valuationBasisOf(fields.incoterm),
      currency: fields.currency,
      transportMode: fields.transportMode,
      portOfLoading: fields.portOfLoading,
      destinationCountry: fields.destinationCountry,
      lines,
      totalValue: total,
      findings,
      status: 'drafted',
      createdBy: member.userId,
      createdAt: now,
      updatedAt: now,
    });
    await recordStep(tx, { companyId: member.companyId, id }, { from: null, to: 'drafted' });
    await tx.events.emit('declaration.drafted', { id, orderId: input.orderId ?? null }, member.companyId);
    return id;
  });
};
