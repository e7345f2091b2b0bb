import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useBookingAction, useBookings } from '../../api/freight-queries';
import type { BookingStatus, BookingSummary } from '../../api/freight-types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { PaginationBar } from '../../components/pagination-bar';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { BookingEventImport } from './freight-imports';
import { BookingStatusBadge, ModeBadge, serverFieldErrors, useCargoText } from './freight-parts';

type Filter = 'requested' | 'active' | 'done' | 'all';

const ACTIVE: BookingStatus[] = [
  'confirmed',
  'rolled',
  'gate_in',
  'loaded',
  'departed',
  'arrived',
  'discharged',
  'delivered',
];
const DONE: BookingStatus[] = ['completed', 'rejected', 'cancelled'];

const matches = (filter: Filter, status: BookingStatus) =>
  filter === 'all' ||
  (filter === 'requested' && status === 'requested') ||
  (filter === 'active' && ACTIVE.includes(status)) ||
  (filter === 'done' && DONE.includes(status));

const PAGE_SIZE = 12;

/** A shipper's bookings, or a forwarder's; `desk` is the forwarder's booking desk (requests first, with quick actions). */
export const BookingsScreen = ({ desk = false }: { desk?: boolean }) => (
  <SignedInGate>{(me) => <BookingList me={me} desk={desk} />}</SignedInGate>
);

const BookingList = ({ me, desk }: { me: Member; desk: boolean }) => {
  const { t } = useTranslation();
  const kind = me.company.kind;
  const allowed = desk ? kind === 'forwarder' : kind !== 'operator';
  const bookings = useBookings(allowed);
  const [filter, setFilter] = useState<Filter>(desk ? 'requested' : 'all');
  const [page, setPage] = useState(1);
  const title = desk ? t('freight.desk.title') : t('freight.list.title');
  useDocumentTitle(title);

  if (!allowed) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {title}
        </Title>
        <Text mt="sm">{desk ? t('freight.desk.forwardersOnly') : t('freight.list.notForKind')}</Text>
      </Container>
    );
  }

  const side = desk || kind === 'forwarder' ? 'forwarder' : 'shipper';
  const rows = (bookings.data ?? []).filter((b) => b.side === side && matches(filter, b.status));
  const count = (f: Filter) =>
    (bookings.data ?? []).filter((b) => b.side === side && matches(f, b.status)).length;
  const shown = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {title}
            </Title>
            <Text c="dimmed" fz="sm">
              {desk
                ? t('freight.desk.subtitle')
                : side === 'forwarder'
                  ? t('freight.list.subtitleForwarder')
                  : t('freight.list.subtitleShipper')}
            </Text>
          </div>
          {side === 'shipper' && (
            <Button component={Link} to="/freight" variant="light" data-testid="new-search">
              {t('freight.list.search')}
            </Button>
          )}
        </Group>
        <SegmentedControl
          value={filter}
          onChange={(value) => {
            setFilter(value as Filter);
            setPage(1);
          }}
          data={(['requested', 'active', 'done', 'all'] as const).map((f) => ({
            value: f,
            label: `${t(`freight.list.filter.${f}`)} (${count(f)})`,
          }))}
          style={{ alignSelf: 'flex-start' }}
          data-testid="bookings-filter"
        />
        {bookings.isError && <QueryError error={bookings.error} onRetry={() => bookings.refetch()} />}
        {bookings.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        )}
        {bookings.data && rows.length === 0 && (
          <Card withBorder padding="xl" data-testid="bookings-empty">
            <Text c="dimmed" ta="center">
              {desk && filter === 'requested' ? t('freight.desk.empty') : t('freight.list.empty')}
            </Text>
          </Card>
        )}
        {shown.length > 0 && <BookingRows rows={shown} desk={desk} />}
        <PaginationBar total={rows.length} page={page} pageSize={PAGE_SIZE} onChange={setPage} />
        {desk && <BookingEventImport />}
      </Stack>
    </Container>
  );
};

