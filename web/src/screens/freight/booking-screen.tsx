import { Alert, Anchor, Card, Container, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useBooking } from '../../api/freight-queries';
import type { Booking, BookingDeparture } from '../../api/freight-types';
import { CopyValue } from '../../components/copy-value';
import { FactList } from '../../components/fact-list';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { BookingActions } from './booking-actions';
import { BookingTimeline } from './booking-timeline';
import { BookingStatusBadge, ModeBadge, PriceLines, useCargoText, useUnitsText } from './freight-parts';

export const BookingScreen = () => <SignedInGate>{() => <BookingLoader />}</SignedInGate>;

const BookingLoader = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const booking = useBooking(id);
  useDocumentTitle(
    booking.data
      ? t('freight.booking.title', {
          origin: booking.data.lane.origin,
          destination: booking.data.lane.destination,
        })
      : t('freight.booking.loading'),
  );
  if (booking.isError && isNotFound(booking.error)) return <NotFound />;
  if (booking.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={booking.error} onRetry={() => booking.refetch()} />
      </Container>
    );
  }
  if (!booking.data) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="50%" />
        <Skeleton height={260} mt="lg" />
      </Container>
    );
  }
  return <BookingPage booking={booking.data} />;
};

const BookingPage = ({ booking }: { booking: Booking }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const cargoText = useCargoText();
  const units = useUnitsText();
  const forwarder = booking.viewer === 'forwarder';
  const departure = (d: BookingDeparture) => (
    <Stack gap={0}>
      <Text fz="sm" ff="monospace">
        {d.voyage}
      </Text>
      <Text fz="sm">
        {t('freight.booking.departsArrives', {
          departs: format.day(d.departsOn),
          arrives: format.day(d.arrivesOn),
        })}
      </Text>
      <Text fz="xs" c="dimmed">
        {t('freight.booking.cutoff', { at: format.dateTime(d.cutoffAt) })}
      </Text>
    </Stack>
  );
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={forwarder ? '/forwarder/bookings' : '/freight/bookings'} fz="sm">
            {forwarder ? t('freight.booking.backToDesk') : t('freight.booking.backToList')}
          </Anchor>
          <Group gap="sm" mt={4} wrap="wrap" align="center">
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} data-testid="booking-title">
              {t('freight.booking.title', {
                origin: booking.lane.origin,
                destination: booking.lane.destination,
              })}
            </Title>
            <BookingStatusBadge status={booking.status} />
            <ModeBadge mode={booking.lane.mode} />
          </Group>
          <Text fz="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {t('freight.booking.subtitle', { id: booking.id, date: format.date(booking.createdAt) })}
          </Text>
        </div>

        {booking.originalDeparture && (
          <Alert
            color="red"
            variant="light"
            title={t('freight.booking.rolledTitle', { count: booking.rolls })}
            data-testid="booking-rolled"
          >
            <Text fz="sm">
              {t('freight.booking.rolledBody', {
                from: `${booking.originalDeparture.voyage} (${format.day(booking.originalDeparture.departsOn)})`,
                to: `${booking.departure.voyage} (${format.day(booking.departure.departsOn)})`,
              })}
            </Text>
          </Alert>
        )}

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <BookingActions booking={booking} />
              {booking.compensations.length > 0 && <Compensations booking={booking} />}
              <BookingTimeline booking={booking} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Card withBorder padding="lg" component="section" aria-labelledby="booking-facts">
                <Title order={2} fz="h4" id="booking-facts" mb="md">
                  {t('freight.booking.details')}
                </Title>
                <FactList
                  facts={[
                    {
                      label: t('freight.booking.bookingNumber'),
                      value: booking.bookingNumber ? (
                        <CopyValue
                          value={booking.bookingNumber}
                          label={t('freight.booking.bookingNumber')}
                          testId="booking-number"
                        />
                      ) : (
                        <Text span fz="sm" c="dimmed" data-testid="booking-number-pending">
                          {t('freight.booking.numberPending')}
                        </Text>
                      ),
                    },
                    {
                      label: t('freight.booking.forwarder'),
                      value: booking.forwarder.name,
                    },
                    { label: t('freight.booking.shipper'), value: booking.shipper.name },
                    { label: t('freight.booking.carrier'), value: booking.lane.carrier },
                    { label: t('freight.booking.departure'), value: departure(booking.departure) },
                    ...(booking.originalDeparture
                      ? [
                          {
                            label: t('freight.booking.originalDeparture'),
                            value: departure(booking.originalDeparture),
                          },
                        ]
                      : []),
                    {
                      label: t('freight.booking.cargo'),
                      value: (
                        <span data-testid="booking-cargo">
                          {cargoText(booking.cargo)} · {units(booking.units, booking.lane.mode)}
                        </span>
                      ),
                    },
                    {
                      label: t('freight.booking.space'),
                      value: booking.guaranteed ? t('freight.offer.guaranteed') : t('freight.offer.standard'),
                    },
                    { label: t('freight.booking.readyDate'), value: format.day(booking.readyDate) },
                    ...(booking.hsCode ? [{ label: t('freight.search.hsCode'), value: booking.hsCode }] : []),
                    ...(booking.incoterm
                      ? [{ label: t('freight.search.incoterm'), value: booking.incoterm }]
                      : []),
                    ...(booking.orderId
                      ? [
                          {
                            label: t('freight.booking.order'),
                            value: (
                              <Anchor component={Link} to={`/orders/${booking.orderId}`} fz="sm">
                                {booking.orderId}
                              </Anchor>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              </Card>
              <Card withBorder padding="lg" component="section" aria-labelledby="booking-price">
                <Title order={2} fz="h4" id="booking-price" mb="xs">
                  {t('freight.booking.price')}
                </Title>
                <PriceLines
                  lines={booking.price.lines}
                  currency={booking.price.currency}
                  total={booking.price.total}
                  testId="booking-price-lines"
                />
                {booking.guaranteed && booking.rolloverTerms && (
                  <Text fz="xs" c="dimmed" mt="xs">
                    {t('freight.offer.rolloverTerms', {
                      perContainer: format.money({
                        amount: booking.rolloverTerms.perContainer,
                        currency: booking.price.currency,
                      }),
                      perDay: format.money({
                        amount: booking.rolloverTerms.perDay,
                        currency: booking.price.currency,
                      }),
                    })}
                  </Text>
                )}
              </Card>
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};

/** What the forwarder paid for rolling guaranteed space, with the sum worked out. */
const Compensations = ({ booking }: { booking: Booking }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="booking-compensation"
      data-testid="booking-compensation"
    >
      <Title order={2} fz="h4" id="booking-compensation" mb="xs">
        {t('freight.compensation.title')}
      </Title>
      <Stack gap="sm">
        {booking.compensations.map((c) => {
          const money = (amount: string | number) =>
            format.money({ amount: String(amount), currency: c.currency });
          const calc = c.calculation;
          return (
            <div key={c.createdAt}>
              <Group justify="space-between" wrap="wrap">
                <Text fw={700} fz="lg" c="teal.9" data-testid="compensation-amount">
                  {money(c.amount)}
                </Text>
                <Text fz="xs" c="dimmed">
                  {format.dateTime(c.createdAt)}
                </Text>
              </Group>
              <Text fz="sm" data-testid="compensation-calculation">
                {t('freight.compensation.calculation', {
                  containers: calc.containers,
                  perContainer: money(calc.perContainer ?? 0),
                  perDay: money(calc.perDay ?? 0),
                  days: c.delayDays,
                  amount: money(c.amount),
                })}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('freight.compensation.paid')}
              </Text>
            </div>
          );
        })}
      </Stack>
    </Card>
  );
};
