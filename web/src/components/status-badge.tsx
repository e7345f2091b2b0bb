import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteStatus, RfqStatus } from '../api/types';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const RFQ_COLOR: Record<RfqStatus, string> = {
  draft: 'gray.7',
  published: 'lane.7',
  closed: 'indigo.8',
  expired: 'gray.7',
  cancelled: 'red.9',
  awarded: 'teal.9',
};

const QUOTE_COLOR: Record<QuoteStatus, string> = {
  submitted: 'lane.7',
  countered: 'orange.9',
  shortlisted: 'indigo.8',
  accepted: 'teal.9',
  declined: 'red.9',
  withdrawn: 'gray.7',
};

export const RfqStatusBadge = ({ status }: { status: RfqStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={RFQ_COLOR[status] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="rfq-status"
      data-status={status}
    >
      {t(`rfqStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
};

export const QuoteStatusBadge = ({ status }: { status: QuoteStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={QUOTE_COLOR[status] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="quote-status"
      data-status={status}
    >
      {t(`quoteStatus.${status}`, { defaultValue: status })}
    </Badge>
  );
};
