import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { fill, type IndexReportData } from '../../../../src/modules/insights/charts/index.js';
import { GrowthText } from './growth-text';
import { useIndexFormat } from './use-index-format';

/** Each sub-industry's daily active buyers, growth, and full-year forecast with the method used. */
export const ForecastTable = ({
  rows,
  year,
}: {
  rows: IndexReportData['dailyActiveBuyers'];
  year: string;
}) => {
  const { t } = useTranslation();
  const f = useIndexFormat();
  const s = f.strings;
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing={6} fz="sm" data-testid="dau-forecasts">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.category}</Table.Th>
            <Table.Th ta="right">{s.activeBuyers}</Table.Th>
            <Table.Th ta="right">{s.growth}</Table.Th>
            <Table.Th ta="right">{fill(s.fullYearForecast, { year })}</Table.Th>
            <Table.Th>{t('tradeIndex.method')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 10).map((row) => (
            <Table.Tr key={row.category}>
              <Table.Td fw={600}>{f.name(row.name)}</Table.Td>
              <Table.Td ta="right">{f.decimal(row.dailyActiveBuyers)}</Table.Td>
              <Table.Td ta="right">
                <GrowthText value={row.growth} />
              </Table.Td>
              <Table.Td ta="right">
                <GrowthText value={row.forecast.growth} />
              </Table.Td>
              <Table.Td>{t(`tradeIndex.forecastMethod.${row.forecast.method}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
