import { Anchor, Box, Card, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Order } from '../../api/types';
import { type Fact, FactList } from '../../components/fact-list';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

/** What was ordered, at what price, and on which terms. */
export const OrderLines = ({ order }: { order: Order }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const terms = order.paymentTerms;
  const facts: Fact[] = [
    {
      label: t('order.facts.delivery'),
      value: order.port ? `${order.incoterm} ${order.port}` : order.incoterm,
    },
    {
      label: t('order.facts.payment'),
      value: t(`order.facts.paymentValue.${terms.balanceDue}`, { percent: terms.depositPercent }),
    },
    {
      label: t('order.facts.shipBy'),
      value:
        'date' in order.shipBy
          ? format.day(order.shipBy.date)
          : order.shipByDate
            ? t('order.facts.shipByResolved', {
                date: format.day(order.shipByDate),
                count: order.shipBy.daysAfterDeposit,
              })
            : t('order.facts.shipByDays', { count: order.shipBy.daysAfterDeposit }),
    },
    { label: t('order.facts.coverage'), value: t(`orderTerms.coverageOption.${order.coverage}`) },
    { label: t('order.facts.fee'), value: format.percentPrecise(order.feePercent / 100) },
  ];
  if (order.quoteId)
    facts.push({
      label: t('order.facts.quote'),
      value: (
        <Anchor component={Link} to={`/quotes/${order.quoteId}`} fz="sm">
          {t('order.facts.quoteValue', { version: order.quoteVersion ?? 1 })}
        </Anchor>
      ),
    });

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="order-lines">
      <Title order={2} fz="h4" id="order-lines" mb="sm">
        {t('order.linesTitle')}
      </Title>
      <Stack gap="md">
        <Box visibleFrom="sm">
          <Table withTableBorder fz="sm" verticalSpacing={6} data-testid="order-lines">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('order.line.description')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('order.line.quantity')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('order.line.unitPrice')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('order.line.amount')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {order.lines.map((line, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines are fixed and have no id.
                <Table.Tr key={i}>
                  <Table.Td style={{ minWidth: 160 }}>
                    {line.productId ? (
                      <Anchor component={Link} to={`/products/${line.productId}`} fz="sm">
                        {line.description}
                      </Anchor>
                    ) : (
                      line.description
                    )}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.number(line.quantity)} {ref.unitLabel(line.unit, line.quantity)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(line.unitPrice)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {format.money(line.amount)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row" colSpan={3} ta="right">
                  {t('order.total')}
                </Table.Th>
                <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }} data-testid="order-total">
                  {format.money(order.total)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Box>
        {/* Phones get one block per line: four price columns do not fit 390 px. */}
        <Stack gap="xs" hiddenFrom="sm" data-testid="order-lines-compact">
          {order.lines.map((line, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines are fixed and have no id.
            <Paper key={i} withBorder p="sm" radius="sm">
              <Text fz="sm" fw={600}>
                {line.description}
              </Text>
              <Group justify="space-between" gap="xs" mt={4}>
                <Text fz="sm" c="dimmed">
                  {format.number(line.quantity)} {ref.unitLabel(line.unit, line.quantity)} ×{' '}
                  {format.money(line.unitPrice)}
                </Text>
                <Text fz="sm" fw={600}>
                  {format.money(line.amount)}
                </Text>
              </Group>
            </Paper>
          ))}
          <Group justify="space-between" px="sm">
            <Text fw={700}>{t('order.total')}</Text>
            <Text fw={700}>{format.money(order.total)}</Text>
          </Group>
        </Stack>
        <FactList facts={facts} cols={{ base: 2, sm: 3 }} />
        {order.qualityTerms && (
          <div>
            <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.02em' }}>
              {t('orderTerms.quality')}
            </Text>
            <Text fz="sm" style={{ whiteSpace: 'pre-line' }}>
              {order.qualityTerms}
            </Text>
          </div>
        )}
      </Stack>
    </Card>
  );
};
