import { Table, Text } from '@mantine/core';
import type { IndexReportData } from '../../../../src/modules/insights/charts/index.js';
import { GrowthText } from './growth-text';
import { useIndexFormat } from './use-index-format';

/** The top-10 supplier provinces with share, growth and their leading industries. */
export const TopProvincesTable = ({ provinces }: { provinces: IndexReportData['provinces'] }) => {
  const f = useIndexFormat();
  const s = f.strings;
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table striped verticalSpacing={6} fz="sm" data-testid="top-provinces">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{s.rank}</Table.Th>
            <Table.Th>{s.province}</Table.Th>
            <Table.Th ta="right">{s.gmv}</Table.Th>
            <Table.Th ta="right">{s.share}</Table.Th>
            <Table.Th ta="right">{s.growth}</Table.Th>
            <Table.Th>{s.topIndustries}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {provinces.slice(0, 10).map((p) => (
            <Table.Tr key={p.code}>
              <Table.Td>{p.rank}</Table.Td>
              <Table.Td fw={600}>{f.province(p)}</Table.Td>
              <Table.Td ta="right">{f.compactUsd(p.gmvUsd)}</Table.Td>
              <Table.Td ta="right">{f.share(p.share)}</Table.Td>
              <Table.Td ta="right">
                <GrowthText value={p.growth} />
              </Table.Td>
              {/* Wide enough for two industries a line: squeezed, each row grew taller than the screen. */}
              <Table.Td miw={240}>
                {p.topIndustries.map((i) => (
                  <Text key={i.code} span size="sm" mr="sm">
                    {f.name(i.name)} <GrowthText value={i.growth} size="xs" />
                  </Text>
                ))}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
};
