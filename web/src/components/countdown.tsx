import { Text, type TextProps } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format/use-format';

/** The current time, refreshed every `everyMs`, so countdowns tick without a reload. */
export const useNow = (everyMs = 30_000) => {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs);
    return () => window.clearInterval(timer);
  }, [everyMs]);
  return now;
};

/** "3 days 4 hours left", live; "time is up" once passed (the server's timer acts on its next sweep). */
export const Countdown = ({ at, ...textProps }: { at: string } & TextProps) => {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useNow();
  const left = new Date(at).getTime() - now;
  return (
    <Text
      component="span"
      {...textProps}
      data-testid="countdown"
      data-overdue={left <= 0}
      title={format.dateTime(at)}
    >
      {left > 0 ? t('countdown.left', { time: format.duration(left) }) : t('countdown.passed')}
    </Text>
  );
};
