import {
  Anchor,
  Badge,
  Card,
  Container,
  Grid,
  Group,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useRateCard } from '../../api/freight-queries';
import type { RateCardDetail } from '../../api/freight-types';
import { FactList } from '../../components/fact-list';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { ModeBadge, useUnitsText } from './freight-parts';
import { useScheduleText } from './rate-cards-screen';

/** One rate card: its terms and every departure's allotment, what is booked and what is free. */
export const RateCardScreen = () => <SignedInGate>{() => <RateCardLoader />}</SignedInGate>;

const RateCardLoader = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const card = useRateCard(id);
  useDocumentTitle(
    card.data ? `${card.data.card.origin} → ${card.data.card.destination}` : t('freight.cards.title'),
  );
  if (card.isError && isNotFound(card.error)) return <NotFound />;
  if (card.isError)
    return (
      <Container size="xl" py="lg">
        <QueryError error={card.error} onRetry={() => card.refetch()} />
      </Container>
    );
  if (!card.data)
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="50%" />
        <Skeleton height={260} mt="lg" />
      </Container>
    );
  return <RateCardPage detail={card.data} />;
};

const RateCardPage = ({ detail: { card, departures } }: { detail: RateCardDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const units = useUnitsText();
  const schedule = useScheduleText();
  const money = (amount: string) => format.money({ amount, currency: card.currency });
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/forwarder/rate-cards" fz="sm">
            {t('freight.cards.back')}
          </Anchor>
          <Group gap="sm" mt={4} wrap="wrap">
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }} data-testid="rate-card-title">
              {card.origin} → {card.destination}
            </Title>
            <ModeBadge mode={card.mode} />
            {card.containerType && (
              <Badge variant="outline" color="gray" radius="sm" tt="none">
                {card.containerType}
              </Badge>
            )}
          </Group>
          <Text fz="sm" c="dimmed">
            {card.carrier} {card.service && `· ${card.service}`} · {card.id}
          </Text>
        </div>
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card withBorder padding="lg">
              <FactList
                facts={[
                  {
                    label: t('freight.cards.basePrice'),
                    value: `${money(card.basePrice)} / ${t(`freight.basis.${card.basis}`)}`,
                  },
                  ...(card.minimumCharge !== '0'
                    ? [{ label: t('freight.cards.minimumCharge'), value: money(card.minimumCharge) }]
                    : []),
                  {
                    label: t('freight.cards.surcharges'),
                    value:
                      card.surcharges.length === 0 ? (
                        '—'
                      ) : (
                        <Stack gap={2}>
                          {card.surcharges.map((s) => (
                            <span key={s.code}>
                              {s.code} · {s.name}: {money(s.amount)} {t(`freight.cards.per.${s.per}`)}
                            </span>
                          ))}
                        </Stack>
                      ),
                  },
                  {
                    label: t('freight.cards.guaranteedPremium'),
                    value: card.guaranteedPremium
                      ? `${money(card.guaranteedPremium)} / ${t(`freight.basis.${card.basis}`)}`
                      : t('freight.offer.noGuarantee'),
                  },
                  ...(card.rolloverTerms
                    ? [
                        {
                          label: t('freight.cards.rolloverTerms'),
                          value: t('freight.offer.rolloverTerms', {
                            perContainer: money(card.rolloverTerms.perContainer),
                            perDay: money(card.rolloverTerms.perDay),
                          }),
                        },
                      ]
                    : []),
                  {
                    label: t('freight.offer.transit'),
                    value: t('freight.offer.days', { count: card.transitDays }),
                  },
                  {
                    label: t('freight.cards.validity'),
                    value: `${format.day(card.validFrom)} – ${format.day(card.validTo)}`,
                  },
                  { label: t('freight.cards.schedule'), value: schedule(card) },
                  { label: t('freight.cards.capacity'), value: units(card.capacityPerDeparture, card.mode) },
                ]}
              />
            </Card>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Card withBorder padding="lg">
              <Title order={2} fz="h4" mb="sm">
                {t('freight.cards.departures', { count: departures.length })}
              </Title>
              <Group gap="md" mb="sm" fz="xs">
                <Group gap={4}>
                  <span
                    style={{
                      background: 'var(--mantine-color-lane-7)',
                      width: 10,
                      height: 10,
                      display: 'inline-block',
                    }}
                  />
                  <Text fz="xs">{t('freight.cards.guaranteedBooked')}</Text>
                </Group>
                <Group gap={4}>
                  <span
                    style={{
                      background: 'var(--mantine-color-orange-6)',
                      width: 10,
                      height: 10,
                      display: 'inline-block',
                    }}
                  />
                  <Text fz="xs">{t('freight.cards.standardBooked')}</Text>
                </Group>
              </Group>
              <Table.ScrollContainer minWidth={640}>
                <Table fz="sm" verticalSpacing="xs" data-testid="card-departures">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('freight.departure.departs')}</Table.Th>
                      <Table.Th>{t('freight.departure.voyage')}</Table.Th>
                      <Table.Th ta="right">{t('freight.cards.capacityShort')}</Table.Th>
                      <Table.Th ta="right">{t('freight.cards.guaranteedBooked')}</Table.Th>
                      <Table.Th ta="right">{t('freight.cards.standardBooked')}</Table.Th>
                      <Table.Th ta="right">{t('freight.departure.free')}</Table.Th>
                      <Table.Th w={140} />
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {departures.map((d) => {
                      const free = d.capacity - d.guaranteedBooked - d.standardBooked;
                      const pct = (n: number) => (d.capacity > 0 ? (n / d.capacity) * 100 : 0);
                      return (
                        <Table.Tr
                          key={d.id}
                          data-testid="card-departure"
                          c={d.status !== 'scheduled' ? 'dimmed' : undefined}
                        >
                          <Table.Td style={{ whiteSpace: 'nowrap' }}>
                            {format.day(d.departsOn)}
                            {d.status !== 'scheduled' && (
                              <Text span fz="xs" c="dimmed">
                                {' '}
                                · {t(`freight.departureStatus.${d.status}`)}
                              </Text>
                            )}
                          </Table.Td>
                          <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                            {d.voyage}
                          </Table.Td>
                          <Table.Td ta="right">{format.number(d.capacity)}</Table.Td>
                          <Table.Td ta="right">{format.number(d.guaranteedBooked)}</Table.Td>
                          <Table.Td ta="right">{format.number(d.standardBooked)}</Table.Td>
                          <Table.Td ta="right" fw={600} data-testid="departure-free">
                            {format.number(free)}
                          </Table.Td>
                          <Table.Td>
                            <Tooltip
                              label={t('freight.cards.usage', {
                                used: format.percent((d.capacity - free) / Math.max(1, d.capacity)),
                              })}
                            >
                              <Progress.Root
                                size="md"
                                aria-label={t('freight.cards.usage', {
                                  used: format.percent((d.capacity - free) / Math.max(1, d.capacity)),
                                })}
                              >
                                <Progress.Section value={pct(d.guaranteedBooked)} color="lane.7" />
                                <Progress.Section value={pct(d.standardBooked)} color="orange.6" />
                              </Progress.Root>
                            </Tooltip>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};
