import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VerificationLevel } from '../api/types';

// Dark text on a pale fill: Mantine's light variant text (shade 6) is too faint
// at badge size, so both shades are chosen here for > 4.5:1 contrast.
const STYLE: Record<VerificationLevel, { bg: string; fg: string }> = {
  unverified: { bg: 'var(--mantine-color-gray-1)', fg: 'var(--mantine-color-gray-8)' },
  licence_checked: { bg: 'var(--mantine-color-lane-0)', fg: 'var(--mantine-color-lane-8)' },
  onsite_audited: { bg: 'var(--mantine-color-teal-0)', fg: 'var(--mantine-color-teal-9)' },
};

export const VerificationBadge = ({ level }: { level: VerificationLevel }) => {
  const { t } = useTranslation();
  const style = STYLE[level] ?? STYLE.unverified;
  return (
    <Badge
      size="sm"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ root: { background: style.bg, color: style.fg } }}
    >
      {t(`verification.${level}`)}
    </Badge>
  );
};
