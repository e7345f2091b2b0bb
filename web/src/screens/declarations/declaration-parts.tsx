import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type {
  ComplianceFinding,
  Declaration,
  DeclarationStatus,
  StatutoryUnit,
} from '../../api/declaration-types';
import { fieldKey, validationIssues } from '../../api/field-errors';
import { useFormat } from '../../format/use-format';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const STATUS_COLOR: Record<DeclarationStatus, string> = {
  drafted: 'gray.7',
  declared: 'lane.7',
  customs_rejected: 'red.9',
  released: 'indigo.8',
  exported: 'indigo.8',
  fx_received: 'cyan.9',
  fx_settled: 'cyan.9',
  vat_invoice_mismatch: 'orange.9',
  vat_invoice_matched: 'teal.9',
  rebate_declared: 'lane.7',
  rebate_rejected: 'red.9',
  rebate_approved: 'teal.9',
  rebate_paid: 'teal.9',
  cancelled: 'gray.7',
};

export const DeclarationStatusBadge = ({ status }: { status: DeclarationStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="declaration-status"
      data-status={status}
    >
      {t(`declarations.status.${status}`, { defaultValue: status })}
    </Badge>
  );
};

/**
 * Who takes each step (the server's `stepTakenBy`): the exporter's own steps,
 * and the answers of customs and the tax office, which the declarant records.
 */
const STEP_TAKEN_BY: Record<DeclarationStatus, 'exporter' | 'declarant'> = {
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

/** The side that takes a step: the declarant is the platform's operator when the platform declares as agent. */
export const takenBy = (declaration: Pick<Declaration, 'declarantRole'>, to: DeclarationStatus) =>
  STEP_TAKEN_BY[to] === 'exporter' || declaration.declarantRole === 'exporter' ? 'exporter' : 'operator';

/**
 * The next steps the reader may take. Matching VAT invoices is one action
 * whichever way it ends: the server moves to a mismatch when they do not match.
 */
export const stepsFor = (declaration: Declaration): DeclarationStatus[] =>
  declaration.next
    .filter((to) => to !== 'vat_invoice_mismatch' || !declaration.next.includes('vat_invoice_matched'))
    .map((to) => (to === 'vat_invoice_mismatch' ? 'vat_invoice_matched' : to))
    .filter((to) => takenBy(declaration, to) === declaration.viewer);

/** Who the reader waits for when the next step is not theirs. */
export const waitingFor = (declaration: Declaration): 'exporter' | 'operator' | null => {
  const others = declaration.next.filter((to) => takenBy(declaration, to) !== declaration.viewer);
  return others.length > 0 && stepsFor(declaration).length === 0 ? takenBy(declaration, others[0]!) : null;
};

/** The catalogue's units (orders, products) as customs' statutory units; packaging counts as pieces. */
export const statutoryUnitOf = (unit: string): StatutoryUnit => {
  const map: Record<string, StatutoryUnit> = {
    piece: 'pcs',
    set: 'set',
    pair: 'pair',
    unit: 'unit',
    kg: 'kg',
    ton: 't',
    meter: 'm',
    square_meter: 'm2',
    liter: 'l',
    roll: 'roll',
    dozen: 'dozen',
  };
  return map[unit] ?? 'pcs';
};

/** "2,000 pcs": a quantity with its statutory unit in the reader's language. */
export const useQuantityText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (quantity: number, unit: string) =>
    `${format.number(quantity)} ${t(`declarations.unit.${unit}`, { defaultValue: unit })}`;
};

/** Basis points as a percentage ("13 %", "9 %"), in the reader's style. */
export const useBpsText = () => {
  const format = useFormat();
  return (bps: number) => format.percentPrecise(bps / 10_000);
};

/** "Line 2: gross weight…" → "gross weight…": next to a line's own field the line number says nothing. */
export const withoutLinePrefix = (message: string) => message.replace(/^Line \d+: /, '');

export type ServerProblems = {
  /** Messages by form field key (`lines.1.hsCode`, `exporter.taxId`, `portOfLoading`). */
  byField: Record<string, string>;
  /** Every message in the server's order, for the summary above the form. */
  all: string[];
  /** Compliance refusals (an embargoed destination, arms to a restricted one). */
  refusals: ComplianceFinding[];
};

/**
 * A refused declaration's problems: schema and rule issues at their fields
 * (`body.lines.1.hsCode` → `lines.1.hsCode`), compliance refusals with their
 * field, or one rule's message at the field its `details.field` names.
 */
export const serverProblems = (error: unknown): ServerProblems => {
  const result: ServerProblems = { byField: {}, all: [], refusals: [] };
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return result;
  const add = (field: string, message: string) => {
    result.byField[field] = result.byField[field] ? `${result.byField[field]}; ${message}` : message;
    result.all.push(message);
  };
  const issues = validationIssues(error);
  for (const issue of issues) add(fieldKey(issue.path), issue.message);
  const details = (error.details ?? {}) as { findings?: unknown; field?: unknown };
  if (Array.isArray(details.findings)) {
    result.refusals = details.findings.filter(
      (f): f is ComplianceFinding => Boolean(f) && typeof f.message === 'string',
    );
    for (const f of result.refusals) add(f.field ?? '', f.message);
  } else if (issues.length === 0) {
    add(typeof details.field === 'string' ? fieldKey(details.field) : '', error.message);
  }
  return result;
};

const DAY_MS = 86_400_000;

/** A local calendar day as YYYY-MM-DD, `days` from today. */
export const dayFromToday = (days = 0) => {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** This month as YYYY-MM, in the reader's time zone. */
export const thisMonth = () => dayFromToday(0).slice(0, 7);

/** Codes typed character by character (HS, USCC, ports) in monospace: the input only, not its label. */
export const MONO_INPUT = { input: { fontFamily: 'var(--mantine-font-family-monospace)' } };