const BookingRows = ({ rows, desk }: { rows: BookingSummary[]; desk: boolean }) => {
  return (
    <Card withBorder padding={0}>
      <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rows.map((row, i) => (
          <li key={row.id} style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}>
            <BookingRow row={row} />
            {desk && row.status === 'requested' && <QuickActions row={row} />}
          </li>
        ))}
      </Stack>
    </Card>
  );
};

const BookingRow = ({ row }: { row: BookingSummary }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const cargoText = useCargoText();
  return (
    <UnstyledButton
      component={Link}
      to={`/freight/bookings/${row.id}`}
      className="inbox-row"
      data-testid="booking-row"
      data-booking-id={row.id}
      p="md"
      w="100%"
      display="block"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600}>
              {t('freight.booking.title', { origin: row.origin, destination: row.destination })}
            </Text>
            <ModeBadge mode={row.mode} />
            {row.guaranteed && (
              <Text span fz="xs" c="lane.8" fw={600}>
                {t('freight.offer.guaranteed')}
              </Text>
            )}
          </Group>
          <Text fz="sm" c="dimmed" truncate="end">
            {row.side === 'shipper' ? row.forwarder.name : row.shipper.name} · {cargoText(row.cargo)} ·{' '}
            {row.voyage} · {format.day(row.departsOn)}
          </Text>
          <Group gap="xs">
            <BookingStatusBadge status={row.status} />
            {row.bookingNumber && (
              <Text fz="xs" ff="monospace">
                {row.bookingNumber}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              {t('freight.list.booked', { date: format.date(row.createdAt) })}
            </Text>
          </Group>
        </Stack>
        <Text fw={700} style={{ flexShrink: 0 }}>
          {format.money({ amount: row.total, currency: row.currency })}
        </Text>
      </Group>
    </UnstyledButton>
  );
};

/** The desk's one-line answer to a request: confirm with the carrier's number, or reject. */
const QuickActions = ({ row }: { row: BookingSummary }) => {
  const { t } = useTranslation();
  const action = useBookingAction();
  const [number, setNumber] = useState('');
  const [error, setError] = useState<string | null>(null);
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (!number.trim()) {
      setError(t('freight.actions.numberRequired'));
      return;
    }
    setError(null);
    action.mutate(
      { id: row.id, input: { kind: 'confirmed', bookingNumber: number.trim() } },
      {
        onError: (e) =>
          setError(serverFieldErrors(e, (key) => key === 'bookingNumber').bookingNumber ?? null),
      },
    );
  };
  return (
    <form onSubmit={confirm} noValidate data-testid="quick-actions">
      <Group px="md" pb="md" gap="sm" align="flex-start" wrap="wrap">
        <TextInput
          size="xs"
          placeholder={t('freight.booking.bookingNumber')}
          aria-label={t('freight.booking.bookingNumber')}
          value={number}
          onChange={(e) => setNumber(e.currentTarget.value)}
          error={error}
          maxLength={64}
          data-testid="quick-booking-number"
        />
        <Button
          size="xs"
          type="submit"
          loading={action.isPending && action.variables?.input.kind === 'confirmed'}
          data-testid="quick-confirm"
        >
          {t('freight.actions.submit.confirmed')}
        </Button>
        <ConfirmButton
          size="xs"
          color="red.9"
          variant="outline"
          title={t('freight.desk.rejectTitle')}
          body={t('freight.desk.rejectBody')}
          confirmLabel={t('freight.actions.submit.rejected')}
          onConfirm={() => action.mutate({ id: row.id, input: { kind: 'rejected', note: '' } })}
          loading={action.isPending && action.variables?.input.kind === 'rejected'}
          data-testid="quick-reject"
        >
          {t('freight.actions.submit.rejected')}
        </ConfirmButton>
        {!error && <FormError error={action.error} testId="quick-error" />}
        <Anchor component={Link} to={`/freight/bookings/${row.id}`} fz="xs" mt={4}>
          {t('freight.desk.open')}
        </Anchor>
      </Group>
    </form>
  );
};
