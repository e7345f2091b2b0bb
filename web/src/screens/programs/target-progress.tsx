import { Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TargetProgress } from '../../api/tier-types';
import { useFormat } from '../../format/use-format';

/** "312 of 1,000" with a bar, and the pace needed to reach the target by its end. */
export const TargetProgressView = ({
  target,
  compact = false,
}: {
  target: TargetProgress;
  compact?: boolean;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const share = Math.min(1, target.progress);
  return (
    <Stack gap={6} data-testid="target-progress">
      <Group gap={6} align="baseline" wrap="wrap">
        <Text fz={compact ? 'xl' : 32} fw={800} lh={1.1} data-testid="target-count">
          {t('programs.target.ofTarget', {
            achieved: format.number(target.achieved),
            target: format.number(target.targetCount),
          })}
        </Text>
        <Text fz="sm" c="dimmed">
          {t('programs.target.reached')}
        </Text>
      </Group>
      <Progress
        value={share * 100}
        size={compact ? 'md' : 'lg'}
        color={target.onPace === false ? 'orange.8' : 'teal.8'}
        aria-label={t('programs.target.share', { value: format.percentPrecise(target.progress) })}
      />
      <Text fz="sm">
        {format.percentPrecise(target.progress)}
        {target.endsOn && ` · ${t('programs.target.by', { date: format.day(target.endsOn) })}`}
      </Text>
      {target.onPace !== null && (
        <Text fz="sm" fw={600} c={target.onPace ? 'teal.9' : 'orange.9'} data-testid="target-pace">
          {target.onPace
            ? t('programs.target.onPace', { expected: format.number(target.expectedByNow ?? 0) })
            : t('programs.target.behind', { expected: format.number(target.expectedByNow ?? 0) })}
        </Text>
      )}
      {!compact && target.neededPerMonth !== null && target.monthsLeft !== null && (
        <Text fz="sm" c="dimmed">
          {t('programs.target.needed', {
            perMonth: format.number(target.neededPerMonth),
            months: format.number(target.monthsLeft),
          })}
        </Text>
      )}
      {!compact && target.startsOn === null && (
        <Text fz="sm" c="dimmed">
          {t('programs.target.notStarted')}
        </Text>
      )}
    </Stack>
  );
};
