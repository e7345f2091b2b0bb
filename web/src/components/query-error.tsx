import { Alert, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { isUnexplained } from './form-error';

type Props = { error: unknown; onRetry?: () => void };

/** A failed load, with the server's message when it sent one. */
export const QueryError = ({ error, onRetry }: Props) => {
  const { t } = useTranslation();
  // The server's words help when they explain (no access, not found); a bare status or a fault, not.
  const detail = error instanceof ApiError && !isUnexplained(error) ? error.message : null;
  return (
    <Alert color="red" title={t('errors.loadFailed')} role="alert">
      {detail && <p style={{ margin: 0 }}>{detail}</p>}
      {onRetry && (
        <Button mt="sm" size="xs" variant="white" color="red" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
};

export const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;
