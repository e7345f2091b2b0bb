import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatchReason } from '../api/types';
import { useFormat } from '../format/use-format';

const num = (value: string | number | undefined) => (typeof value === 'number' ? value : Number(value ?? 0));

/** One matching fact as a sentence in the reader's language; unknown codes still say something. */
export const useReasonText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (reason: MatchReason): string => {
    const p = reason.params;
    switch (reason.code) {
      case 'category': {
        const level = String(p.level);
        const count = num(p.listings);
        return t(`match.category.${level === 'subcategory' || level === 'category' ? level : 'industry'}`, {
          count,
          value: format.number(count),
        });
      }
      case 'text':
        return t('match.text', { percent: format.percent(num(p.relevance)) });
      case 'moq_within':
        return t('match.moqWithin', {
          moq: format.number(num(p.moq)),
          quantity: format.number(num(p.quantity)),
        });
      case 'moq_above':
        return t('match.moqAbove', {
          moq: format.number(num(p.moq)),
          quantity: format.number(num(p.quantity)),
        });
      case 'capacity':
        return t(
          num(p.monthlyCapacity) >= num(p.quantity) ? 'match.capacityCovers' : 'match.capacityPartial',
          {
            capacity: format.number(num(p.monthlyCapacity)),
            quantity: format.number(num(p.quantity)),
          },
        );
      case 'verification':
        return t(`match.verification.${String(p.level)}`, {
          defaultValue: t('match.verification.unverified'),
        });
      case 'response_rate':
        return t('match.responseRate', { percent: format.percent(num(p.percent) / 100) });
      case 'market_country':
        return t('match.marketCountry', {
          count: num(p.deals),
          value: format.number(num(p.deals)),
          country: format.country(String(p.country)),
        });
      case 'market_region':
        return t('match.marketRegion', {
          count: num(p.deals),
          value: format.number(num(p.deals)),
          country: format.country(String(p.country)),
        });
      case 'tier':
        return t('match.tier');
      default:
        return t('match.other', { code: reason.code });
    }
  };
};

type Props = { reasons: MatchReason[]; testId?: string };

/** "Why you were matched": every fact the score was built from. */
export const MatchReasons = ({ reasons, testId = 'match-reasons' }: Props) => {
  const text = useReasonText();
  if (reasons.length === 0) return null;
  return (
    <List size="sm" spacing={2} data-testid={testId}>
      {reasons.map((reason) => (
        <List.Item key={`${reason.code}:${JSON.stringify(reason.params)}`} data-testid="match-reason">
          <Text span fz="sm">
            {text(reason)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
};
