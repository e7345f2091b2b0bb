import {
  Anchor,
  Badge,
  Button,
  Card,
  Collapse,
  Grid,
  Group,
  Radio,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useBookFreight } from '../../api/freight-queries';
import type {
  FreightOffer,
  FreightSearchParams,
  FreightSearchResult,
  OfferDeparture,
} from '../../api/freight-types';
import { useIdempotencyKey } from '../../api/use-idempotency-key';
import { DialogButton } from '../../components/dialog-button';
import { FormError } from '../../components/form-error';
import { useFormat } from '../../format/use-format';
import { ModeBadge, PriceLines, useCargoText, useUnitsText } from './freight-parts';

type Props = {
  offer: FreightOffer;
  result: FreightSearchResult;
  params: FreightSearchParams;
  /** The order the booking carries, when booking from an order's page. */
  orderId: string | null;
  canBook: boolean;
  signedOut: boolean;
};

/** One forwarder's offer: the all-in prices, what they are made of, and the next departures with room. */
export const OfferCard = ({ offer, result, params, orderId, canBook, signedOut }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useUnitsText();
  const [opened, { toggle }] = useDisclosure(false);
  const money = (amount: string) => format.money({ amount, currency: offer.currency });
  return (
    <Card withBorder padding="lg" data-testid="freight-offer" data-forwarder={offer.forwarder.name}>
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap={6}>
            <Group gap="xs" wrap="wrap">
              <ModeBadge mode={offer.mode} />
              {offer.containerType && (
                <Badge variant="outline" color="gray" radius="sm" tt="none">
                  {offer.containerType}
                </Badge>
              )}
            </Group>
            <Title order={2} fz="h4" data-testid="offer-forwarder">
              {offer.forwarder.name}
            </Title>
            <Text fz="sm" c="dimmed">
              {offer.service && offer.service !== offer.carrier
                ? t('freight.offer.carrierService', { carrier: offer.carrier, service: offer.service })
                : offer.carrier}
            </Text>
            <Group gap="lg" wrap="wrap">
              <Stack gap={0}>
                <Text fz="xs" c="dimmed">
                  {t('freight.offer.transit')}
                </Text>
                <Text fw={600}>{t('freight.offer.days', { count: offer.transitDays })}</Text>
              </Stack>
              <Stack gap={0}>
                <Text fz="xs" c="dimmed">
                  {t('freight.offer.reliability')}
                </Text>
                <Text fw={600} data-testid="offer-reliability">
                  {offer.reliability === null
                    ? t('freight.offer.noHistory')
                    : format.percent(offer.reliability)}
                </Text>
              </Stack>
              <Stack gap={0}>
                <Text fz="xs" c="dimmed">
                  {t('freight.offer.chargeable')}
                </Text>
                <Text fw={600}>{units(offer.units, offer.mode)}</Text>
              </Stack>
            </Group>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Card bg="gray.0" padding="sm" radius="md">
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('freight.offer.standard')}
              </Text>
              <Text fz="xl" fw={800} data-testid="offer-standard-total">
                {money(offer.standard.total)}
              </Text>
              <Text fz="xs" c="dimmed">
                {t('freight.offer.standardHint')}
              </Text>
            </Card>
            <Card bg={offer.guaranteed ? 'lane.0' : 'gray.0'} padding="sm" radius="md">
              <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
                {t('freight.offer.guaranteed')}
              </Text>
              {offer.guaranteed ? (
                <>
                  <Text fz="xl" fw={800} c="lane.8" data-testid="offer-guaranteed-total">
                    {money(offer.guaranteed.total)}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {offer.rolloverTerms
                      ? t('freight.offer.rolloverTerms', {
                          perContainer: money(offer.rolloverTerms.perContainer),
                          perDay: money(offer.rolloverTerms.perDay),
                        })
                      : t('freight.offer.guaranteedNoTerms')}
                  </Text>
                </>
              ) : (
                <Text fz="sm" c="dimmed" mt={4}>
                  {t('freight.offer.noGuarantee')}
                </Text>
              )}
            </Card>
          </SimpleGrid>
          <Anchor
            component="button"
            type="button"
            fz="sm"
            mt="xs"
            onClick={toggle}
            aria-expanded={opened}
            data-testid="offer-lines-toggle"
          >
            {opened ? t('freight.offer.hideLines') : t('freight.offer.showLines')}
          </Anchor>
          <Collapse in={opened}>
            <SimpleGrid cols={{ base: 1, sm: offer.guaranteed ? 2 : 1 }} spacing="md" mt="xs">
              <div>
                <Text fz="xs" fw={600} c="dimmed">
                  {t('freight.offer.standard')}
                </Text>
                <PriceLines
                  lines={offer.standard.lines}
                  currency={offer.currency}
                  total={offer.standard.total}
                  testId="offer-standard-lines"
                />
              </div>
              {offer.guaranteed && (
                <div>
                  <Text fz="xs" fw={600} c="dimmed">
                    {t('freight.offer.guaranteed')}
                  </Text>
                  <PriceLines
                    lines={offer.guaranteed.lines}
                    currency={offer.currency}
                    total={offer.guaranteed.total}
                  />
                </div>
              )}
            </SimpleGrid>
          </Collapse>
        </Grid.Col>
      </Grid>
      <Text fz="sm" fw={600} mt="md" mb={4}>
        {t('freight.offer.departures')}
      </Text>
      <Table.ScrollContainer minWidth={560}>
        <Table fz="sm" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('freight.departure.departs')}</Table.Th>
              <Table.Th>{t('freight.departure.arrives')}</Table.Th>
              <Table.Th>{t('freight.departure.voyage')}</Table.Th>
              <Table.Th>{t('freight.departure.cutoff')}</Table.Th>
              <Table.Th ta="right">{t('freight.departure.free')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {offer.departures.map((departure) => (
              <Table.Tr
                key={departure.id}
                data-testid="offer-departure"
                data-departs-on={departure.departsOn}
              >
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(departure.departsOn)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.day(departure.arrivesOn)}</Table.Td>
                <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                  {departure.voyage}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(departure.cutoffAt)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {units(departure.free, offer.mode)}
                </Table.Td>
                <Table.Td ta="right">
                  <BookButton
                    offer={offer}
                    departure={departure}
                    result={result}
                    params={params}
                    orderId={orderId}
                    canBook={canBook}
                    signedOut={signedOut}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
};

const BookButton = ({
  offer,
  departure,
  result,
  params,
  orderId,
  canBook,
  signedOut,
}: Props & { departure: OfferDeparture }) => {
  const { t } = useTranslation();
  const location = useLocation();
  if (signedOut) {
    const next = `${location.pathname}${location.search}`;
    return (
      <Button component={Link} to={`/sign-in?next=${encodeURIComponent(next)}`} size="xs" variant="light">
        {t('freight.book.signIn')}
      </Button>
    );
  }
  if (!canBook) return null;
  return (
    <DialogButton
      size="xs"
      label={t('freight.book.book')}
      title={t('freight.book.title', { voyage: departure.voyage })}
      data-testid="book-departure"
    >
      {(close) => (
        <BookForm
          offer={offer}
          departure={departure}
          result={result}
          params={params}
          orderId={orderId}
          onCancel={close}
        />
      )}
    </DialogButton>
  );
};

const BookForm = ({
  offer,
  departure,
  result,
  params,
  orderId,
  onCancel,
}: {
  offer: FreightOffer;
  departure: OfferDeparture;
  result: FreightSearchResult;
  params: FreightSearchParams;
  orderId: string | null;
  onCancel: () => void;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const cargoText = useCargoText();
  const book = useBookFreight();
  const intent = useIdempotencyKey();
  const [space, setSpace] = useState<'standard' | 'guaranteed'>(offer.guaranteed ? 'guaranteed' : 'standard');
  const money = (amount: string) => format.money({ amount, currency: offer.currency });
  const submit = () =>
    book.mutate(
      {
        departureId: departure.id,
        cargo: result.cargo,
        guaranteed: space === 'guaranteed',
        readyDate: params.readyDate,
        hsCode: params.hsCode ?? null,
        incoterm: params.incoterm ?? null,
        orderId,
        idempotencyKey: intent.key,
      },
      {
        onSuccess: (booking) => {
          intent.renew();
          navigate(`/freight/bookings/${booking.id}`);
        },
      },
    );
  return (
    <Stack gap="md" data-testid="book-form">
      <Text fz="sm">
        {t('freight.book.summary', {
          forwarder: offer.forwarder.name,
          cargo: cargoText(result.cargo),
          departs: format.day(departure.departsOn),
          arrives: format.day(departure.arrivesOn),
        })}
      </Text>
      <Radio.Group
        value={space}
        onChange={(value) => setSpace(value as 'standard' | 'guaranteed')}
        label={t('freight.book.space')}
      >
        <Stack gap="xs" mt="xs">
          <Radio
            value="standard"
            label={`${t('freight.offer.standard')} · ${money(offer.standard.total)}`}
            description={t('freight.book.standardHint')}
            data-testid="book-standard"
          />
          <Radio
            value="guaranteed"
            disabled={!offer.guaranteed}
            label={`${t('freight.offer.guaranteed')} · ${offer.guaranteed ? money(offer.guaranteed.total) : '—'}`}
            description={
              offer.guaranteed && offer.rolloverTerms
                ? t('freight.offer.rolloverTerms', {
                    perContainer: money(offer.rolloverTerms.perContainer),
                    perDay: money(offer.rolloverTerms.perDay),
                  })
                : t('freight.offer.noGuarantee')
            }
            data-testid="book-guaranteed"
          />
        </Stack>
      </Radio.Group>
      <FormError error={book.error} testId="book-error" />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onCancel}>
          {t('forms.back')}
        </Button>
        <Button onClick={submit} loading={book.isPending} data-testid="book-submit">
          {t('freight.book.submit')}
        </Button>
      </Group>
    </Stack>
  );
};
