import { Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CriterionCheck, EnrollmentStatus } from '../../api/tier-types';
import { useFormat } from '../../format/use-format';
import { MetMark, useCriterionText } from '../tiers/tier-parts';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const STATUS_COLOR: Record<EnrollmentStatus, string> = {
  applied: 'lane.7',
  active: 'teal.9',
  removed: 'gray.7',
};

export const EnrollmentStatusBadge = ({ status }: { status: EnrollmentStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="enrollment-status"
      data-status={status}
    >
      {t(`programs.status.${status}`, { defaultValue: status })}
    </Badge>
  );
};

/** A program's summary and a milestone's name in the reader's language, the server's English otherwise. */
export const useProgramText = () => {
  const { t } = useTranslation();
  return {
    summary: (program: { id: string; summary: string }) =>
      t(`programs.catalog.${program.id}.summary`, { defaultValue: program.summary }),
    milestone: (m: { key: string; name: string }) =>
      t(`programs.milestone.${m.key}`, { defaultValue: m.name }),
  };
};

/** Each criterion met or not, in the reader's words. */
export const CriteriaList = ({ criteria, testId }: { criteria: CriterionCheck[]; testId?: string }) => {
  const text = useCriterionText();
  return (
    <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} data-testid={testId}>
      {criteria.map((c) => (
        <Group
          key={c.criterion}
          component="li"
          gap="xs"
          wrap="nowrap"
          align="flex-start"
          data-testid="criterion"
          data-met={c.met}
        >
          <MetMark met={c.met} />
          <Text fz="sm" fw={c.met ? undefined : 600}>
            {text(c)}
          </Text>
        </Group>
      ))}
    </Stack>
  );
};

/** The criteria a refused application names (`details.criteria` of a 403 `criteria_not_met`). */
export const refusedCriteria = (error: unknown): CriterionCheck[] | null => {
  if (!(error instanceof ApiError) || error.code !== 'FORBIDDEN') return null;
  const details = (error.details ?? {}) as { reason?: unknown; criteria?: unknown };
  if (details.reason !== 'criteria_not_met' || !Array.isArray(details.criteria)) return null;
  return details.criteria.filter(
    (c): c is CriterionCheck => Boolean(c) && typeof c.criterion === 'string' && typeof c.met === 'boolean',
  );
};

/** "1,000 by March 2029": a program's target in the reader's style. */
export const useTargetText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (target: { count: number; endsOn: string | null }) =>
    target.endsOn
      ? t('programs.targetLineBy', {
          count: target.count,
          value: format.number(target.count),
          date: format.day(target.endsOn),
        })
      : t('programs.targetLine', { count: target.count, value: format.number(target.count) });
};
