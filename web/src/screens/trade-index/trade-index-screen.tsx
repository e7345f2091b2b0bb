import { Button, Container, Group, Loader, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  buyerMarketsOption,
  dauLinesOption,
  fill,
  industryGrowthOption,
  provinceMapOption,
  topProvincesOption,
} from '../../../../src/modules/insights/charts/index.js';
import { type IndexPeriod, indexPdfUrl, useIndexCoverage, useIndexReport } from '../../api/index-queries';
import { QueryError } from '../../components/query-error';
import { useLocale } from '../../i18n/use-locale';
import { useDocumentTitle } from '../../layout/use-document-title';
import { BlueOceanTable } from './blue-ocean-table';
import { EChart } from './echart';
import { ForecastTable } from './forecast-table';
import { FreightIndexSection } from './freight-index-section';
import { HeadlineFigures } from './headline-figures';
import { PeriodPicker } from './period-picker';
import { TopProvincesTable } from './top-provinces-table';
import { useIndexFormat } from './use-index-format';

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Paper withBorder p="md" component="section">
    <Title order={2} fz="lg" mb="sm">
      {title}
    </Title>
    {children}
  </Paper>
);

/** The period in the address (so a view can be shared), else the one the server suggests. */
const usePeriod = () => {
  const [params, setParams] = useSearchParams();
  const coverage = useIndexCoverage();
  const from = params.get('from');
  const to = params.get('to');
  const fromUrl = from && to ? { from, to } : null;
  const fallback = coverage.data?.suggested ?? (coverage.data ? thisYear() : null);
  return {
    coverage,
    period: fromUrl ?? fallback,
    setPeriod: (period: IndexPeriod) => setParams(period),
  };
};

const thisYear = (): IndexPeriod => {
  const month = new Date().toISOString().slice(0, 7);
  return { from: `${month.slice(0, 4)}-01`, to: month };
};

/** The public trade index (新外贸指数): where supply and demand are moving, from the platform's own trade. */
export const TradeIndexScreen = () => {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const f = useIndexFormat();
  const s = f.strings;
  useDocumentTitle(t('tradeIndex.title'));
  const { coverage, period, setPeriod } = usePeriod();
  const report = useIndexReport(period);
  const data = report.data;
  const charts = useMemo(
    () =>
      data && {
        map: provinceMapOption(data, f),
        top: topProvincesOption(data, f),
        industries: industryGrowthOption(data, f),
        markets: buyerMarketsOption(data, f),
        dau: dauLinesOption(data, f),
      },
    [data, f],
  );

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={1}>{t('tradeIndex.title')}</Title>
            <Text c="dimmed">{t('tradeIndex.subtitle')}</Text>
          </div>
          {period && (
            <Button component="a" href={indexPdfUrl(period, lang)} download variant="light">
              {t('tradeIndex.downloadPdf')}
            </Button>
          )}
        </Group>
        {period && <PeriodPicker period={period} coverage={coverage.data} onChange={setPeriod} />}
        {coverage.isError && <QueryError error={coverage.error} onRetry={() => coverage.refetch()} />}
        {report.isError && <QueryError error={report.error} onRetry={() => report.refetch()} />}
        {(coverage.isPending || (period && report.isPending)) && <Loader aria-label={t('common.loading')} />}
        {data && charts && (
          <>
            <Text fw={600}>
              {fill(s.periodAgainst, { period: f.period(data.period), base: f.period(data.basePeriod) })}
            </Text>
            <HeadlineFigures totals={data.totals} />
            {data.provinces.length === 0 && <Text>{s.noData}</Text>}
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section title={s.provinceMap}>
                <EChart option={charts.map} height={420} label={s.provinceMap} testId="province-map" />
              </Section>
              <Section title={s.topProvinces}>
                <EChart
                  option={charts.top}
                  height={420}
                  label={s.topProvinces}
                  testId="top-provinces-chart"
                />
              </Section>
            </SimpleGrid>
            <Section title={`${s.topProvinces} · ${s.topIndustries}`}>
              <TopProvincesTable provinces={data.provinces} />
            </Section>
            <SimpleGrid cols={{ base: 1, lg: 2 }}>
              <Section title={s.industryGrowth}>
                <EChart option={charts.industries} height={380} label={s.industryGrowth} />
              </Section>
              <Section title={s.buyerMarkets}>
                <EChart option={charts.markets} height={380} label={s.buyerMarkets} />
              </Section>
            </SimpleGrid>
            <Section title={s.dailyActiveBuyers}>
              <EChart option={charts.dau} height={360} label={s.dailyActiveBuyers} testId="dau-lines" />
              <ForecastTable rows={data.dailyActiveBuyers} year={data.period.to.slice(0, 4)} />
            </Section>
            <Section title={s.blueOcean}>
              <BlueOceanTable rows={data.blueOcean} />
            </Section>
          </>
        )}
        {/* Weekly and independent of the months picked above. */}
        <Section title={s.freightIndex}>
          <FreightIndexSection />
        </Section>
      </Stack>
    </Container>
  );
};
