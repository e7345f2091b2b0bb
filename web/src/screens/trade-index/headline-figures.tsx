import { Paper, SimpleGrid, Text } from '@mantine/core';
import type { IndexReportData } from '../../../../src/modules/insights/charts/index.js';
import { GrowthText } from './growth-text';
import { useIndexFormat } from './use-index-format';

/** GMV, orders and buyers of the period, each with its growth on a year earlier. */
export const HeadlineFigures = ({ totals }: { totals: IndexReportData['totals'] }) => {
  const f = useIndexFormat();
  const s = f.strings;
  const figures = [
    { label: s.gmv, value: f.usd(totals.gmvUsd), growth: totals.gmvGrowth },
    { label: s.orders, value: f.integer(totals.orders), growth: totals.ordersGrowth },
    { label: s.buyers, value: f.integer(totals.buyers), growth: totals.buyersGrowth },
  ];
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }}>
      {figures.map((figure) => (
        <Paper key={figure.label} withBorder p="md" data-testid="headline-figure">
          <Text size="sm" c="dimmed">
            {figure.label}
          </Text>
          <Text fz={26} fw={700} lh={1.3}>
            {figure.value}
          </Text>
          <Text size="sm">
            <GrowthText value={figure.growth} fw={600} /> {s.vsYearEarlier}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
};
