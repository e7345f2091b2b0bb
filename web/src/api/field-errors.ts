import i18next from 'i18next';
import { ApiError } from './client';
import type { ValidationIssue } from './types';

/**
 * The server names fields two ways: schema checks as `body.lines.0.moq`,
 * business rules as `lines[0].quantity`. Both become `lines.0.quantity`, the
 * key forms look errors up by.
 */
export const fieldKey = (path: string): string =>
  path
    .replace(/^(body|query|params)\./, '')
    .replace(/\[(\d+)\]/g, '.$1')
    .replace(/^\./, '');

/** The field problems of a VALIDATION_FAILED answer; empty for any other error. */
export const validationIssues = (error: unknown): ValidationIssue[] => {
  if (!(error instanceof ApiError) || error.code !== 'VALIDATION_FAILED') return [];
  const issues = (error.details as { issues?: unknown } | null)?.issues;
  if (!Array.isArray(issues)) return [];
  return issues
    .filter(
      (issue): issue is ValidationIssue =>
        Boolean(issue) && typeof issue.path === 'string' && typeof issue.message === 'string',
    )
    .map((issue) => ({ ...issue, message: inReaderLanguage(issue) }));
};

/**
 * A schema check's issue in the reader's language, from its zod code and bound; a business rule
 * (no code) keeps the server's own words, which name the rule.
 */
const inReaderLanguage = (issue: ValidationIssue): string => {
  const t = (key: string, values?: Record<string, unknown>) => i18next.t(key, values);
  const { code, origin, minimum: min, maximum: max } = issue;
  switch (code) {
    case 'too_small':
      if (origin === 'string')
        return min === 1 ? t('errors.field.required') : t('errors.field.tooShort', { min });
      if (origin === 'array')
        return min === 1 ? t('errors.field.atLeastOne') : t('errors.field.tooFew', { min });
      if (origin === 'number' && min !== undefined) return t('errors.field.tooSmall', { min });
      return issue.message;
    case 'too_big':
      if (origin === 'string') return t('errors.field.tooLong', { max });
      if (origin === 'array') return t('errors.field.tooMany', { max });
      if (origin === 'number' && max !== undefined) return t('errors.field.tooBig', { max });
      return issue.message;
    case 'invalid_type':
      return t('errors.field.invalid');
    case 'invalid_format':
      return issue.format === 'email' ? t('errors.field.email') : t('errors.field.invalid');
    case 'invalid_value':
      return t('errors.field.choice');
    case 'not_multiple_of':
      return t('errors.field.invalid');
    default:
      return issue.message;
  }
};

/**
 * Server issues keyed by field. A key the form has no field for (e.g. a
 * whole-body rule) is returned under '' so the form can show it at the top.
 */
export const issuesByField = (error: unknown, knownFields: (key: string) => boolean) => {
  const byField: Record<string, string> = {};
  for (const issue of validationIssues(error)) {
    const key = fieldKey(issue.path);
    const target = knownFields(key) ? key : '';
    byField[target] = byField[target] ? `${byField[target]}; ${issue.message}` : issue.message;
  }
  return byField;
};
