import { Card, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Booking, BookingEvent } from '../../api/freight-types';
import { useFormat } from '../../format/use-format';

/** The sentence for one event, with its voyage, booking number or delay where it has one. */
const useDescribe = () => {
  const { t } = useTranslation();
  return (event: BookingEvent) => {
    const d = event.details ?? {};
    const text = (key: string) =>
      typeof d[key] === 'string' || typeof d[key] === 'number' ? String(d[key]) : '';
    if (event.kind === 'requested')
      return t(d.guaranteed ? 'freight.event.requestedGuaranteed' : 'freight.event.requested', {
        voyage: text('voyage'),
      });
    if (event.kind === 'confirmed' && text('bookingNumber'))
      return t('freight.event.confirmedNumber', { number: text('bookingNumber') });
    if (event.kind === 'rolled')
      return text('toVoyage')
        ? t('freight.event.rolledTo', {
            from: text('missedVoyage'),
            to: text('toVoyage'),
            count: Number(d.delayDays ?? 0),
          })
        : t('freight.event.rolledWaiting', { from: text('missedVoyage') });
    return t(`freight.event.${event.kind}`, { defaultValue: event.kind.replaceAll('_', ' ') });
  };
};

/** Every milestone the forwarder or the platform reported, oldest first. */
export const BookingTimeline = ({ booking }: { booking: Booking }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const describe = useDescribe();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="booking-timeline">
      <Title order={2} fz="h4" id="booking-timeline" mb="md">
        {t('freight.event.title')}
      </Title>
      <Timeline
        active={booking.timeline.length - 1}
        bulletSize={14}
        lineWidth={2}
        data-testid="booking-timeline"
      >
        {booking.timeline.map((event, i) => (
          <Timeline.Item
            // biome-ignore lint/suspicious/noArrayIndexKey: events have no id on the wire and never reorder
            key={i}
            title={
              <Text fz="sm" fw={600}>
                {describe(event)}
              </Text>
            }
            data-testid="booking-event"
            data-kind={event.kind}
          >
            {event.note && (
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {event.note}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              {[
                format.dateTime(event.occurredAt),
                event.location,
                event.source === 'platform' ? t('freight.event.byPlatform') : t('freight.event.byForwarder'),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
};
