import {
  Card,
  Container,
  Group,
  Progress,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useTaxonomy } from '../../api/queries';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

/** `GET /api/analytics/supplier` (src/modules/insights/supplier-analytics.ts). */
type MonthFigures = {
  month: string;
  inquiries: number;
  inquiriesAnsweredInDay: number;
  quotesSent: number;
  quotesWon: number;
  ordersPlaced: number;
  /** USD cents as a decimal string. */
  paidUsd: string;
  paidOrders: number;
};
type Share = { key: string; paidUsd: string; orders: number };
type SupplierAnalytics = {
  from: string;
  to: string;
  months: MonthFigures[];
  buyerCountries: Share[];
  categories: Share[];
};

const PERIODS = ['3', '6', '12', '24'] as const;

const useSupplierAnalytics = (months: string, enabled: boolean) =>
  useQuery({
    queryKey: ['supplier-analytics', months],
    queryFn: () => api.get<SupplierAnalytics>('/api/analytics/supplier', { months }),
    placeholderData: keepPreviousData,
    enabled,
  });

const sum = (months: MonthFigures[], pick: (m: MonthFigures) => number) =>
  months.reduce((total, m) => total + pick(m), 0);

/** A supplier's own funnel: inquiries → quotes → orders → paid trade, month by month. */
export const SupplierAnalyticsScreen = () => (
  <SignedInGate>{(me) => <SupplierAnalyticsView me={me} />}</SignedInGate>
);

const SupplierAnalyticsView = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [period, setPeriod] = useState<(typeof PERIODS)[number]>('12');
  const supplier = me.company.kind === 'supplier';
  const figures = useSupplierAnalytics(period, supplier);
  useDocumentTitle(t('analytics.title'));
  const usd = (cents: string | number) => format.money({ amount: String(cents), currency: 'USD' });

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('analytics.title')}
        </Title>
        <Text mt="sm">{t('analytics.suppliersOnly')}</Text>
      </Container>
    );
  }
  const months = figures.data?.months ?? [];
  const paidTotal = months.reduce((total, m) => total + BigInt(m.paidUsd), 0n);
  const inquiries = sum(months, (m) => m.inquiries);
  const answered = sum(months, (m) => m.inquiriesAnsweredInDay);
  const sent = sum(months, (m) => m.quotesSent);
  const won = sum(months, (m) => m.quotesWon);
  const ratio = (part: number, whole: number) => (whole > 0 ? format.percent(part / whole) : '—');
  const kpis = [
    {
      key: 'paid',
      value: usd(paidTotal.toString()),
      note: t('analytics.kpi.paidNote', { count: sum(months, (m) => m.paidOrders) }),
    },
    {
      key: 'orders',
      value: format.number(sum(months, (m) => m.ordersPlaced)),
      note: t('analytics.kpi.ordersNote'),
    },
    { key: 'winRate', value: ratio(won, sent), note: t('analytics.kpi.winRateNote', { won, sent }) },
    {
      key: 'response',
      value: ratio(answered, inquiries),
      note: t('analytics.kpi.responseNote', { answered, inquiries }),
    },
  ];
  const largest = months.reduce((max, m) => (BigInt(m.paidUsd) > max ? BigInt(m.paidUsd) : max), 0n);

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('analytics.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('analytics.subtitle')}
            </Text>
          </div>
          <SegmentedControl
            value={period}
            onChange={(value) => setPeriod(value as (typeof PERIODS)[number])}
            data={PERIODS.map((p) => ({ value: p, label: t('analytics.months', { count: Number(p) }) }))}
            aria-label={t('analytics.period')}
            data-testid="analytics-period"
          />
        </Group>
        {figures.isError && <QueryError error={figures.error} onRetry={() => figures.refetch()} />}
        {figures.isPending && <Skeleton height={320} aria-busy="true" />}
        {figures.data && (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="md" data-testid="analytics-kpis">
              {kpis.map((kpi) => (
                <Card key={kpi.key} withBorder padding="md" data-testid={`kpi-${kpi.key}`}>
                  <Text fz="sm" c="dimmed">
                    {t(`analytics.kpi.${kpi.key}`)}
                  </Text>
                  <Text fz="xl" fw={700}>
                    {kpi.value}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {kpi.note}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
            <Card withBorder padding={0} component="section" aria-labelledby="analytics-months">
              <Title order={2} fz="h4" p="md" pb={0} id="analytics-months">
                {t('analytics.byMonth')}
              </Title>
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs" fz="sm" striped data-testid="analytics-months">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t('analytics.col.month')}</Table.Th>
                      <Table.Th ta="right">{t('analytics.col.inquiries')}</Table.Th>
                      <Table.Th ta="right">{t('analytics.col.quotes')}</Table.Th>
                      <Table.Th ta="right">{t('analytics.col.orders')}</Table.Th>
                      <Table.Th ta="right">{t('analytics.col.paid')}</Table.Th>
                      <Table.Th w="25%">
                        <span className="visually-hidden">{t('analytics.col.bar')}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {months.map((m) => (
                      <Table.Tr key={m.month} data-testid="analytics-month">
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.month(`${m.month}-15`)}</Table.Td>
                        <Table.Td ta="right">
                          {t('analytics.answered', {
                            count: m.inquiries,
                            answered: m.inquiriesAnsweredInDay,
                          })}
                        </Table.Td>
                        <Table.Td ta="right">
                          {t('analytics.won', { sent: m.quotesSent, won: m.quotesWon })}
                        </Table.Td>
                        <Table.Td ta="right">{format.number(m.ordersPlaced)}</Table.Td>
                        <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                          {usd(m.paidUsd)}
                        </Table.Td>
                        <Table.Td>
                          <Progress
                            value={largest > 0n ? Number((BigInt(m.paidUsd) * 100n) / largest) : 0}
                            aria-hidden
                          />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <ShareTable
                title={t('analytics.buyerCountries')}
                rows={figures.data.buyerCountries}
                label={(key) => format.country(key)}
                usd={usd}
                testId="analytics-countries"
              />
              <CategoryShares rows={figures.data.categories} usd={usd} />
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Container>
  );
};

const CategoryShares = ({ rows, usd }: { rows: Share[]; usd: (cents: string) => string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const taxonomy = useTaxonomy();
  const names = useMemo(
    () => new Map((taxonomy.data?.nodes ?? []).map((node) => [node.code, format.localized(node.name)])),
    [taxonomy.data, format],
  );
  return (
    <ShareTable
      title={t('analytics.categories')}
      rows={rows}
      label={(key) => names.get(key) ?? key}
      usd={usd}
      testId="analytics-categories"
    />
  );
};

const ShareTable = ({
  title,
  rows,
  label,
  usd,
  testId,
}: {
  title: string;
  rows: Share[];
  label: (key: string) => string;
  usd: (cents: string) => string;
  testId: string;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" component="section" aria-label={title} data-testid={testId}>
      <Title order={2} fz="h4" mb="xs">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text c="dimmed" fz="sm">
          {t('analytics.noTrade')}
        </Text>
      ) : (
        <Table fz="sm">
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Td>{label(row.key)}</Table.Td>
                <Table.Td ta="right">
                  {t('analytics.orders', { count: row.orders, n: format.number(row.orders) })}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {usd(row.paidUsd)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Card>
  );
};
