import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rfq } from '../api/types';
import { useFormat } from '../format/use-format';
import { useReference } from '../reference/use-reference';
import { type Fact, FactList } from './fact-list';

type Props = { rfq: Rfq; showBuyer?: boolean; cols?: number | { base: number; sm: number } };

/** What the buyer asked for, as the facts a supplier prices from. */
export const RfqFacts = ({ rfq, showBuyer = false, cols = { base: 1, sm: 2 } }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const path = ref
    .categoryPath(rfq.categoryCode)
    .map((node) => format.localized(node.name))
    .join(' › ');
  const deadlinePassed = new Date(rfq.deadline).getTime() <= Date.now();

  const facts: Fact[] = [
    { label: t('rfq.facts.category'), value: path || rfq.categoryCode },
    {
      label: t('rfq.facts.quantity'),
      value: `${format.number(rfq.quantity)} ${ref.unitLabel(rfq.unit, rfq.quantity)}`,
    },
    {
      label: t('rfq.facts.targetPrice'),
      value: rfq.targetUnitPrice
        ? t('rfq.facts.perUnit', {
            price: format.money(rfq.targetUnitPrice),
            unit: ref.unitLabel(rfq.unit, 1),
          })
        : t('rfq.facts.noTarget'),
    },
    {
      label: t('rfq.facts.destination'),
      value: rfq.destinationPort
        ? `${format.country(rfq.destinationCountry)} · ${rfq.destinationPort}`
        : format.country(rfq.destinationCountry),
    },
    {
      label: t('rfq.facts.shipping'),
      value: `${t(`transportMode.${rfq.transportMode}`)} · ${rfq.incoterm}`,
    },
    {
      label: t('rfq.facts.deadline'),
      value: (
        <span>
          {format.dateTime(rfq.deadline)}
          <Text span fz="xs" c="dimmed">
            {' '}
            ({deadlinePassed ? t('rfq.facts.closed') : format.relative(rfq.deadline)})
          </Text>
        </span>
      ),
    },
    {
      label: t('rfq.facts.quotes'),
      value: t('rfq.facts.quotesValue', {
        count: rfq.quoteCount,
        value: format.number(rfq.quoteCount),
        max: format.number(rfq.maxQuotes),
      }),
    },
    { label: t('rfq.facts.visibility'), value: t(`rfq.visibility.${rfq.visibility}`) },
  ];
  if (showBuyer) {
    facts.unshift({
      label: t('rfq.facts.buyer'),
      value: `${rfq.buyer.name} · ${format.country(rfq.buyer.country)}`,
    });
  }
  return <FactList facts={facts} cols={cols} />;
};
