import {
  ActionIcon,
  Anchor,
  Box,
  Button,
  Card,
  Container,
  Group,
  Select,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { rebatesCsvUrl, useRebates } from '../../api/declaration-queries';
import type { RebateClaim, RebateSummary } from '../../api/declaration-types';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { RebateLines } from '../declarations/declaration-money';
import { DeclarationStatusBadge, thisMonth } from '../declarations/declaration-parts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** How far back the month picker reaches. */
const MONTHS_BACK = 36;

/** YYYY-MM shifted by `delta` months. */
const shiftMonth = (month: string, delta: number) => {
  const [year, m] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (m - 1) + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

export const RebatesScreen = () => <SignedInGate>{(me) => <Rebates me={me} />}</SignedInGate>;

const Rebates = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const [params, setParams] = useSearchParams();
  const current = thisMonth();
  const asked = params.get('month') ?? '';
  const month = MONTH.test(asked) && asked <= current ? asked : current;
  const kind = me.company.kind;
  const allowed = kind === 'supplier' || kind === 'operator';
  const rebates = useRebates(month, allowed);
  useDocumentTitle(t('rebates.title'));
  const monthLabel = (m: string) => format.month(`${m}-15T12:00:00`);
  const months = useMemo(
    () =>
      Array.from({ length: MONTHS_BACK }, (_, i) => shiftMonth(current, -i)).map((m) => ({
        value: m,
        label: format.month(`${m}-15T12:00:00`),
      })),
    [current, format],
  );
  const go = (m: string) => setParams(m === current ? {} : { month: m }, { replace: true });

  if (!allowed) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('rebates.title')}
        </Title>
        <Text mt="sm">{t('declarations.suppliersOnly')}</Text>
      </Container>
    );
  }

  const data = rebates.data?.month === month ? rebates.data : undefined;
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/declarations" fz="sm">
            {t('declarations.backToList')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('rebates.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {kind === 'operator' ? t('rebates.subtitleOperator') : t('rebates.subtitle')}
          </Text>
        </div>
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Group gap="xs" align="flex-end" wrap="nowrap">
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(shiftMonth(month, -1))}
              disabled={month <= shiftMonth(current, -(MONTHS_BACK - 1))}
              aria-label={t('rebates.previous')}
              data-testid="month-previous"
            >
              ‹
            </ActionIcon>
            <Select
              label={t('rebates.month')}
              data={months}
              value={month}
              onChange={(v) => v && go(v)}
              allowDeselect={false}
              w={200}
              data-testid="rebates-month"
            />
            <ActionIcon
              variant="default"
              size="lg"
              onClick={() => go(shiftMonth(month, 1))}
              disabled={month >= current}
              aria-label={t('rebates.next')}
              data-testid="month-next"
            >
              ›
            </ActionIcon>
          </Group>
          <Button
            component="a"
            href={rebatesCsvUrl(month)}
            download
            variant="default"
            disabled={!data || data.claims.length === 0}
            data-testid="rebates-csv"
          >
            {t('rebates.csv')}
          </Button>
        </Group>

        {rebates.isError && <QueryError error={rebates.error} onRetry={() => rebates.refetch()} />}
        {!data && !rebates.isError && (
          <Stack aria-busy="true">
            <Skeleton height={96} />
            <Skeleton height={160} />
          </Stack>
        )}
        {data && <Summary summary={data} operator={kind === 'operator'} monthLabel={monthLabel(month)} />}
      </Stack>
    </Container>
  );
};

const Summary = ({
  summary,
  operator,
  monthLabel,
}: {
  summary: RebateSummary;
  operator: boolean;
  monthLabel: string;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const cny = (amount: string) => format.money({ amount, currency: 'CNY' });
  if (summary.claims.length === 0) {
    return (
      <Card withBorder padding="xl" data-testid="rebates-empty">
        <Stack align="center" gap="sm" ta="center">
          <Text fw={700} fz="lg">
            {t('rebates.empty.title', { month: monthLabel })}
          </Text>
          <Text c="dimmed" maw={520}>
            {t('rebates.empty.body')}
          </Text>
        </Stack>
      </Card>
    );
  }
  return (
    <Stack gap="lg">
      <Card withBorder padding="lg" bg="lane.0">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
          <div>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
              {t('rebates.total', { month: monthLabel })}
            </Text>
            <Text fz={28} fw={800} c="lane.8" data-testid="rebates-total">
              {cny(summary.total)}
            </Text>
          </div>
          <Group gap="xl">
            <Count
              label={t('rebates.claims')}
              value={format.number(summary.claims.length)}
              testId="rebates-claims"
            />
            {operator && (
              <Count label={t('rebates.suppliers')} value={format.number(summary.suppliers.length)} />
            )}
          </Group>
        </Group>
      </Card>

      {(operator || summary.suppliers.length > 1) && (
        <Card withBorder padding="lg" component="section" aria-labelledby="rebates-suppliers">
          <Title order={2} fz="h4" id="rebates-suppliers" mb="sm">
            {t('rebates.perSupplier')}
          </Title>
          <Box className="table-scroll">
            <Table fz="sm" verticalSpacing={4} data-testid="rebates-suppliers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rebates.supplier')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('rebates.claims')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('rebates.rebate')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {summary.suppliers.map((s) => (
                  <Table.Tr key={s.companyId}>
                    <Table.Td>{s.companyName}</Table.Td>
                    <Table.Td ta="right">{format.number(s.claims)}</Table.Td>
                    <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                      {cny(s.total)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Box>
        </Card>
      )}

      <Stack gap="md" component="section" aria-label={t('rebates.claimsTitle')}>
        <Title order={2} fz="h4">
          {t('rebates.claimsTitle')}
        </Title>
        {summary.claims.map((claim) => (
          <Claim key={claim.declarationId} claim={claim} operator={operator} />
        ))}
      </Stack>
    </Stack>
  );
};

const Count = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <div>
    <Text fz="xs" c="dimmed" tt="uppercase" fw={600}>
      {label}
    </Text>
    <Text fz="xl" fw={700} data-testid={testId}>
      {value}
    </Text>
  </div>
);

const Claim = ({ claim, operator }: { claim: RebateClaim; operator: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" data-testid="rebate-claim" data-declaration-id={claim.declarationId}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs" mb="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs" wrap="wrap">
            <Anchor
              component={Link}
              to={`/declarations/${claim.declarationId}`}
              ff="monospace"
              fw={600}
              style={{ overflowWrap: 'anywhere' }}
            >
              {claim.number}
            </Anchor>
            <DeclarationStatusBadge status={claim.status} />
          </Group>
          <Text fz="xs" c="dimmed">
            {[
              operator ? claim.companyName : null,
              claim.exportedOn ? t('rebates.exportedOn', { date: format.day(claim.exportedOn) }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </Stack>
        <Text fw={700} fz="lg" data-testid="rebate-claim-total">
          {format.money({ amount: claim.total, currency: 'CNY' })}
        </Text>
      </Group>
      <RebateLines lines={claim.lines} total={claim.total} />
    </Card>
  );
};
