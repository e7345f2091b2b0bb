import { Button, Card, Group, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useCancelBooking,
  usePostBookingEvent,
  useRateCardDetails,
  useRateCards,
} from '../../api/freight-queries';
import type { Booking, BookingEventInput, BookingStatus } from '../../api/freight-types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { useFormat } from '../../format/use-format';
import { serverFieldErrors, useUnitsText } from './freight-parts';

type EventKind = BookingEventInput['kind'];

/** The events a forwarder can report next from each status (the booking machine, plus notes). */
const NEXT: Record<BookingStatus, EventKind[]> = {
  requested: ['confirmed', 'rejected', 'rolled'],
  confirmed: ['gate_in', 'loaded', 'rolled'],
  rolled: ['confirmed', 'gate_in', 'loaded', 'rolled'],
  gate_in: ['loaded', 'rolled'],
  loaded: ['departed'],
  departed: ['arrived'],
  arrived: ['discharged', 'delivered'],
  discharged: ['delivered'],
  delivered: ['completed'],
  completed: [],
  rejected: [],
  cancelled: [],
};

/** A shipper may withdraw a booking until its cargo reaches the terminal. */
export const CANCELLABLE: BookingStatus[] = ['requested', 'confirmed', 'rolled'];

/** What the reader can do with the booking: the shipper cancels, the forwarder reports the next event. */
export const BookingActions = ({ booking }: { booking: Booking }) => {
  if (booking.viewer === 'shipper') return <ShipperActions booking={booking} />;
  if (booking.viewer === 'forwarder') return <ForwarderEventForm booking={booking} />;
  return null;
};

const ShipperActions = ({ booking }: { booking: Booking }) => {
  const { t } = useTranslation();
  const cancel = useCancelBooking(booking.id);
  if (!CANCELLABLE.includes(booking.status)) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="booking-actions">
      <Title order={2} fz="h4" id="booking-actions" mb="xs">
        {t('freight.actions.title')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('freight.actions.cancelHint')}
      </Text>
      <FormError error={cancel.error} testId="cancel-error" />
      <Group>
        <ConfirmButton
          color="red.9"
          variant="outline"
          title={t('freight.actions.cancelTitle')}
          body={t('freight.actions.cancelBody')}
          confirmLabel={t('freight.actions.cancelConfirm')}
          onConfirm={() => cancel.mutate()}
          loading={cancel.isPending}
          data-testid="cancel-booking"
        >
          {t('freight.actions.cancel')}
        </ConfirmButton>
      </Group>
    </Card>
  );
};

const FIELDS = ['kind', 'bookingNumber', 'location', 'note', 'occurredAt', 'toDepartureId'];

/**
 * The booking's card among the forwarder's own, for the later departures a
 * roll can move it to: the booking answer names its departure, not its card.
 */
const useLaterDepartures = (booking: Booking, enabled: boolean) => {
  const cards = useRateCards(enabled);
  const candidates = useMemo(
    () =>
      (cards.data ?? [])
        .filter(
          (c) =>
            c.origin === booking.lane.origin &&
            c.destination === booking.lane.destination &&
            c.mode === booking.lane.mode &&
            c.carrier === booking.lane.carrier &&
            c.validFrom <= booking.departure.departsOn &&
            c.validTo >= booking.departure.departsOn,
        )
        .map((c) => c.id),
    [cards.data, booking],
  );
  const details = useRateCardDetails(enabled ? candidates : []);
  const card = details.find((d) => d.data?.departures.some((dep) => dep.id === booking.departure.id))?.data;
  return (card?.departures ?? []).filter(
    (d) =>
      d.status === 'scheduled' &&
      d.departsOn > booking.departure.departsOn &&
      d.capacity - d.guaranteedBooked - d.standardBooked >= booking.units,
  );
};

