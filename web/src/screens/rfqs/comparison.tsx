import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Rating,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useComparison, useQuoteAction, useRateQuote, useRfqQuotes } from '../../api/queries';
import type { ComparisonRow, QuoteResponseAction, Rfq } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { QuoteStatusBadge } from '../../components/status-badge';
import { VerificationBadge } from '../../components/verification-badge';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

type Props = { rfq: Rfq; canAct: boolean };

const AWARDABLE = ['published', 'closed', 'expired'];

/** The buyer's side-by-side view: every quote priced at the RFQ quantity, in the RFQ currency. */
export const Comparison = ({ rfq, canAct }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const comparison = useComparison(rfq.id, rfq.status !== 'draft');
  const wide = useMediaQuery('(min-width: 62em)');
  const action = useQuoteAction();
  const rate = useRateQuote();
  const [failed, setFailed] = useState<{ quoteId: string; error: unknown } | null>(null);

  if (rfq.status === 'draft') return null;
  if (comparison.isError) {
    return (
      <Stack gap="sm">
        <QueryError error={comparison.error} onRetry={() => comparison.refetch()} />
        <QuoteList rfqId={rfq.id} />
      </Stack>
    );
  }
  if (comparison.isPending) return <Skeleton height={160} />;

  const { rows } = comparison.data;
  if (rows.length === 0) {
    return (
      <Text c="dimmed" data-testid="comparison-empty">
        {t('comparison.empty')}
      </Text>
    );
  }

  const live = rows.filter((row) => !['declined', 'withdrawn'].includes(row.status));
  const lowest = live.reduce<ComparisonRow | undefined>(
    (best, row) =>
      !best || BigInt(row.normalized.unitPrice.amount) < BigInt(best.normalized.unitPrice.amount)
        ? row
        : best,
    undefined,
  );
  const awardable = canAct && AWARDABLE.includes(rfq.status);

  const run = (quoteId: string, what: QuoteResponseAction | 'accept') => {
    setFailed(null);
    action.mutate({ quoteId, action: what }, { onError: (error) => setFailed({ quoteId, error }) });
  };
  const busy = (quoteId: string) => action.isPending && action.variables?.quoteId === quoteId;

  const actions = (row: ComparisonRow) => {
    if (!canAct) return null;
    const acceptable = awardable && ['submitted', 'shortlisted'].includes(row.status);
    const counterable = awardable && ['submitted', 'shortlisted'].includes(row.status);
    return (
      <Group gap={6} wrap="wrap">
        {acceptable && (
          <ConfirmButton
            size="xs"
            color="teal.9"
            title={t('comparison.acceptTitle')}
            body={t('comparison.acceptBody', { supplier: row.supplier.name })}
            confirmLabel={t('comparison.accept')}
            onConfirm={() => run(row.quoteId, 'accept')}
            loading={busy(row.quoteId) && action.variables?.action === 'accept'}
            data-testid="accept-quote"
          >
            {t('comparison.accept')}
          </ConfirmButton>
        )}
        {awardable && row.status === 'submitted' && (
          <Button
            size="xs"
            variant="light"
            onClick={() => run(row.quoteId, 'shortlist')}
            loading={busy(row.quoteId) && action.variables?.action === 'shortlist'}
            data-testid="shortlist-quote"
          >
            {t('comparison.shortlist')}
          </Button>
        )}
        {counterable && (
          <Button
            size="xs"
            variant="default"
            component={Link}
            to={`/quotes/${row.quoteId}#counter`}
            data-testid="counter-quote"
          >
            {t('comparison.counter')}
          </Button>
        )}
        {awardable && ['submitted', 'countered', 'shortlisted'].includes(row.status) && (
          <ConfirmButton
            size="xs"
            variant="subtle"
            color="red.9"
            c="red.9"
            title={t('comparison.declineTitle')}
            body={t('comparison.declineBody', { supplier: row.supplier.name })}
            confirmLabel={t('comparison.decline')}
            onConfirm={() => run(row.quoteId, 'decline')}
            loading={busy(row.quoteId) && action.variables?.action === 'decline'}
            data-testid="decline-quote"
          >
            {t('comparison.decline')}
          </ConfirmButton>
        )}
      </Group>
    );
  };

  const rating = (row: ComparisonRow) =>
    row.status === 'withdrawn' ? null : (
      <Rating
        size="sm"
        value={row.buyerRating ?? 0}
        readOnly={!canAct || (rate.isPending && rate.variables?.quoteId === row.quoteId)}
        onChange={(value) => rate.mutate({ quoteId: row.quoteId, rating: value })}
        getSymbolLabel={(value) => t('comparison.rateAs', { count: value, supplier: row.supplier.name })}
        aria-label={t('comparison.rating')}
        data-testid="quote-rating"
      />
    );

  const cells = (row: ComparisonRow) => ({
    supplier: <SupplierCell row={row} lowest={row === lowest && live.length > 1} />,
    unitPrice: <PriceCell normalized={row.normalized.unitPrice} quoted={row.quoted.unitPrice} />,
    total: (
      <Stack gap={0}>
        <PriceCell normalized={row.normalized.total} quoted={row.quoted.total} />
        {row.pricedQuantity !== comparison.data.quantity && (
          <Text fz="xs" c="dimmed">
            {t('comparison.pricedAtMoq', { quantity: format.number(row.pricedQuantity) })}
          </Text>
        )}
      </Stack>
    ),
    leadTime: t('comparison.days', { count: row.leadTimeDays, value: format.number(row.leadTimeDays) }),
    terms: row.port ? `${row.incoterm} ${row.port}` : row.incoterm,
    moq: format.number(row.moq),
    validUntil: format.day(row.validUntil),
  });

  const error = failed && <FormError error={failed.error} testId="quote-action-error" />;
  const ratingError = rate.isError && <FormError error={rate.error} />;

  return (
    <Stack gap="sm" data-testid="comparison">
      <Text fz="sm" c="dimmed">
        {t('comparison.note', {
          quantity: format.number(comparison.data.quantity),
          unit: ref.unitLabel(rfq.unit, comparison.data.quantity),
          currency: comparison.data.currency,
          date: format.day(comparison.data.rateDate),
        })}
      </Text>
      {error}
      {ratingError}
      {wide ? (
        <div className="table-scroll">
          <Table withTableBorder verticalSpacing="sm" fz="sm" data-testid="comparison-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('comparison.supplier')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('comparison.unitPrice', { currency: comparison.data.currency })}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('comparison.total')}
                </Table.Th>
                <Table.Th scope="col">{t('comparison.leadTime')}</Table.Th>
                <Table.Th scope="col">{t('comparison.terms')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('comparison.moq')}
                </Table.Th>
                <Table.Th scope="col">{t('comparison.validUntil')}</Table.Th>
                <Table.Th scope="col">{t('comparison.status')}</Table.Th>
                <Table.Th scope="col">
                  <span className="visually-hidden">{t('comparison.actions')}</span>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => {
                const c = cells(row);
                return (
                  <Table.Tr key={row.quoteId} data-testid="comparison-row" data-quote-id={row.quoteId}>
                    <Table.Td>{c.supplier}</Table.Td>
                    <Table.Td ta="right">{c.unitPrice}</Table.Td>
                    <Table.Td ta="right">{c.total}</Table.Td>
                    <Table.Td>{c.leadTime}</Table.Td>
                    <Table.Td>{c.terms}</Table.Td>
                    <Table.Td ta="right">{c.moq}</Table.Td>
                    <Table.Td>{c.validUntil}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Stack gap={6}>
                        <QuoteStatusBadge status={row.status} />
                        {rating(row)}
                      </Stack>
                    </Table.Td>
                    <Table.Td w={200}>
                      <Stack gap={6}>
                        {actions(row)}
                        <Anchor component={Link} to={`/quotes/${row.quoteId}`} fz="xs">
                          {t('comparison.open')}
                        </Anchor>
                      </Stack>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </div>
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {rows.map((row) => {
            const c = cells(row);
            return (
              <Card
                key={row.quoteId}
                withBorder
                padding="md"
                data-testid="comparison-row"
                data-quote-id={row.quoteId}
              >
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-start" wrap="nowrap">
                    {c.supplier}
                    <QuoteStatusBadge status={row.status} />
                  </Group>
                  <SimpleGrid cols={2} spacing="xs" component="dl" m={0}>
                    <MiniFact label={t('comparison.unitPrice', { currency: comparison.data.currency })}>
                      {c.unitPrice}
                    </MiniFact>
                    <MiniFact label={t('comparison.total')}>{c.total}</MiniFact>
                    <MiniFact label={t('comparison.leadTime')}>{c.leadTime}</MiniFact>
                    <MiniFact label={t('comparison.terms')}>{c.terms}</MiniFact>
                    <MiniFact label={t('comparison.moq')}>{c.moq}</MiniFact>
                    <MiniFact label={t('comparison.validUntil')}>{c.validUntil}</MiniFact>
                  </SimpleGrid>
                  {rating(row)}
                  {actions(row)}
                  <Anchor component={Link} to={`/quotes/${row.quoteId}`} fz="sm">
                    {t('comparison.open')}
                  </Anchor>
                </Stack>
              </Card>
            );
          })}
        </SimpleGrid>
      )}
    </Stack>
  );
};

const MiniFact = ({ label, children }: { label: string; children: ReactNode }) => (
  <div>
    <Text component="dt" fz="xs" c="dimmed">
      {label}
    </Text>
    <Text component="dd" m={0} fz="sm">
      {children}
    </Text>
  </div>
);

const PriceCell = ({
  normalized,
  quoted,
}: {
  normalized: ComparisonRow['quoted']['unitPrice'];
  quoted: ComparisonRow['quoted']['unitPrice'];
}) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Stack gap={0} align="inherit">
      <Text fw={700} fz="sm">
        {format.money(normalized)}
      </Text>
      {quoted.currency !== normalized.currency && (
        <Text fz="xs" c="dimmed">
          {t('comparison.quotedAs', { price: format.money(quoted) })}
        </Text>
      )}
    </Stack>
  );
};

