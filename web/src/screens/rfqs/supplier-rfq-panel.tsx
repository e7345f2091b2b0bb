import { Alert, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuote, useRfqFeed } from '../../api/queries';
import type { Rfq } from '../../api/types';
import { MatchReasons } from '../../components/match-reasons';
import { QuoteStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';

/** Whether a supplier may still quote, and why not when it may not. */
export const quoteBlocker = (rfq: Rfq): string | null => {
  if (rfq.viewer.myQuoteId) return 'alreadyQuoted';
  if (rfq.status === 'closed' || rfq.quoteCount >= rfq.maxQuotes) return 'full';
  if (rfq.status !== 'published') return rfq.status;
  if (new Date(rfq.deadline).getTime() <= Date.now()) return 'deadline';
  return null;
};

/** The supplier's side of an RFQ: why it was matched, and its quote or the way to make one. */
export const SupplierRfqPanel = ({ rfq }: { rfq: Rfq }) => {
  const { t } = useTranslation();
  const format = useFormat();
  // The RFQ itself does not carry the reader's match; the feed does (see the report on the API).
  const feed = useRfqFeed('all');
  const item = feed.data?.items.find((entry) => entry.rfq.id === rfq.id);
  const myQuote = useQuote(rfq.viewer.myQuoteId ?? undefined);
  const blocker = quoteBlocker(rfq);

  return (
    <Stack gap="md">
      <Card withBorder padding="lg" component="section" aria-labelledby="your-quote">
        <Title order={2} fz="h4" id="your-quote" mb="sm">
          {t('rfqDetail.yourQuote')}
        </Title>
        {rfq.viewer.myQuoteId ? (
          <Group justify="space-between" gap="sm">
            <Group gap="sm">
              {myQuote.data && <QuoteStatusBadge status={myQuote.data.status} />}
              {myQuote.data && (
                <Text fz="sm">
                  {t('rfqDetail.quotedTotal', { total: format.money(myQuote.data.offer.total) })}
                </Text>
              )}
            </Group>
            <Button
              component={Link}
              to={`/quotes/${rfq.viewer.myQuoteId}`}
              variant="light"
              data-testid="view-my-quote"
            >
              {t('rfqDetail.viewQuote')}
            </Button>
          </Group>
        ) : blocker ? (
          <Text c="dimmed">
            {t(`rfqDetail.cannotQuote.${blocker}`, { defaultValue: t('rfqDetail.cannotQuote.other') })}
          </Text>
        ) : (
          <Stack gap="sm">
            <Text fz="sm">
              {feed.data
                ? t('feed.quotaLeft', {
                    count: feed.data.quota.left,
                    left: format.number(feed.data.quota.left),
                    granted: format.number(feed.data.quota.granted),
                  })
                : t('rfqDetail.quoteHint')}
            </Text>
            {feed.data?.quota.left === 0 ? (
              <Alert color="orange">{t('feed.quotaEmpty')}</Alert>
            ) : (
              <Group>
                <Button component={Link} to={`/rfqs/${rfq.id}/quote`} data-testid="start-quote">
                  {t('rfqDetail.quote')}
                </Button>
              </Group>
            )}
          </Stack>
        )}
      </Card>
      <Card withBorder padding="lg" component="section" aria-labelledby="why-matched">
        <Title order={2} fz="h4" id="why-matched" mb="sm">
          {t('rfqDetail.whyMatched')}
        </Title>
        {feed.isPending ? (
          <Skeleton height={80} />
        ) : item?.match ? (
          <Stack gap="xs">
            <Text fz="sm" fw={600}>
              {t('feed.matchLine', {
                rank: format.number(item.match.rank),
                percent: format.percent(item.match.score),
              })}
            </Text>
            <MatchReasons reasons={item.match.reasons} />
          </Stack>
        ) : (
          <Text c="dimmed" fz="sm">
            {rfq.visibility === 'public' ? t('rfqDetail.publicNotInvited') : t('rfqDetail.noMatchInfo')}
          </Text>
        )}
      </Card>
    </Stack>
  );
};
