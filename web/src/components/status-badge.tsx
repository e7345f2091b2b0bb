import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  DisputeStatus,
  DueStatus,
  IncomingStatus,
  OrderStatus,
  PayoutStatus,
  QuoteStatus,
  RfqStatus,
} from '../api/types';

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

const ORDER_COLOR: Record<OrderStatus, string> = {
  awaiting_confirmation: 'gray.7',
  awaiting_deposit: 'orange.9',
  in_production: 'lane.7',
  awaiting_balance: 'orange.9',
  ready_to_ship: 'indigo.8',
  shipped: 'indigo.8',
  delivered: 'indigo.8',
  received: 'teal.9',
  completed: 'teal.9',
  cancelled: 'gray.7',
  disputed: 'red.9',
  refunded: 'grape.9',
};

const DISPUTE_COLOR: Record<DisputeStatus, string> = {
  awaiting_response: 'orange.9',
  responded: 'lane.7',
  escalated: 'red.9',
  decided: 'teal.9',
  withdrawn: 'gray.7',
};

const DUE_COLOR: Record<DueStatus, string> = { open: 'orange.9', paid: 'teal.9', cancelled: 'gray.7' };

const PAYOUT_COLOR: Record<PayoutStatus, string> = { scheduled: 'orange.9', paid: 'teal.9' };

const INCOMING_COLOR: Record<IncomingStatus, string> = {
  matched: 'teal.9',
  partial: 'orange.9',
  overpaid: 'grape.9',
  unmatched: 'red.9',
  returned: 'gray.7',
  dismissed: 'gray.7',
};

/** A status as a filled badge, its label from `<namespace>.<status>`. */
const StatusBadge = ({
  status,
  color,
  namespace,
  testId,
}: {
  status: string;
  color: string | undefined;
  namespace: string;
  testId: string;
}) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={color ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid={testId}
      data-status={status}
    >
      {t(`${namespace}.${status}`, { defaultValue: status })}
    </Badge>
  );
};

export const OrderStatusBadge = ({ status }: { status: OrderStatus }) => (
  <StatusBadge status={status} color={ORDER_COLOR[status]} namespace="orderStatus" testId="order-status" />
);

export const DisputeStatusBadge = ({ status }: { status: DisputeStatus }) => (
  <StatusBadge
    status={status}
    color={DISPUTE_COLOR[status]}
    namespace="disputeStatus"
    testId="dispute-status"
  />
);

export const DueStatusBadge = ({ status }: { status: DueStatus }) => (
  <StatusBadge status={status} color={DUE_COLOR[status]} namespace="dueStatus" testId="due-status" />
);

export const PayoutStatusBadge = ({ status }: { status: PayoutStatus }) => (
  <StatusBadge status={status} color={PAYOUT_COLOR[status]} namespace="payoutStatus" testId="payout-status" />
);

export const IncomingStatusBadge = ({ status }: { status: IncomingStatus }) => (
  <StatusBadge
    status={status}
    color={INCOMING_COLOR[status]}
    namespace="incomingStatus"
    testId="payment-status"
  />
);
