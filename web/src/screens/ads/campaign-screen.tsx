import {
  Anchor,
  Button,
  Card,
  Container,
  Group,
  SegmentedControl,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useCampaign, useCampaignReport, useUpdateCampaign } from '../../api/ads-queries';
import type { Campaign, CampaignReport, ReportMetrics } from '../../api/ads-types';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { CampaignStatusBadge, QualityReason, QualityScore, useMatchTypeLabel, utcDay } from './ads-parts';

const PERIODS = ['7', '30', '90'] as const;
type Period = (typeof PERIODS)[number];

export const CampaignScreen = () => <SignedInGate>{(me) => <CampaignPage me={me} />}</SignedInGate>;

const CampaignPage = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { id = '' } = useParams();
  const supplier = me.company.kind === 'supplier';
  const campaign = useCampaign(supplier ? id : undefined);
  const [period, setPeriod] = useState<Period>('30');
  const report = useCampaignReport(supplier ? id : undefined, {
    from: utcDay(-(Number(period) - 1)),
    to: utcDay(0),
  });
  useDocumentTitle(campaign.data?.name ?? t('ads.report.title'));

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('ads.report.title')}
        </Title>
        <Text mt="sm">{t('ads.suppliersOnly')}</Text>
      </Container>
    );
  }
  if (campaign.isError && isNotFound(campaign.error)) return <NotFound />;

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Anchor component={Link} to="/supplier/ads" fz="sm">
          {t('ads.backToList')}
        </Anchor>
        {campaign.isError && <QueryError error={campaign.error} onRetry={() => campaign.refetch()} />}
        {campaign.isPending && (
          <Stack aria-busy="true">
            <Skeleton height={40} width="50%" />
            <Skeleton height={120} />
          </Stack>
        )}
        {campaign.data && <CampaignHeader campaign={campaign.data} />}

        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={2} fz="h3">
              {t('ads.report.title')}
            </Title>
            {report.data && (
              <Text fz="sm" c="dimmed">
                {t('ads.report.period', {
                  from: format.day(report.data.from),
                  to: format.day(report.data.to),
                  days: report.data.attributionDays,
                })}
              </Text>
            )}
          </div>
          <SegmentedControl
            value={period}
            onChange={(v) => setPeriod(v as Period)}
            data={PERIODS.map((p) => ({ value: p, label: t('ads.report.lastDays', { count: Number(p) }) }))}
            aria-label={t('ads.report.periodLabel')}
            data-testid="report-period"
          />
        </Group>
        {report.isError && <QueryError error={report.error} onRetry={() => report.refetch()} />}
        {report.isPending && <Skeleton height={160} aria-busy="true" />}
        {report.data && (
          <ReportView report={report.data} campaign={campaign.data} dimmed={report.isPlaceholderData} />
        )}
      </Stack>
    </Container>
  );
};

