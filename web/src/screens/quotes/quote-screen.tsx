import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Rating,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuote, useQuoteAction, useRateQuote, useReviseQuote, useRfq } from '../../api/queries';
import type { Quote, QuoteResponseAction, Rfq } from '../../api/types';
import { CompanyCardView } from '../../components/company-card';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { QuoteStatusBadge, RfqStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { PlaceOrderCard } from '../orders/place-order-card';
import { CounterForm } from './counter-form';
import { draftFromOffer } from './offer-draft';
import { OfferSummary } from './offer-summary';
import { QuoteOfferForm } from './quote-offer-form';
import { VersionTimeline } from './version-timeline';

const AWARDABLE = ['published', 'closed', 'expired'];
const LIVE = ['submitted', 'countered', 'shortlisted'];

export const QuoteScreen = () => <SignedInGate>{(me) => <QuoteView me={me} />}</SignedInGate>;

const QuoteView = ({ me }: { me: Member }) => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const quote = useQuote(id);
  const rfq = useRfq(quote.data?.rfqId);
  useDocumentTitle(rfq.data ? t('quote.titleFor', { title: rfq.data.title }) : t('quote.title'));

  if (quote.isError && isNotFound(quote.error)) return <NotFound />;
  const error = quote.error ?? rfq.error;
  if (error) {
    return (
      <Container size="xl" py="lg">
        <QueryError
          error={error}
          onRetry={() => {
            void quote.refetch();
            void rfq.refetch();
          }}
        />
      </Container>
    );
  }
  if (!quote.data || !rfq.data) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={260} mt="lg" />
      </Container>
    );
  }
  return <Negotiation quote={quote.data} rfq={rfq.data} me={me} />;
};

