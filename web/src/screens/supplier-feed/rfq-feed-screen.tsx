import {
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Group,
  Progress,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useRfqFeed } from '../../api/queries';
import type { FeedItem, Quota } from '../../api/types';
import { MatchReasons } from '../../components/match-reasons';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { QuoteStatusBadge, RfqStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useReference } from '../../reference/use-reference';
import { quoteBlocker } from '../rfqs/supplier-rfq-panel';

export const RfqFeedScreen = () => <SignedInGate>{(me) => <RfqFeed me={me} />}</SignedInGate>;

const RfqFeed = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'all' ? 'all' : 'open';
  const isSupplier = me.company.kind === 'supplier';
  const feed = useRfqFeed(status, isSupplier);
  useDocumentTitle(t('feed.title'));

  if (!isSupplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('feed.title')}
        </Title>
        <Text mt="sm">{t('feed.suppliersOnly')}</Text>
        {me.company.kind === 'buyer' && (
          <Button component={Link} to="/rfqs" mt="md">
            {t('header.rfqs')}
          </Button>
        )}
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" gap="md">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('feed.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('feed.subtitle')}
            </Text>
          </div>
          {feed.data && <QuotaMeter quota={feed.data.quota} />}
        </Group>
        <SegmentedControl
          aria-label={t('feed.filter')}
          value={status}
          onChange={(value) => setParams(value === 'all' ? { status: 'all' } : {}, { replace: true })}
          data={[
            { value: 'open', label: t('feed.open') },
            { value: 'all', label: t('feed.all') },
          ]}
          w={{ base: '100%', xs: 'auto' }}
          style={{ alignSelf: 'flex-start' }}
        />
        {feed.isError && <QueryError error={feed.error} onRetry={() => feed.refetch()} />}
        {feed.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={160} />
            ))}
          </Stack>
        )}
        {feed.data && feed.data.items.length === 0 && (
          <Card withBorder padding="xl" data-testid="feed-empty">
            <Stack align="center" gap="xs" ta="center">
              <Text fw={700} fz="lg">
                {t('feed.empty.title')}
              </Text>
              <Text c="dimmed" maw={520}>
                {t('feed.empty.body')}
              </Text>
            </Stack>
          </Card>
        )}
        {feed.data && feed.data.items.length > 0 && (
          <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {feed.data.items.map((item) => (
              <li key={item.rfq.id}>
                <FeedCard item={item} quotaLeft={feed.data.quota.left} />
              </li>
            ))}
          </Stack>
        )}
      </Stack>
    </Container>
  );
};

/** "N of 20 quotes left this month": each quote spends one, and unused ones don't carry over. */
const QuotaMeter = ({ quota }: { quota: Quota }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const share = quota.granted > 0 ? quota.left / quota.granted : 0;
  return (
    <Stack gap={4} w={{ base: '100%', xs: 260 }} data-testid="quota">
      <Text fz="sm" fw={600} data-testid="quota-left">
        {t('feed.quotaLeft', {
          count: quota.left,
          left: format.number(quota.left),
          granted: format.number(quota.granted),
        })}
      </Text>
      <Progress
        value={share * 100}
        color={share > 0.25 ? 'lane.7' : 'orange.8'}
        aria-label={t('feed.quotaLabel')}
        size="sm"
      />
      <Text fz="xs" c="dimmed">
        {t('feed.quotaRenews')}
      </Text>
    </Stack>
  );
};

const FeedCard = ({ item, quotaLeft }: { item: FeedItem; quotaLeft: number }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const { rfq, match, myQuote } = item;
  const blocker = quoteBlocker(rfq);
  return (
    <Card withBorder padding="lg" data-testid="feed-item" data-rfq-id={rfq.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Anchor
                component={Link}
                to={`/rfqs/${rfq.id}`}
                fw={700}
                fz="lg"
                lang={rfq.language ?? undefined}
                data-testid="feed-item-title"
              >
                {rfq.title}
              </Anchor>
              {rfq.status !== 'published' && <RfqStatusBadge status={rfq.status} />}
              {rfq.viewer.invited ? (
                <Badge variant="outline" color="lane.8" radius="sm" tt="none">
                  {t('rfqDetail.invited')}
                </Badge>
              ) : (
                <Badge variant="outline" color="gray.8" radius="sm" tt="none">
                  {t('rfq.visibility.public')}
                </Badge>
              )}
            </Group>
            <Text fz="sm" c="dimmed">
              {[
                `${rfq.buyer.name} · ${format.country(rfq.buyer.country)}`,
                ref.categoryName(rfq.categoryCode),
              ].join(' · ')}
            </Text>
          </Stack>
          {match && (
            <Stack gap={2} align="flex-end" w={120} style={{ flexShrink: 0 }}>
              <Text fz="sm" fw={700}>
                {t('invited.score', { percent: format.percent(match.score) })}
              </Text>
              <Progress value={match.score * 100} size="sm" w="100%" aria-hidden="true" />
            </Stack>
          )}
        </Group>
        <Group gap="lg" fz="sm" style={{ rowGap: 4 }}>
          <Text fz="sm">
            <strong>{format.number(rfq.quantity)}</strong> {ref.unitLabel(rfq.unit, rfq.quantity)}
          </Text>
          {rfq.targetUnitPrice && (
            <Text fz="sm">
              {t('feed.target', {
                price: format.money(rfq.targetUnitPrice),
                unit: ref.unitLabel(rfq.unit, 1),
              })}
            </Text>
          )}
          <Text fz="sm">
            {rfq.destinationPort
              ? `${format.country(rfq.destinationCountry)} · ${rfq.destinationPort}`
              : format.country(rfq.destinationCountry)}
            {' · '}
            {t(`transportMode.${rfq.transportMode}`)} · {rfq.incoterm}
          </Text>
          <Text fz="sm">
            {t('feed.closes', { when: format.relative(rfq.deadline) })}
            {' · '}
            {t('feed.quotes', {
              count: rfq.quoteCount,
              value: format.number(rfq.quoteCount),
              max: format.number(rfq.maxQuotes),
            })}
          </Text>
        </Group>
        {match && (
          <div>
            <Text fz="sm" fw={600} mb={4}>
              {t('rfqDetail.whyMatched')}
            </Text>
            <MatchReasons reasons={match.reasons} />
          </div>
        )}
        <Group justify="flex-end" gap="sm">
          {myQuote ? (
            <>
              <QuoteStatusBadge status={myQuote.status} />
              <Button
                component={Link}
                to={`/quotes/${myQuote.id}`}
                variant="light"
                data-testid="feed-view-quote"
              >
                {t('rfqDetail.viewQuote')}
              </Button>
            </>
          ) : blocker ? (
            <Text fz="sm" c="dimmed">
              {t(`rfqDetail.cannotQuote.${blocker}`, { defaultValue: t('rfqDetail.cannotQuote.other') })}
            </Text>
          ) : quotaLeft === 0 ? (
            <Text fz="sm" c="dimmed">
              {t('feed.quotaEmpty')}
            </Text>
          ) : (
            <Button
              component={Link}
              to={`/rfqs/${rfq.id}/quote`}
              data-testid="feed-quote"
              aria-label={t('feed.quoteOn', { title: rfq.title })}
            >
              {t('rfqDetail.quote')}
            </Button>
          )}
        </Group>
      </Stack>
    </Card>
  );
};
