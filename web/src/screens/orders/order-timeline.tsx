import { Card, Text, Timeline, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Order, TimelineEntry } from '../../api/types';
import { useFormat } from '../../format/use-format';

type Format = ReturnType<typeof useFormat>;

/** Timeline kinds with a sentence of their own; anything newer falls back to a generic line. */
const KNOWN = new Set([
  'placed',
  'awaiting_deposit',
  'in_production',
  'awaiting_balance',
  'ready_to_ship',
  'shipped',
  'delivered',
  'received',
  'completed',
  'cancelled',
  'disputed',
  'refunded',
  'refund',
  'deposit_paid',
  'deposit_part_paid',
  'balance_paid',
  'balance_part_paid',
  'dispute_responded',
  'dispute_escalated',
  'dispute_decided',
  'compensation_claim_opened',
]);

/** The sentence for one timeline entry, with its amounts and dates in the reader's language. */
const describe = (entry: TimelineEntry, order: Order, t: TFunction, format: Format): string => {
  const d = entry.details;
  const money = (key: string) =>
    typeof d[key] === 'string' || typeof d[key] === 'number'
      ? format.money({ amount: String(d[key]), currency: order.currency })
      : '';
  const text = (key: string) => (typeof d[key] === 'string' ? (d[key] as string) : '');
  const params = {
    amount: money('amount'),
    paid: money('paid'),
    due: money('due'),
    total: money('total'),
    released: money('released'),
    fee: money('fee'),
    refund: money('refund'),
    refunded: money('refunded'),
    reason: text('reason'),
    source: t(`orderTimeline.source.${text('source') || 'other'}`, { defaultValue: text('source') }),
    decision: t(`disputeDecision.${text('decision')}`, { defaultValue: text('decision') }),
    date: text('shipByDate') ? format.day(text('shipByDate')) : '',
    until: text('protectionEndsAt') ? format.dateTime(text('protectionEndsAt')) : '',
    status: t(`orderStatus.${entry.kind}`, { defaultValue: entry.kind }),
  };
  // Back from a dispute: the order resumes where it was, which is not the same as getting there.
  if (d.from === 'disputed' && entry.kind !== 'refunded') return t('orderTimeline.resumed', params);
  if (!KNOWN.has(entry.kind)) return t('orderTimeline.other', { kind: entry.kind.replaceAll('_', ' ') });
  if (entry.kind === 'in_production' && params.date) return t('orderTimeline.in_productionShipBy', params);
  if (entry.kind === 'received' && d.by === 'timer') return t('orderTimeline.receivedAuto', params);
  if (entry.kind === 'completed' && d.by === 'timer') return t('orderTimeline.completedAuto', params);
  if (entry.kind === 'cancelled' && d.by === 'timer') return t('orderTimeline.cancelledAuto', params);
  return t(`orderTimeline.${entry.kind}`, params);
};

/** Everything that happened to the order, oldest first: each step and each money movement. */
export const OrderTimeline = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = (id: string | null) =>
    id === order.buyer.id
      ? order.buyer.name
      : id === order.supplier.id
        ? order.supplier.name
        : id
          ? t('orderTimeline.operator')
          : t('orderTimeline.platform');
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="order-timeline">
      <Title order={2} fz="h4" id="order-timeline" mb="md">
        {t('orderTimeline.title')}
      </Title>
      <Timeline active={order.timeline.length - 1} bulletSize={14} lineWidth={2} data-testid="order-timeline">
        {order.timeline.map((entry) => {
          const shipment =
            entry.kind === 'shipped' ? [entry.details.carrier, entry.details.trackingNumber] : [];
          return (
            <Timeline.Item
              key={entry.seq}
              title={
                <Text fz="sm" fw={600}>
                  {describe(entry, order, t, format)}
                </Text>
              }
              data-testid="timeline-entry"
              data-kind={entry.kind}
            >
              {shipment.some(Boolean) && (
                <Text fz="sm" ff="monospace">
                  {shipment.filter(Boolean).join(' · ')}
                </Text>
              )}
              <Text fz="xs" c="dimmed">
                {actor(entry.actorCompanyId)} · {format.dateTime(entry.at)}
              </Text>
            </Timeline.Item>
          );
        })}
      </Timeline>
    </Card>
  );
};
