import { Badge, Group, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { issuesByField } from '../../api/field-errors';
import type { BookingStatus, Cargo, FreightMode, PriceLine } from '../../api/freight-types';
import { useFormat } from '../../format/use-format';

// Filled badges in shade 8 or darker keep white text above 4.5:1.
const STATUS_COLOR: Record<BookingStatus, string> = {
  requested: 'orange.9',
  confirmed: 'lane.7',
  rolled: 'red.9',
  gate_in: 'indigo.8',
  loaded: 'indigo.8',
  departed: 'indigo.8',
  arrived: 'teal.9',
  discharged: 'teal.9',
  delivered: 'teal.9',
  completed: 'teal.9',
  rejected: 'gray.7',
  cancelled: 'gray.7',
};

export const BookingStatusBadge = ({ status }: { status: BookingStatus }) => {
  const { t } = useTranslation();
  return (
    <Badge
      color={STATUS_COLOR[status] ?? 'gray.7'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0, minWidth: 'max-content' }}
      data-testid="booking-status"
      data-status={status}
    >
      {t(`freight.status.${status}`, { defaultValue: status })}
    </Badge>
  );
};

export const ModeBadge = ({ mode }: { mode: FreightMode }) => {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      color={mode === 'charter' ? 'grape' : mode.startsWith('sea') ? 'lane' : 'orange'}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      data-testid="freight-mode"
    >
      {t(`freight.mode.${mode}`)}
    </Badge>
  );
};

/** What a unit of a card's price is, in words: a container, a cubic metre, a kilogram. */
export const basisOf = (mode: FreightMode) =>
  mode === 'sea_fcl' ? 'container' : mode === 'sea_lcl' ? 'cbm' : 'kg';

/** "2 × 40HQ", "640 kg · 3.2 m³". */
export const useCargoText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (cargo: Cargo) =>
    'containers' in cargo
      ? t('freight.cargo.containersText', {
          count: cargo.containers.count,
          type: cargo.containers.type,
        })
      : t('freight.cargo.looseText', {
          weight: format.number(cargo.weightKg),
          volume: format.number(cargo.volumeCbm),
        });
};

/** Units of a basis, as a quantity: "12 containers", "9,000 kg". */
export const useUnitsText = () => {
  const { t } = useTranslation();
  const format = useFormat();
  return (units: number, mode: FreightMode) =>
    t(`freight.units.${basisOf(mode)}`, { count: units, n: format.number(units) });
};

/** Known surcharge codes are named in the reader's language; a forwarder's own codes keep their own name. */
const lineKey = (line: PriceLine) =>
  line.code === 'FREIGHT' && /minimum/i.test(line.name) ? 'FREIGHT_MIN' : line.code;

/** The price, line by line, with the total. */
export const PriceLines = ({
  lines,
  currency,
  total,
  testId,
}: {
  lines: PriceLine[];
  currency: string;
  total: string;
  testId?: string;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Table fz="sm" verticalSpacing={4} data-testid={testId}>
      <Table.Tbody>
        {lines.map((line) => (
          <Table.Tr key={line.code}>
            <Table.Td>
              <Group gap={6} wrap="nowrap">
                <Text span fz="xs" c="dimmed" ff="monospace">
                  {line.code}
                </Text>
                <Text span fz="sm">
                  {t(`freight.lines.${lineKey(line)}`, { defaultValue: line.name })}
                </Text>
              </Group>
            </Table.Td>
            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
              {format.money({ amount: line.amount, currency })}
            </Table.Td>
          </Table.Tr>
        ))}
        <Table.Tr>
          <Table.Td fw={700}>{t('freight.price.total')}</Table.Td>
          <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="price-total">
            {format.money({ amount: total, currency })}
          </Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
};

/**
 * The server's field problems keyed by field: schema issues (`body.cargo.…`)
 * and a business rule's `details.field` alike.
 */
export const serverFieldErrors = (error: unknown, known: (key: string) => boolean) => {
  const byField = issuesByField(error, known);
  if (error instanceof ApiError && error.code === 'VALIDATION_FAILED') {
    const field = (error.details as { field?: unknown } | null)?.field;
    if (typeof field === 'string') byField[known(field) ? field : ''] = error.message;
  }
  return byField;
};

const DAY_MS = 86_400_000;

/** A local calendar day as YYYY-MM-DD, `days` from today. */
export const dayFromToday = (days: number) => {
  const d = new Date(Date.now() + days * DAY_MS);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const CONTAINER_TYPES = ['20GP', '40GP', '40HQ', '45HQ', '20RF', '40RF', '40RH', '20OT', '40OT'];
