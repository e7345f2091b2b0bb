import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PriceTier } from '../../api/types';
import { useFormat } from '../../format/use-format';

type Props = { tiers: PriceTier[]; unitLabel: string; activeMin?: number };

export const TierPriceTable = ({ tiers, unitLabel, activeMin }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  return (
    <div className="table-scroll">
      <Table striped withTableBorder data-testid="tier-table" captionSide="top">
        <Table.Caption style={{ textAlign: 'left' }}>
          {t('product.tiers.caption', { unit: unitLabel })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('product.tiers.quantity')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('product.tiers.unitPrice')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((tier) => {
            const active = tier.minQuantity === activeMin;
            return (
              <Table.Tr
                key={tier.minQuantity}
                fw={active ? 700 : undefined}
                bg={active ? 'lane.0' : undefined}
              >
                <Table.Td>
                  {tier.maxQuantity === null
                    ? t('product.tiers.rangeOpen', { min: format.number(tier.minQuantity) })
                    : t('product.tiers.range', {
                        min: format.number(tier.minQuantity),
                        max: format.number(tier.maxQuantity),
                      })}
                </Table.Td>
                <Table.Td ta="right">{format.money(tier.unitPrice)}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
};