const CampaignHeader = ({ campaign }: { campaign: Campaign }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateCampaign();
  const paused = campaign.status === 'paused';
  const matchLabel = useMatchTypeLabel();
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title
            order={1}
            fz={{ base: 'h3', sm: 'h2' }}
            style={{ overflowWrap: 'anywhere' }}
            data-testid="campaign-name"
          >
            {campaign.name}
          </Title>
          <Group gap="xs" wrap="wrap">
            <CampaignStatusBadge status={campaign.status} />
            <Text fz="sm" c="dimmed">
              {t('ads.budgetLine', {
                budget: format.money(campaign.dailyBudget),
                spent: format.money(campaign.today.spent),
              })}
            </Text>
          </Group>
        </Stack>
        <Group gap="sm">
          <Button
            component={Link}
            to={`/supplier/ads/${campaign.id}/edit`}
            variant="default"
            data-testid="campaign-edit"
          >
            {t('ads.edit')}
          </Button>
          <Button
            variant={paused ? 'filled' : 'default'}
            loading={update.isPending}
            onClick={() =>
              update.mutate({ id: campaign.id, patch: { status: paused ? 'active' : 'paused' } })
            }
            data-testid={paused ? 'campaign-resume' : 'campaign-pause'}
          >
            {paused ? t('ads.resume') : t('ads.pause')}
          </Button>
        </Group>
      </Group>
      <FormError error={update.error} />

      <Card withBorder padding="lg" component="section" aria-labelledby="campaign-quality">
        <Title order={2} fz="h4" id="campaign-quality">
          {t('ads.quality.title')}
        </Title>
        <Text fz="sm" c="dimmed" mb="sm">
          {t('ads.quality.subtitle')}
        </Text>
        <div className="table-scroll">
          <Table
            withTableBorder
            data-testid="quality-table"
            miw={campaign.keywords.length > 2 ? 640 : undefined}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('ads.report.product')}</Table.Th>
                {campaign.keywords.map((k) => (
                  <Table.Th key={k.id} scope="col">
                    <Text fz="sm" fw={700} style={{ overflowWrap: 'anywhere' }}>
                      {k.text}
                    </Text>
                    <Text fz="xs" c="dimmed" fw={400}>
                      {matchLabel(k.matchType)} · {t('ads.bidOf', { bid: format.money(k.bid) })}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {campaign.products.map((p) => (
                <Table.Tr key={p.productId} data-testid="quality-row" data-product-id={p.productId}>
                  <Table.Th scope="row" fw={600} maw={260}>
                    <Anchor
                      component={Link}
                      to={`/products/${p.productId}`}
                      fz="sm"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {p.title || p.productId}
                    </Anchor>
                    {!p.active && (
                      <Text fz="xs" c="red.9">
                        {t('ads.quality.inactive')}
                      </Text>
                    )}
                  </Table.Th>
                  {campaign.keywords.map((k) => {
                    const q = p.quality.find((x) => x.keywordId === k.id);
                    return (
                      <Table.Td key={k.id} data-keyword-id={k.id}>
                        {q ? (
                          <Stack gap={2}>
                            <QualityScore score={q.score} />
                            <QualityReason score={q.score} />
                          </Stack>
                        ) : (
                          '—'
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
        <Text fz="xs" c="dimmed" mt="xs">
          {t('ads.quality.howToImprove')}
        </Text>
      </Card>
    </Stack>
  );
};

const Figure = ({ label, value, testId }: { label: string; value: string; testId: string }) => (
  <Card withBorder padding="sm">
    <Text fz="xs" c="dimmed">
      {label}
    </Text>
    <Text fz="xl" fw={800} data-testid={testId}>
      {value}
    </Text>
  </Card>
);

/** The metric columns shared by the keyword and day tables. */
const useMetricCells = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const headers = [
    t('ads.report.impressions'),
    t('ads.report.clicks'),
    t('ads.report.ctr'),
    t('ads.report.avgCpc'),
    t('ads.report.spend'),
    t('ads.report.inquiries'),
    t('ads.report.orders'),
  ];
  const cells = (m: ReportMetrics) => [
    format.number(m.impressions),
    format.number(m.clicks),
    format.percentPrecise(m.ctr),
    format.money(m.averageCpc),
    format.money(m.spend),
    format.number(m.inquiries),
    format.number(m.orders),
  ];
  return { headers, cells };
};

const ReportView = ({
  report,
  campaign,
  dimmed,
}: {
  report: CampaignReport;
  campaign: Campaign | undefined;
  dimmed: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const matchLabel = useMatchTypeLabel();
  const { headers, cells } = useMetricCells();
  const m = report.totals;
  const maxClicks = Math.max(1, ...report.byDay.map((d) => d.clicks));
  const keywords = report.byKeyword.filter((k) => k.status === 'active' || k.impressions > 0 || k.clicks > 0);
  const bidOf = (keywordId: string) => campaign?.keywords.find((k) => k.id === keywordId)?.bid;

  return (
    <Stack
      gap="lg"
      style={{ opacity: dimmed ? 0.6 : 1, transition: 'opacity 120ms' }}
      data-testid="campaign-report"
    >
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm">
        <Figure
          label={t('ads.report.impressions')}
          value={format.number(m.impressions)}
          testId="report-impressions"
        />
        <Figure label={t('ads.report.clicks')} value={format.number(m.clicks)} testId="report-clicks" />
        <Figure label={t('ads.report.ctr')} value={format.percentPrecise(m.ctr)} testId="report-ctr" />
        <Figure label={t('ads.report.avgCpc')} value={format.money(m.averageCpc)} testId="report-cpc" />
        <Figure label={t('ads.report.spend')} value={format.money(m.spend)} testId="report-spend" />
        <Figure
          label={t('ads.report.inquiries')}
          value={format.number(m.inquiries)}
          testId="report-inquiries"
        />
        <Figure label={t('ads.report.orders')} value={format.number(m.orders)} testId="report-orders" />
      </SimpleGrid>
      {m.clicks > m.chargedClicks && (
        <Text fz="sm" c="dimmed" data-testid="report-free-clicks">
          {t('ads.report.freeClicks', { count: m.clicks - m.chargedClicks })}
        </Text>
      )}

      <Card withBorder padding="lg" component="section" aria-labelledby="report-keywords">
        <Title order={3} fz="h4" id="report-keywords" mb="sm">
          {t('ads.report.byKeyword')}
        </Title>
        {keywords.length === 0 ? (
          <Text fz="sm" c="dimmed">
            {t('ads.report.noData')}
          </Text>
        ) : (
          <div className="table-scroll">
            <Table striped withTableBorder miw={820} data-testid="report-keywords">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('ads.form.keyword')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('ads.form.bid')}
                  </Table.Th>
                  {headers.map((h) => (
                    <Table.Th key={h} scope="col" ta="right">
                      {h}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {keywords.map((k) => {
                  const bid = bidOf(k.keywordId);
                  return (
                    <Table.Tr key={k.keywordId} data-testid="report-keyword" data-keyword-id={k.keywordId}>
                      <Table.Th scope="row">
                        <Text fz="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                          {k.text}
                        </Text>
                        <Text fz="xs" c="dimmed" fw={400}>
                          {matchLabel(k.matchType)}
                          {k.status === 'removed' ? ` · ${t('ads.report.removed')}` : ''}
                        </Text>
                      </Table.Th>
                      <Table.Td ta="right">{bid ? format.money(bid) : '—'}</Table.Td>
                      {cells(k).map((c, i) => (
                        <Table.Td key={headers[i]} ta="right">
                          {c}
                        </Table.Td>
                      ))}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Card>

      <Card withBorder padding="lg" component="section" aria-labelledby="report-days">
        <Title order={3} fz="h4" id="report-days" mb="sm">
          {t('ads.report.byDay')}
        </Title>
        {report.byDay.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="report-empty">
            {t('ads.report.noData')}
          </Text>
        ) : (
          <div className="table-scroll">
            <Table striped withTableBorder miw={820} data-testid="report-days">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('ads.report.day')}</Table.Th>
                  {headers.map((h) => (
                    <Table.Th key={h} scope="col" ta="right">
                      {h}
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" w={120}>
                    <span className="visually-hidden">{t('ads.report.clicksChart')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...report.byDay].reverse().map((d) => (
                  <Table.Tr key={d.day} data-testid="report-day">
                    <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                      {format.day(d.day)}
                    </Table.Th>
                    {cells(d).map((c, i) => (
                      <Table.Td key={headers[i]} ta="right">
                        {c}
                      </Table.Td>
                    ))}
                    <Table.Td aria-hidden="true">
                      <div
                        style={{
                          height: 10,
                          width: `${Math.max(2, (d.clicks / maxClicks) * 100)}%`,
                          background: 'var(--mantine-color-lane-6)',
                          borderRadius: 2,
                        }}
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Card>
    </Stack>
  );
};
