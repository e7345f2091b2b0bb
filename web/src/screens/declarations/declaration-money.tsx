import { Box, Card, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Declaration, RebateLine } from '../../api/declaration-types';
import { FactList } from '../../components/fact-list';
import { useFormat } from '../../format/use-format';
import { useBpsText } from './declaration-parts';
import { useRateText } from './declaration-timeline';

/** The foreign currency received for the export and its conversion to CNY at the dated rate. */
export const FxBox = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const rateText = useRateText();
  const fx = declaration.fx;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declaration-fx" data-testid="fx-box">
      <Title order={2} fz="h4" id="declaration-fx" mb="sm">
        {t('declarations.fx.title')}
      </Title>
      {!fx ? (
        <Text fz="sm" c="dimmed">
          {declaration.orderId ? t('declarations.fx.pendingOrder') : t('declarations.fx.pending')}
        </Text>
      ) : (
        <Stack gap="sm">
          <FactList
            cols={{ base: 1, sm: 2 }}
            facts={[
              {
                label: t('declarations.fx.received'),
                value: (
                  <span data-testid="fx-received">
                    {format.money({ amount: fx.received.amount, currency: fx.received.currency })}
                  </span>
                ),
              },
              { label: t('declarations.fx.receivedOn'), value: format.day(fx.received.on) },
              { label: t('declarations.fx.sourceLabel'), value: t(`declarations.fx.source.${fx.source}`) },
              {
                label: t('declarations.fx.settledOn'),
                value: fx.settledOn ? format.day(fx.settledOn) : t('declarations.fx.notSettled'),
              },
              ...(fx.rate
                ? [
                    {
                      label: t('declarations.fx.rate'),
                      value: t('declarations.fx.rateValue', {
                        rate: rateText(fx.rate),
                        currency: fx.received.currency,
                      }),
                    },
                  ]
                : []),
              ...(fx.cny
                ? [
                    {
                      label: t('declarations.fx.cny'),
                      value: (
                        <Text span fw={700} fz="sm" data-testid="fx-cny">
                          {format.money({ amount: fx.cny, currency: 'CNY' })}
                        </Text>
                      ),
                    },
                  ]
                : []),
            ]}
          />
          {fx.transferIds && (
            <Text fz="xs" c="dimmed">
              {t('declarations.fx.onLedger')}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
};

/** The VAT rebate claim, line by line: invoice amount ÷ (1 + VAT rate) × rebate rate. */
export const RebateBox = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const rebate = declaration.rebate;
  const cny = (amount: string) => format.money({ amount, currency: 'CNY' });
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="declaration-rebate"
      data-testid="rebate-box"
    >
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap" gap="xs">
        <Title order={2} fz="h4" id="declaration-rebate">
          {t('declarations.rebate.title')}
        </Title>
        {rebate && (
          <Text fz="sm" c="dimmed">
            {t('declarations.rebate.month', { month: format.month(`${rebate.month}-15T12:00:00`) })}
          </Text>
        )}
      </Group>
      {!rebate ? (
        <Text fz="sm" c="dimmed">
          {t('declarations.rebate.pending')}
        </Text>
      ) : (
        <Stack gap="sm">
          <RebateLines lines={rebate.lines} total={rebate.total} testId="rebate-lines" />
          <Text fz="xs" c="dimmed">
            {t('declarations.rebate.formula')}
          </Text>
          {rebate.transferId && (
            <Text fz="xs" c="dimmed">
              {t('declarations.rebate.paidOnLedger', { amount: cny(rebate.total) })}
            </Text>
          )}
        </Stack>
      )}
    </Card>
  );
};

/** Rebate lines with their calculation: a table from tablet width up, one block per line on phones. */
export const RebateLines = ({
  lines,
  total,
  testId,
}: {
  lines: RebateLine[];
  total: string;
  testId?: string;
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  const bps = useBpsText();
  const cny = (amount: string) => format.money({ amount, currency: 'CNY' });
  return (
    <>
      <Box visibleFrom="sm" className="table-scroll">
        <Table fz="sm" verticalSpacing={4} withTableBorder data-testid={testId}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('declarations.rebate.line')}</Table.Th>
              <Table.Th scope="col">{t('declarations.rebate.invoice')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.rebate.invoiceAmount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.rebate.vatRate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.rebate.netAmount')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.rebate.rebateRate')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.rebate.rebate')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map((l) => (
              <Table.Tr key={l.lineNo} data-testid="rebate-line">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {l.lineNo} ·{' '}
                  <Text span ff="monospace" fz="xs">
                    {l.hsCode}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace" fz="xs">
                  {l.invoiceNumber}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {cny(l.invoiceAmount)}
                </Table.Td>
                <Table.Td ta="right">{bps(l.vatRateBps)}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {cny(l.netAmount)}
                </Table.Td>
                <Table.Td ta="right">{bps(l.rebateRateBps)}</Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {cny(l.rebate)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={6} ta="right">
                {t('declarations.rebate.total')}
              </Table.Th>
              <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="rebate-total">
                {cny(total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Box>
      <Stack gap="xs" hiddenFrom="sm">
        {lines.map((l) => (
          <Paper key={l.lineNo} withBorder p="sm" radius="sm">
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text fz="sm" fw={600}>
                {t('declarations.rebate.lineNo', { n: l.lineNo })}{' '}
                <Text span ff="monospace" fz="xs" c="dimmed">
                  {l.hsCode}
                </Text>
              </Text>
              <Text fz="sm" fw={700}>
                {cny(l.rebate)}
              </Text>
            </Group>
            <Text fz="xs" c="dimmed" ff="monospace">
              {l.invoiceNumber}
            </Text>
            <Text fz="xs">
              {t('declarations.rebate.calculation', {
                invoice: cny(l.invoiceAmount),
                vat: bps(l.vatRateBps),
                net: cny(l.netAmount),
                rate: bps(l.rebateRateBps),
              })}
            </Text>
          </Paper>
        ))}
        <Group justify="space-between" px="sm">
          <Text fw={700}>{t('declarations.rebate.total')}</Text>
          <Text fw={700}>{cny(total)}</Text>
        </Group>
      </Stack>
    </>
  );
};