/** Who is quoting and why to trust them: the credibility facts next to the price. */
const SupplierCell = ({ row, lowest }: { row: ComparisonRow; lowest: boolean }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const s = row.supplier;
  const place = [s.province ? ref.provinceName(s.province) : null, format.country(s.country)]
    .filter(Boolean)
    .join(', ');
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Anchor component={Link} to={`/suppliers/${s.id}`} fw={700} fz="sm" data-testid="comparison-supplier">
        {s.name}
      </Anchor>
      <Text fz="xs" c="dimmed">
        {place}
      </Text>
      <Group gap={4}>
        <VerificationBadge level={s.verificationLevel} />
        {row.tier && (
          <Badge size="sm" radius="sm" tt="none" variant="outline" color="gray.8">
            {t('comparison.tier', { tier: row.tier })}
          </Badge>
        )}
        {lowest && (
          <Badge size="sm" radius="sm" tt="none" color="teal.9">
            {t('comparison.lowest')}
          </Badge>
        )}
      </Group>
      <Text fz="xs">
        {row.responseRate === null
          ? t('comparison.responseRateUnknown')
          : t('comparison.responseRate', { percent: format.percent(row.responseRate) })}
        {row.matchScore !== null &&
          ` · ${t('comparison.matchScore', { percent: format.percent(row.matchScore) })}`}
      </Text>
    </Stack>
  );
};

/**
 * When the side-by-side table can't be computed (the server refuses the
 * whole comparison if one quote can't be priced or converted), the quotes are
 * still listed, each with its own page to negotiate or accept from.
 */
const QuoteList = ({ rfqId }: { rfqId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const quotes = useRfqQuotes(rfqId, true);
  if (!quotes.data || quotes.data.items.length === 0) return null;
  return (
    <Stack
      gap="xs"
      component="ul"
      style={{ listStyle: 'none', padding: 0, margin: 0 }}
      data-testid="quote-list"
    >
      {quotes.data.items.map((quote) => (
        <li key={quote.id}>
          <Card withBorder padding="sm">
            <Group justify="space-between" gap="sm">
              <Group gap="sm">
                <Text fw={600} fz="sm">
                  {quote.supplier.name}
                </Text>
                <QuoteStatusBadge status={quote.status} />
              </Group>
              <Group gap="sm">
                <Text fz="sm">{t('rfqDetail.quotedTotal', { total: format.money(quote.offer.total) })}</Text>
                <Anchor component={Link} to={`/quotes/${quote.id}`} fz="sm">
                  {t('comparison.open')}
                </Anchor>
              </Group>
            </Group>
          </Card>
        </li>
      ))}
    </Stack>
  );
};
