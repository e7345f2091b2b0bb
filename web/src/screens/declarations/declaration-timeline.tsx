import { Card, List, Text, Timeline, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Declaration, DeclarationTimelineEntry } from '../../api/declaration-types';
import { useFormat } from '../../format/use-format';

const text = (details: Record<string, unknown>, key: string) => {
  const value = details[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
};

/** A CNY-per-unit rate as recorded (six places), in the reader's digits. */
export const useRateText = () => {
  const format = useFormat();
  return (rate: string) =>
    Number.isFinite(Number(rate))
      ? new Intl.NumberFormat(format.locale, { maximumFractionDigits: 6 }).format(Number(rate))
      : rate;
};

/** The problems a VAT invoice mismatch recorded, from a timeline entry's details. */
export const mismatchProblems = (entry: DeclarationTimelineEntry | undefined): string[] => {
  const problems = entry?.details?.problems;
  return Array.isArray(problems) ? problems.filter((p): p is string => typeof p === 'string') : [];
};

/** What a step recorded, in a sentence or a list: the export day, the FX, the rebate, the mismatches. */
const StepDetails = ({ entry }: { entry: DeclarationTimelineEntry }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const rateText = useRateText();
  const d = entry.details ?? {};
  const money = (amount: string, currency: string) => format.money({ amount, currency });
  switch (entry.to) {
    case 'exported':
      return text(d, 'exportedOn') ? (
        <Text fz="sm">
          {t('declarations.timeline.exportedOn', { date: format.day(text(d, 'exportedOn')) })}
        </Text>
      ) : null;
    case 'fx_received':
      return text(d, 'amount') ? (
        <Text fz="sm" data-testid="timeline-fx-received">
          {t('declarations.timeline.fxReceived', {
            amount: money(text(d, 'amount'), text(d, 'currency')),
            date: format.day(text(d, 'receivedOn')),
            source: t(`declarations.fx.source.${text(d, 'source')}`, { defaultValue: text(d, 'source') }),
          })}
        </Text>
      ) : null;
    case 'fx_settled': {
      const received = (d.received ?? {}) as Record<string, unknown>;
      return text(d, 'cny') ? (
        <Text fz="sm" data-testid="timeline-fx-settled">
          {t('declarations.timeline.fxSettled', {
            received: money(text(received, 'amount'), text(received, 'currency')),
            rate: rateText(text(d, 'rate')),
            currency: text(received, 'currency'),
            cny: money(text(d, 'cny'), 'CNY'),
            date: format.day(text(d, 'settledOn')),
          })}
        </Text>
      ) : null;
    }
    case 'vat_invoice_matched':
      return text(d, 'rebate') ? (
        <Text fz="sm" data-testid="timeline-rebate">
          {t('declarations.timeline.rebate', { amount: money(text(d, 'rebate'), 'CNY') })}
        </Text>
      ) : null;
    case 'vat_invoice_mismatch': {
      const problems = mismatchProblems(entry);
      return problems.length > 0 ? (
        <List size="sm" spacing={2} c="orange.9" data-testid="timeline-mismatch">
          {problems.map((p) => (
            <List.Item key={p}>{p}</List.Item>
          ))}
        </List>
      ) : null;
    }
    case 'rebate_paid':
      return (
        <Text fz="sm">
          {text(d, 'amount')
            ? t('declarations.timeline.rebatePaid', { amount: money(text(d, 'amount'), 'CNY') })
            : t('declarations.timeline.rebatePaidDirect')}
        </Text>
      );
    default:
      return null;
  }
};

/** Every step of the declaration, oldest first, with when, by which company, and what it recorded. */
export const DeclarationTimeline = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const entries = declaration.timeline;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declaration-timeline">
      <Title order={2} fz="h4" id="declaration-timeline" mb="md">
        {t('declarations.timeline.title')}
      </Title>
      <Timeline active={entries.length - 1} bulletSize={14} lineWidth={2} data-testid="declaration-timeline">
        {entries.map((entry) => (
          <Timeline.Item
            key={entry.seq}
            color={
              entry.to === 'vat_invoice_mismatch'
                ? 'orange.9'
                : entry.to.endsWith('rejected') || entry.to === 'cancelled'
                  ? 'red.9'
                  : undefined
            }
            title={
              <Text fz="sm" fw={600}>
                {entry.from === 'customs_rejected' && entry.to === 'drafted'
                  ? t('declarations.step.redrafted')
                  : t(`declarations.step.${entry.to}`, { defaultValue: entry.to })}
              </Text>
            }
            data-testid="declaration-event"
            data-status={entry.to}
          >
            <StepDetails entry={entry} />
            {entry.note && (
              <Text fz="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="event-note">
                {entry.note}
              </Text>
            )}
            <Text fz="xs" c="dimmed">
              {[format.dateTime(entry.at), entry.actor.companyName ?? t('declarations.timeline.platform')]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          </Timeline.Item>
        ))}
      </Timeline>
    </Card>
  );
};
