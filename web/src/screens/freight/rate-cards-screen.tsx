import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  SegmentedControl,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRateCards } from '../../api/freight-queries';
import type { RateCard } from '../../api/freight-types';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { RateCardImport } from './freight-imports';
import { dayFromToday, ModeBadge, useUnitsText } from './freight-parts';

type Filter = 'current' | 'past' | 'all';

/** The forwarder's rate cards, current ones first. */
export const RateCardsScreen = () => <SignedInGate>{(me) => <RateCardList me={me} />}</SignedInGate>;

/** "Wed", "Mon, Wed, Fri" or "3 dates", in the reader's language. */
export const useScheduleText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (card: Pick<RateCard, 'schedule'>) => {
    if ('dates' in card.schedule) return t('freight.cards.dates', { count: card.schedule.dates.length });
    const names = new Intl.DateTimeFormat(format.locale, { weekday: 'short' });
    // 5 January 2026 is a Monday: weekday n is 4 + n January.
    return card.schedule.weekdays.map((d) => names.format(new Date(Date.UTC(2026, 0, 4 + d, 12)))).join(', ');
  };
};

const RateCardList = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const forwarder = me.company.kind === 'forwarder';
  const cards = useRateCards(forwarder);
  const [filter, setFilter] = useState<Filter>('current');
  const format = useFormat();
  const units = useUnitsText();
  const schedule = useScheduleText();
  useDocumentTitle(t('freight.cards.title'));
  if (!forwarder) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('freight.cards.title')}
        </Title>
        <Text mt="sm">{t('freight.desk.forwardersOnly')}</Text>
      </Container>
    );
  }
  const today = dayFromToday(0);
  const rows = (cards.data ?? []).filter((c) =>
    filter === 'all' ? true : filter === 'current' ? c.validTo >= today : c.validTo < today,
  );
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('freight.cards.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('freight.cards.subtitle')}
            </Text>
          </div>
          <Button component={Link} to="/forwarder/rate-cards/new" data-testid="new-rate-card">
            {t('freight.cards.new')}
          </Button>
        </Group>
        <SegmentedControl
          value={filter}
          onChange={(value) => setFilter(value as Filter)}
          data={(['current', 'past', 'all'] as const).map((f) => ({
            value: f,
            label: t(`freight.cards.filter.${f}`),
          }))}
          style={{ alignSelf: 'flex-start' }}
        />
        {cards.isError && <QueryError error={cards.error} onRetry={() => cards.refetch()} />}
        {cards.isPending && <Skeleton height={240} aria-busy="true" />}
        {cards.data && rows.length === 0 && (
          <Card withBorder padding="xl">
            <Text c="dimmed" ta="center">
              {t('freight.cards.empty')}
            </Text>
          </Card>
        )}
        {rows.length > 0 && (
          <Card withBorder padding={0}>
            <Table.ScrollContainer minWidth={820}>
              <Table verticalSpacing="sm" highlightOnHover fz="sm" data-testid="rate-cards">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('freight.cards.lane')}</Table.Th>
                    <Table.Th>{t('freight.cards.mode')}</Table.Th>
                    <Table.Th>{t('freight.booking.carrier')}</Table.Th>
                    <Table.Th ta="right">{t('freight.cards.basePrice')}</Table.Th>
                    <Table.Th>{t('freight.cards.validity')}</Table.Th>
                    <Table.Th>{t('freight.cards.schedule')}</Table.Th>
                    <Table.Th ta="right">{t('freight.cards.capacity')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((card) => (
                    <Table.Tr key={card.id} data-testid="rate-card-row">
                      <Table.Td>
                        <Anchor component={Link} to={`/forwarder/rate-cards/${card.id}`} fw={600}>
                          {card.origin} → {card.destination}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={6} wrap="nowrap">
                          <ModeBadge mode={card.mode} />
                          {card.containerType && <Text fz="sm">{card.containerType}</Text>}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {card.carrier}
                        {card.service && (
                          <Text span fz="xs" c="dimmed" ff="monospace">
                            {' '}
                            {card.service}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {format.money({ amount: card.basePrice, currency: card.currency })}
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {format.day(card.validFrom)} – {format.day(card.validTo)}
                      </Table.Td>
                      <Table.Td>{schedule(card)}</Table.Td>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {units(card.capacityPerDeparture, card.mode)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Card>
        )}
        <RateCardImport />
      </Stack>
    </Container>
  );
};
