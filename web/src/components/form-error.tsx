import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { validationIssues } from '../api/field-errors';
import { useFormat } from '../format/use-format';

// Codes whose meaning the reader can act on get a sentence in their language;
// anything else shows the server's own message.
const KNOWN_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'LIMIT_REACHED',
  'DEADLINE_PASSED',
  'QUOTA_EXHAUSTED',
  'RATE_LIMITED',
  'INVALID_TRANSITION',
] as const;

/** A failure with nothing to tell the reader: a server fault, or an answer without our error body. */
export const isUnexplained = (error: ApiError) => error.code === 'INTERNAL' || error.code.startsWith('HTTP_');

/** What went wrong with an action, in the reader's language where the code says enough. */
export const useErrorMessage = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (error: unknown): string => {
    if (!(error instanceof ApiError)) return t('errors.network');
    if (isUnexplained(error)) return t('errors.unexpected');
    if ((KNOWN_CODES as readonly string[]).includes(error.code)) {
      const details = (error.details ?? {}) as Record<string, unknown>;
      return t(`errors.code.${error.code}`, {
        renews: typeof details.renews === 'string' ? format.day(details.renews) : '',
        max: typeof details.max === 'number' ? details.max : 10,
      });
    }
    // A business rule (a declined card, an amount above what escrow holds) names no field: its own words say more.
    if (error.code === 'VALIDATION_FAILED')
      return validationIssues(error).length > 0 ? t('errors.validation') : error.message;
    return error.message;
  };
};

/** A failed action, above the form or next to the button that tried it. */
export const FormError = ({ error, testId = 'form-error' }: { error: unknown; testId?: string }) => {
  const message = useErrorMessage();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" data-testid={testId}>
      {message(error)}
    </Alert>
  );
};

/** After a failed check, take the reader to the first field that needs attention. */
export const focusFirstInvalid = (form: HTMLElement | null) => {
  // Next frame: the error state has rendered and Mantine has set aria-invalid.
  requestAnimationFrame(() => {
    form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
};