const ForwarderEventForm = ({ booking }: { booking: Booking }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useUnitsText();
  const post = usePostBookingEvent(booking.id);
  const kinds = [...NEXT[booking.status], 'note' as const];
  const [kind, setKind] = useState<EventKind>(kinds[0]!);
  const [bookingNumber, setBookingNumber] = useState(booking.bookingNumber ?? '');
  const [location, setLocation] = useState('');
  const [note, setNote] = useState('');
  const [occurredAt, setOccurredAt] = useState('');
  const [toDepartureId, setToDepartureId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const later = useLaterDepartures(booking, kind === 'rolled');
  // The form follows the booking: after each report, the next step is the default.
  const [shownFor, setShownFor] = useState(booking.status);
  if (shownFor !== booking.status) {
    setShownFor(booking.status);
    setKind(kinds[0]!);
    setLocation('');
    setNote('');
    setOccurredAt('');
    setToDepartureId(null);
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (kind === 'confirmed' && !bookingNumber.trim())
      next.bookingNumber = t('freight.actions.numberRequired');
    if (kind === 'note' && !note.trim()) next.note = t('forms.required');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    post.mutate(
      {
        kind,
        bookingNumber: kind === 'confirmed' ? bookingNumber.trim() : undefined,
        location: location.trim() || null,
        note: note.trim(),
        occurredAt: occurredAt ? new Date(occurredAt).toISOString() : undefined,
        toDepartureId: kind === 'rolled' ? toDepartureId : undefined,
      },
      {
        onError: (error) => setErrors(serverFieldErrors(error, (key) => FIELDS.includes(key))),
      },
    );
  };

  return (
    <Card
      withBorder
      padding="lg"
      component="form"
      onSubmit={submit}
      noValidate
      aria-labelledby="booking-report"
      data-testid="event-form"
    >
      <Title order={2} fz="h4" id="booking-report" mb="xs">
        {t('freight.actions.reportTitle')}
      </Title>
      <Stack gap="sm">
        <Select
          label={t('freight.actions.kind')}
          data={kinds.map((k) => ({ value: k, label: t(`freight.eventKind.${k}`) }))}
          value={kind}
          onChange={(value) => {
            if (value) setKind(value as EventKind);
            setErrors({});
          }}
          allowDeselect={false}
          data-testid="event-kind"
        />
        {kind === 'confirmed' && (
          <TextInput
            label={t('freight.booking.bookingNumber')}
            description={t('freight.actions.numberHint')}
            value={bookingNumber}
            onChange={(e) => setBookingNumber(e.currentTarget.value)}
            error={errors.bookingNumber}
            maxLength={64}
            data-testid="event-booking-number"
          />
        )}
        {kind === 'rolled' && (
          <Select
            label={t('freight.actions.toDeparture')}
            description={t('freight.actions.toDepartureHint')}
            placeholder={t('freight.actions.nextWithSpace')}
            data={later.map((d) => ({
              value: d.id,
              label: `${d.voyage} · ${format.day(d.departsOn)} · ${t('freight.departure.freeShort', {
                free: units(d.capacity - d.guaranteedBooked - d.standardBooked, booking.lane.mode),
              })}`,
            }))}
            value={toDepartureId}
            onChange={setToDepartureId}
            clearable
            error={errors.toDepartureId}
            data-testid="event-to-departure"
          />
        )}
        {kind !== 'rejected' && kind !== 'note' && (
          <Group grow align="flex-start">
            <TextInput
              label={t('freight.actions.location')}
              description={t('freight.actions.locationHint')}
              value={location}
              onChange={(e) => setLocation(e.currentTarget.value)}
              error={errors.location}
              maxLength={120}
              data-testid="event-location"
            />
            <TextInput
              type="datetime-local"
              label={t('freight.actions.occurredAt')}
              description={t('freight.actions.occurredAtHint')}
              value={occurredAt}
              onChange={(e) => setOccurredAt(e.currentTarget.value)}
              error={errors.occurredAt}
              data-testid="event-occurred-at"
            />
          </Group>
        )}
        <Textarea
          label={t('freight.actions.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={errors.note}
          autosize
          minRows={2}
          maxLength={2000}
          data-testid="event-note"
        />
        {errors[''] && (
          <Text c="red.8" fz="sm" role="alert">
            {errors['']}
          </Text>
        )}
        {Object.keys(errors).length === 0 && <FormError error={post.error} testId="event-error" />}
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={post.isPending}
            color={kind === 'rejected' ? 'red.9' : undefined}
            data-testid="event-submit"
          >
            {t(`freight.actions.submit.${kind}`, { defaultValue: t('freight.actions.submit.other') })}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
};
