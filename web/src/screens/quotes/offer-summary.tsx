import { Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { QuoteOffer } from '../../api/types';
import { type Fact, FactList } from '../../components/fact-list';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

/** One version of an offer: its lines with quantity tiers, then the terms. */
export const OfferSummary = ({ offer, compact = false }: { offer: QuoteOffer; compact?: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const none = t('common.notStated');
  const facts: Fact[] = [
    { label: t('quote.facts.total'), value: <strong>{format.money(offer.total)}</strong> },
    { label: t('quoteForm.fields.moq'), value: format.number(offer.moq) },
    {
      label: t('quote.facts.leadTime'),
      value: t('comparison.days', { count: offer.leadTimeDays, value: format.number(offer.leadTimeDays) }),
    },
    { label: t('quote.facts.terms'), value: offer.port ? `${offer.incoterm} ${offer.port}` : offer.incoterm },
    { label: t('quoteForm.fields.validUntil'), value: format.day(offer.validUntil) },
    {
      label: t('quote.facts.sample'),
      value: offer.sample?.available
        ? [
            offer.sample.price ? format.money(offer.sample.price) : t('quote.facts.samplePriceOpen'),
            offer.sample.days != null
              ? t('comparison.days', { count: offer.sample.days, value: format.number(offer.sample.days) })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')
        : offer.sample
          ? t('quote.facts.noSample')
          : none,
    },
  ];
  return (
    <Stack gap="md">
      {offer.lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: an offer version's lines are fixed and have no id.
        <Stack key={i} gap={4}>
          <Text fz="sm" fw={600}>
            {line.description}
            <Text span fz="sm" fw={400} c="dimmed">
              {' · '}
              {format.number(line.quantity)} {ref.unitLabel(line.unit, line.quantity)}
            </Text>
          </Text>
          {!compact && (
            <div className="table-scroll">
              <Table withTableBorder fz="sm" verticalSpacing={4} data-testid="offer-tiers">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('product.tiers.quantity')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('product.tiers.unitPrice')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {line.priceTiers.map((tier) => (
                    <Table.Tr key={tier.minQuantity}>
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
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          )}
        </Stack>
      ))}
      <FactList facts={facts} cols={{ base: 2, sm: 3 }} />
    </Stack>
  );
};
