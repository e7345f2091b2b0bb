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
  return issues.filter(
    (issue): issue is ValidationIssue =>
      Boolean(issue) && typeof issue.path === 'string' && typeof issue.message === 'string',
  );
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
