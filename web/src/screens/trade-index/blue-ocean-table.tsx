import { Group, Progress, Table, Text } from '@mantine/core';
import type { IndexReportData } from '../../../../src/modules/insights/charts/index.js';
import { GrowthText } from './growth-text';
import { useIndexFormat } from './use-index-format';

/** Categories where demand outgrows supply: the score and the two halves it is made of. */
export const BlueOceanTable = ({ rows }: { rows: IndexReportData['blueOcean'] }) => {
  const f = useIndexFormat();
  const s = f.strings;
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs">
        {s.blueOceanNote}
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table striped verticalSpacing={6} fz="sm" data-testid="blue-ocean">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{s.category}</Table.Th>
              <Table.Th w={160}>{s.score}</Table.Th>
              <Table.Th ta="right">{s.demandGrowth}</Table.Th>
              <Table.Th ta="right">{s.demandPerListing}</Table.Th>
              <Table.Th ta="right">{s.demand}</Table.Th>
              <Table.Th ta="right">{s.listings}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.category}>
                <Table.Td fw={600}>{f.name(row.name)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Text size="sm" w={36} ta="right">
                      {f.decimal(row.score)}
                    </Text>
                    {/* The bar draws the score written beside it: a screen reader reads the number once. */}
                    <Progress.Root size="lg" style={{ flex: 1 }} aria-hidden>
                      <Progress.Section value={row.components.growthPoints} color="lane.6" />
                      <Progress.Section value={row.components.ratioPoints} color="teal.7" />
                    </Progress.Root>
                  </Group>
                </Table.Td>
                <Table.Td ta="right">
                  <GrowthText value={row.components.demandGrowth} />
                </Table.Td>
                <Table.Td ta="right">
                  {row.components.demandPerListing === null
                    ? '—'
                    : f.decimal(row.components.demandPerListing)}
                </Table.Td>
                <Table.Td ta="right">{f.integer(row.demand)}</Table.Td>
                <Table.Td ta="right">{f.integer(row.listings)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
};
