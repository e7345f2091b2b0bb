import { Badge, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type CampaignStatus, type MatchType, MIN_QUALITY, TOP_MIN_QUALITY } from '../../api/ads-types';
import type { Money } from '../../api/types';
import { useFormat } from '../../format/use-format';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const STATUS_COLOR: Record<CampaignStatus, string> = { active: 'teal.9', paused: 'gray.7' };

export const CampaignStatusBadge = ({ status }: { status: CampaignStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="campaign-status"
      data-status={status}
    >
      {t(`ads.status.${status}`, { defaultValue: status })}
    </Badge>
  );
};

export const useMatchTypeLabel = () => {
  const { t } = useTranslation();
  return (matchType: MatchType | null) => (matchType ? t(`ads.match.${matchType}`) : '—');
};

export type QualityLevel = 'top' | 'below' | 'none';

/** Where a product can show for a keyword, from its quality score (0–5). */
export const qualityLevel = (score: number): QualityLevel =>
  score >= TOP_MIN_QUALITY ? 'top' : score >= MIN_QUALITY ? 'below' : 'none';

const QUALITY_COLOR: Record<QualityLevel, { bg: string; fg: string }> = {
  top: { bg: 'var(--mantine-color-teal-0)', fg: 'var(--mantine-color-teal-9)' },
  below: { bg: 'var(--mantine-color-orange-0)', fg: 'var(--mantine-color-orange-9)' },
  none: { bg: 'var(--mantine-color-red-0)', fg: 'var(--mantine-color-red-9)' },
};

/** A quality score with what it means: top slots, below the results only, or not shown. */
export const QualityScore = ({ score }: { score: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const level = qualityLevel(score);
  const color = QUALITY_COLOR[level];
  return (
    <Badge
      size="sm"
      radius="sm"
      tt="none"
      styles={{ root: { background: color.bg, color: color.fg } }}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="quality-score"
      data-level={level}
      title={t(`ads.quality.${level}`)}
    >
      {t('ads.quality.score', { value: format.number(score) })}
    </Badge>
  );
};

/** Why a keyword does not take the top slots (or does not show), for the supplier to act on. */
export const QualityReason = ({ score }: { score: number }) => {
  const { t } = useTranslation();
  const level = qualityLevel(score);
  if (level === 'top') return null;
  return (
    <Text fz="xs" c={level === 'none' ? 'red.9' : 'orange.9'} data-testid="quality-reason">
      {t(`ads.quality.${level}`)}
    </Text>
  );
};

/** Money in the ad currency from a minor-unit string. */
export const useAdMoney = () => {
  const format = useFormat();
  return (amount: string | Money) =>
    format.money(typeof amount === 'string' ? { amount, currency: 'USD' } : amount);
};

/** A UTC day (YYYY-MM-DD) `days` from today: campaign budgets and reports run per UTC day. */
export const utcDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
