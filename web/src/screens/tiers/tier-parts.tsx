import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CriterionCheck, Requirement, RequirementIndicator, TierBadge } from '../../api/tier-types';
import type { VerificationLevel } from '../../api/types';
import { useFormat } from '../../format/use-format';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const TIER_COLOR: Record<string, string> = {
  basic: 'gray.7',
  verified: 'lane.7',
  gold: 'yellow.9',
  star: 'grape.9',
};

const TIER_ICON: Record<string, string> = { verified: '✓', gold: '★', star: '✦' };

/** A tier's name in the reader's language; a tier the web app does not know keeps the server's name. */
export const useTierName = () => {
  const { t } = useTranslation();
  return (tier: Pick<TierBadge, 'key' | 'name'>) => t(`tiers.name.${tier.key}`, { defaultValue: tier.name });
};

/** The tier's badge: a colour and a sign per tier, always with its name (colour alone says nothing). */
export const TierBadgeView = ({ tier, size = 'md' }: { tier: TierBadge; size?: BadgeProps['size'] }) => {
  const tierName = useTierName();
  const icon = tier.badge ? TIER_ICON[tier.key] : undefined;
  return (
    <Badge
      size={size}
      radius="sm"
      tt="none"
      color={TIER_COLOR[tier.key] ?? 'gray.7'}
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="tier-badge"
      data-tier={tier.key}
    >
      {icon ? `${icon} ${tierName(tier)}` : tierName(tier)}
    </Badge>
  );
};

const PERCENT_INDICATORS = new Set<RequirementIndicator>([
  'gmvPercentile',
  'responseRate',
  'onTimeRate',
  'disputeRate',
]);

/** A requirement's value or threshold as the reader says it: "82 %", "4.5", "on-site audited". */
export const useIndicatorValue = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (indicator: RequirementIndicator, value: number | string | null): string => {
    if (value === null) return t('tiers.notMeasured');
    if (indicator === 'verification')
      return t(`verification.${value as VerificationLevel}`, { defaultValue: String(value) });
    if (typeof value !== 'number') return String(value);
    if (PERCENT_INDICATORS.has(indicator)) return format.percentPrecise(value);
    if (indicator === 'yearsOnPlatform')
      return t('tiers.years', { count: value, value: format.number(value) });
    return format.number(value);
  };
};

/** "Response rate 82 %, needs 90 %" in the reader's language (the server's `message` is English). */
export const useRequirementText = () => {
  const { t } = useTranslation();
  const show = useIndicatorValue();
  return (r: Requirement) =>
    t(r.comparison === 'at_most' ? 'tiers.needsAtMost' : 'tiers.needs', {
      what: t(`tiers.indicator.${r.indicator}`, { defaultValue: r.indicator }),
      value: show(r.indicator, r.value),
      required: show(r.indicator, r.required),
    });
};

/** A program criterion, met or not, in the reader's language (the server's `message` is English). */
export const useCriterionText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  const tierName = useTierName();
  return (c: CriterionCheck): string => {
    const num = (v: number | string | null) => (typeof v === 'number' ? format.number(v) : String(v ?? '—'));
    switch (c.criterion) {
      case 'min_tier':
        return t('programs.criterion.min_tier', {
          value: tierName({ key: String(c.value), name: String(c.value) }),
          required: tierName({ key: String(c.required), name: String(c.required) }),
        });
      case 'min_verification':
        return t('programs.criterion.min_verification', {
          value: t(`verification.${String(c.value)}`, { defaultValue: String(c.value) }),
          required: t(`verification.${String(c.required)}`, { defaultValue: String(c.required) }),
        });
      case 'max_years_on_platform':
      case 'max_paid_orders':
      case 'min_active_listings':
      case 'min_listings_with_capacity':
        return t(`programs.criterion.${c.criterion}`, { value: num(c.value), required: num(c.required) });
      default:
        return c.message;
    }
  };
};

/** A program's name in the reader's language: Chinese from the server, others from the translations. */
export const useProgramName = () => {
  const { t, i18n } = useTranslation();
  return (program: { id: string; name: string; nameZh?: string }) =>
    i18n.language === 'zh-CN' && program.nameZh
      ? program.nameZh
      : t(`programs.catalog.${program.id}.name`, { defaultValue: program.name });
};

/** A met / unmet mark with words for screen readers. */
export const MetMark = ({ met }: { met: boolean }) => {
  const { t } = useTranslation();
  return (
    <span
      aria-label={met ? t('tiers.met') : t('tiers.unmet')}
      role="img"
      style={{
        color: met ? 'var(--mantine-color-teal-9)' : 'var(--mantine-color-red-9)',
        fontWeight: 700,
        flexShrink: 0,
        width: '1.2em',
        display: 'inline-block',
      }}
    >
      {met ? '✓' : '✗'}
    </span>
  );
};