const Negotiation = ({ quote, rfq, me }: { quote: Quote; rfq: Rfq; me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const location = useLocation();
  const isSupplier = me.company.id === quote.supplier.id;
  const isBuyer = me.company.id === rfq.buyer.id && me.company.kind === 'buyer';
  const negotiable = AWARDABLE.includes(rfq.status) && LIVE.includes(quote.status);
  const action = useQuoteAction();
  const rate = useRateQuote();
  const revise = useReviseQuote(quote.id);
  // The comparison's "Counter" button lands on #counter with the form open.
  const [counterOpen, setCounterOpen] = useState(location.hash === '#counter');
  const [reviseOpen, setReviseOpen] = useState(quote.status === 'countered');
  useEffect(() => {
    if (location.hash === '#counter') document.getElementById('counter')?.scrollIntoView();
  }, [location.hash]);

  const lastCounter = [...quote.versions]
    .sort((a, b) => b.version - a.version)
    .find((v) => v.author === 'buyer' && v.counter);
  const run = (what: QuoteResponseAction | 'accept') => action.mutate({ quoteId: quote.id, action: what });
  const busy = (what: string) => action.isPending && action.variables?.action === what;

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={`/rfqs/${rfq.id}`} fz="sm">
            {t('quote.backToRfq')}
          </Anchor>
          <Group gap="sm" mt={4}>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {isSupplier
                ? t('quote.yourQuoteOn', { title: rfq.title })
                : t('quote.quoteFrom', { supplier: quote.supplier.name })}
            </Title>
            <QuoteStatusBadge status={quote.status} />
          </Group>
          <Text component="div" fz="sm" c="dimmed" mt={4}>
            {t('quote.forRfq')}{' '}
            <Anchor component={Link} to={`/rfqs/${rfq.id}`} fz="sm" lang={rfq.language ?? undefined}>
              {rfq.title}
            </Anchor>{' '}
            <RfqStatusBadge status={rfq.status} />
          </Text>
        </div>

        {quote.status === 'accepted' && (
          <Alert color="teal" data-testid="quote-accepted">
            {isSupplier ? t('quote.acceptedSupplier') : t('quote.acceptedBuyer')}
          </Alert>
        )}
        {quote.status === 'countered' && isSupplier && lastCounter && (
          <Alert color="orange" title={t('quote.counteredTitle')}>
            {t('quote.counteredBody')}
          </Alert>
        )}
        {quote.status === 'countered' && isBuyer && <Alert color="gray">{t('quote.waitingSupplier')}</Alert>}
        {!negotiable && LIVE.includes(quote.status) && (
          <Alert color="gray">{t('quote.negotiationOver', { status: t(`rfqStatus.${rfq.status}`) })}</Alert>
        )}
        <FormError error={action.error} testId="quote-action-error" />

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              {isBuyer && quote.status === 'accepted' && <PlaceOrderCard quote={quote} />}
              <Card withBorder padding="lg" component="section" aria-labelledby="current-offer">
                <Group justify="space-between" mb="sm">
                  <Title order={2} fz="h4" id="current-offer">
                    {t('quote.currentOffer', { version: quote.currentVersion })}
                  </Title>
                  <Text fz="xs" c="dimmed">
                    {t('quote.updated', { date: format.dateTime(quote.updatedAt) })}
                  </Text>
                </Group>
                <OfferSummary offer={quote.offer} />
              </Card>

              {isBuyer && (
                <Card withBorder padding="lg" component="section" aria-labelledby="buyer-actions">
                  <Title order={2} fz="h4" id="buyer-actions" mb="sm">
                    {t('quote.decide')}
                  </Title>
                  <Stack gap="md">
                    {negotiable ? (
                      <Group gap="sm">
                        {['submitted', 'shortlisted'].includes(quote.status) && (
                          <ConfirmButton
                            color="teal.9"
                            title={t('comparison.acceptTitle')}
                            body={t('comparison.acceptBody', { supplier: quote.supplier.name })}
                            confirmLabel={t('comparison.accept')}
                            onConfirm={() => run('accept')}
                            loading={busy('accept')}
                            data-testid="accept-quote"
                          >
                            {t('comparison.accept')}
                          </ConfirmButton>
                        )}
                        {quote.status === 'submitted' && (
                          <Button
                            variant="light"
                            onClick={() => run('shortlist')}
                            loading={busy('shortlist')}
                          >
                            {t('comparison.shortlist')}
                          </Button>
                        )}
                        {['submitted', 'shortlisted'].includes(quote.status) && (
                          <Button
                            variant="default"
                            onClick={() => setCounterOpen((open) => !open)}
                            aria-expanded={counterOpen}
                            aria-controls="counter"
                          >
                            {t('comparison.counter')}
                          </Button>
                        )}
                        <ConfirmButton
                          variant="subtle"
                          color="red.9"
                          c="red.9"
                          title={t('comparison.declineTitle')}
                          body={t('comparison.declineBody', { supplier: quote.supplier.name })}
                          confirmLabel={t('comparison.decline')}
                          onConfirm={() => run('decline')}
                          loading={busy('decline')}
                        >
                          {t('comparison.decline')}
                        </ConfirmButton>
                      </Group>
                    ) : (
                      <Text fz="sm" c="dimmed">
                        {t('quote.noActions')}
                      </Text>
                    )}
                    {quote.status !== 'withdrawn' && (
                      <Group gap="sm">
                        <Text fz="sm" id="rating-label">
                          {t('comparison.rating')}
                        </Text>
                        <Rating
                          value={quote.buyerRating ?? 0}
                          onChange={(value) => rate.mutate({ quoteId: quote.id, rating: value })}
                          readOnly={rate.isPending}
                          getSymbolLabel={(value) =>
                            t('comparison.rateAs', { count: value, supplier: quote.supplier.name })
                          }
                          aria-labelledby="rating-label"
                        />
                      </Group>
                    )}
                    <FormError error={rate.error} />
                    {negotiable && counterOpen && ['submitted', 'shortlisted'].includes(quote.status) && (
                      <section id="counter" aria-labelledby="counter-heading">
                        <Title order={3} fz="h5" id="counter-heading" mb="xs">
                          {t('counter.title')}
                        </Title>
                        <CounterForm quote={quote} onDone={() => setCounterOpen(false)} />
                      </section>
                    )}
                  </Stack>
                </Card>
              )}

              {isSupplier && negotiable && (
                <Card withBorder padding="lg" component="section" aria-labelledby="supplier-actions">
                  <Group justify="space-between" mb="sm">
                    <Title order={2} fz="h4" id="supplier-actions">
                      {t('quote.reviseTitle')}
                    </Title>
                    <Group gap="sm">
                      {!reviseOpen && (
                        <Button variant="light" onClick={() => setReviseOpen(true)} data-testid="open-revise">
                          {t('quote.revise')}
                        </Button>
                      )}
                      <ConfirmButton
                        variant="subtle"
                        color="red.9"
                        c="red.9"
                        title={t('quote.withdrawTitle')}
                        body={t('quote.withdrawBody')}
                        confirmLabel={t('quote.withdraw')}
                        onConfirm={() => run('withdraw')}
                        loading={busy('withdraw')}
                      >
                        {t('quote.withdraw')}
                      </ConfirmButton>
                    </Group>
                  </Group>
                  {reviseOpen ? (
                    <QuoteOfferForm
                      // A fresh form per version: a revision starts from the offer now on the table.
                      key={quote.currentVersion}
                      rfq={rfq}
                      supplierId={me.company.id}
                      initial={draftFromOffer(quote.offer)}
                      lockCurrency
                      submitLabel={t('quote.sendRevision')}
                      pending={revise.isPending}
                      error={revise.error}
                      onSubmit={(input) => revise.mutate(input, { onSuccess: () => setReviseOpen(false) })}
                    />
                  ) : (
                    <Text fz="sm" c="dimmed">
                      {t('quote.reviseHint')}
                    </Text>
                  )}
                </Card>
              )}

              <Card withBorder padding="lg" component="section" aria-labelledby="history">
                <Title order={2} fz="h4" id="history" mb="md">
                  {t('quote.history')}
                </Title>
                <VersionTimeline quote={quote} buyerName={rfq.buyer.name} />
              </Card>
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <CompanyCardView
              company={isSupplier ? rfq.buyer : quote.supplier}
              headingOrder={2}
              title={isSupplier ? t('quote.theBuyer') : t('product.supplier')}
              showroomLink={!isSupplier}
            />
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};
