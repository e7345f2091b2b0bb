import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProductPromotion } from '../../api/ads-types';
import type { PriceTier } from '../../api/types';
import { useFormat } from '../../format/use-format';

type Props = {
  tiers: PriceTier[];
  unitLabel: string;
  activeMin?: number;
  promotion?: ProductPromotion | null;
};

/** The list price tiers; while a promotion runs, its price next to each tier it discounts. */
export const TierPriceTable = ({ tiers, unitLabel, activeMin, promotion }: Props) => {
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
            {promotion && (
              <Table.Th scope="col" ta="right">
                {t('promotions.product.promoted')}
              </Table.Th>
            )}
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
                {promotion && <PromotedCell promotion={promotion} minQuantity={tier.minQuantity} />}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </div>
  );
};

const PromotedCell = ({ promotion, minQuantity }: { promotion: ProductPromotion; minQuantity: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const promoted = promotion.priceTiers.find((p) => p.minQuantity === minQuantity && p.percentOff > 0);
  if (!promoted) return <Table.Td ta="right">—</Table.Td>;
  return (
    <Table.Td ta="right" c="red.9" fw={700} data-testid="promoted-price">
      {format.money(promoted.unitPrice)}{' '}
      <Text span fz="xs" fw={600}>
        {t('promotions.product.off', { percent: format.percent(promoted.percentOff / 100) })}
      </Text>
    </Table.Td>
  );
};
