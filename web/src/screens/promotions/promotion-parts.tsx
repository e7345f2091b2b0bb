import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PromotionState } from '../../api/ads-types';
import { ApiError } from '../../api/client';
import { fieldKey, validationIssues } from '../../api/field-errors';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const STATE_COLOR: Record<PromotionState, string> = {
  scheduled: 'lane.7',
  running: 'teal.9',
  ended: 'gray.7',
  cancelled: 'gray.7',
};

export const PromotionStateBadge = ({ state }: { state: PromotionState }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATE_COLOR[state] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="promotion-state"
      data-state={state}
    >
      {t(`promotions.state.${state}`, { defaultValue: state })}
    </Badge>
  );
};

/**
 * A refused command's problems by field: schema issues (`body.tiers.0.percentOff`)
 * and business rules naming one field (`details.field`: `endsAt`, `tiers[1].minQuantity`,
 * `productIds[2]`), all as `tiers.0.percentOff`-style keys. Anything else is under ''.
 */
export const fieldProblems = (error: unknown): Record<string, string> => {
  const byField: Record<string, string> = {};
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return byField;
  const add = (key: string, message: string) => {
    byField[key] = byField[key] ? `${byField[key]}; ${message}` : message;
  };
  const issues = validationIssues(error);
  for (const issue of issues) add(fieldKey(issue.path), issue.message);
  if (issues.length === 0) {
    const field = (error.details as { field?: unknown } | null)?.field;
    add(typeof field === 'string' ? fieldKey(field) : '', error.message);
  }
  return byField;
};

/** A local date-time input's value (YYYY-MM-DDTHH:mm) `days` from now, rounded to the minute. */
export const localInput = (days = 0) => {
  const d = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

/** A local date-time input's value as an instant the API takes (ISO with offset), or null. */
export const toInstant = (value: string): string | null => {
  if (!value) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
};
