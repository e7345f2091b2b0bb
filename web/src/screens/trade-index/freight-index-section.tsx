import { Loader, Table, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type FreightIndexData,
  freightIndexOption,
  weekLabel,
} from '../../../../src/modules/insights/charts/index.js';
import { useFreightIndex } from '../../api/index-queries';
import { QueryError } from '../../components/query-error';
import { EChart } from './echart';
import { useIndexFormat } from './use-index-format';

type Point = { week: string; usdPerFeu: number | null };

/** The last week with an index, and its change from the week just before (null without one). */
const latestOf = (points: readonly Point[]) => {
  const i = points.findLastIndex((p) => p.usdPerFeu !== null);
  if (i < 0) return null;
  const before = points[i - 1]?.usdPerFeu ?? null;
  const now = points[i]!.usdPerFeu!;
  return { index: i, week: points[i]!.week, usdPerFeu: now, change: before ? now / before - 1 : null };
};

/** The latest week of each lane (and of the composite), with its change on the week before. */
const LatestWeekTable = ({ data }: { data: FreightIndexData }) => {
  const f = useIndexFormat();
  const s = f.strings;
  const composite = latestOf(data.composite);
  const rows = data.lanes.flatMap((lane) => {
    const latest = latestOf(lane.points);
    return latest ? [{ lane, latest, point: lane.points[latest.index]! }] : [];
  });
  const week = (w: string) => `${w.slice(5)} · ${weekLabel(f, w)}`;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing={6} fz="sm" data-testid="freight-index-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.lane}</Table.Th>
            <Table.Th>{s.week}</Table.Th>
            <Table.Th ta="right">{s.usdPerFeu}</Table.Th>
            <Table.Th ta="right">{s.vsPreviousWeek}</Table.Th>
            <Table.Th ta="right">{s.containers}</Table.Th>
            <Table.Th ta="right">{s.forwarders}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {composite && (
            <Table.Tr>
              <Table.Td fw={700}>{s.freightComposite}</Table.Td>
              <Table.Td>{week(composite.week)}</Table.Td>
              <Table.Td ta="right" fw={700}>
                {f.usd(composite.usdPerFeu)}
              </Table.Td>
              <Table.Td ta="right">{f.growth(composite.change)}</Table.Td>
              <Table.Td />
              <Table.Td />
            </Table.Tr>
          )}
          {rows.map(({ lane, latest, point }) => (
            <Table.Tr key={`${lane.origin}-${lane.destination}`}>
              <Table.Td fw={600}>{lane.name}</Table.Td>
              <Table.Td>{week(latest.week)}</Table.Td>
              <Table.Td ta="right">{f.usd(latest.usdPerFeu)}</Table.Td>
              <Table.Td ta="right">{f.growth(latest.change)}</Table.Td>
              <Table.Td ta="right">{f.integer(point.containers)}</Table.Td>
              <Table.Td ta="right">{f.integer(point.forwarders)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};

/** The freight rate index of the last 12 weeks: a line per busiest lane and the composite, then the latest week. */
export const FreightIndexSection = () => {
  const { t } = useTranslation();
  const f = useIndexFormat();
  const s = f.strings;
  const index = useFreightIndex(12);
  const data = index.data;
  const option = useMemo(() => data && freightIndexOption(data, f), [data, f]);
  if (index.isError) return <QueryError error={index.error} onRetry={() => index.refetch()} />;
  if (!data || !option) return <Loader aria-label={t('common.loading')} />;
  return (
    <>
      <Text size="sm" c="dimmed" mb="sm">
        {s.freightIndexNote}
      </Text>
      {data.lanes.length === 0 ? (
        <Text>{s.noFreight}</Text>
      ) : (
        <>
          <EChart option={option} height={360} label={s.freightIndex} testId="freight-index-chart" />
          <LatestWeekTable data={data} />
        </>
      )}
    </>
  );
};
