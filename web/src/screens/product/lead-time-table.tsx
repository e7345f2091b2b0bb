import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadTimeTier } from '../../api/types';
import { useFormat } from '../../format/use-format';

/** Lead-time tiers are upper bounds: each row runs from the previous bound + 1. */
export const LeadTimeTable = ({ tiers }: { tiers: LeadTimeTier[] }) => {
  const { t } = useTranslation();
  const format = useFormat();
  // An open-ended tier (no max) is always the last.
  const sorted = [...tiers].sort(
    (a, b) => (a.maxQuantity ?? Number.POSITIVE_INFINITY) - (b.maxQuantity ?? Number.POSITIVE_INFINITY),
  );
  return (
    <div className="table-scroll">
      <Table withTableBorder data-testid="lead-time-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('product.leadTime.quantity')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('product.leadTime.days')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((tier, i) => {
            const previous = i > 0 ? sorted[i - 1]?.maxQuantity : null;
            const range =
              tier.maxQuantity === null
                ? previous != null
                  ? t('product.tiers.rangeOpen', { min: format.number(previous + 1) })
                  : t('product.leadTime.any')
                : previous != null
                  ? t('product.tiers.range', {
                      min: format.number(previous + 1),
                      max: format.number(tier.maxQuantity),
                    })
                  : t('product.leadTime.upTo', { max: format.number(tier.maxQuantity) });
            return (
              <Table.Tr key={tier.maxQuantity ?? 'open'}>
                <Table.Td>{range}</Table.Td>
                <Table.Td ta="right">
                  {t('product.leadTime.daysValue', { count: tier.days, value: format.number(tier.days) })}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
};
