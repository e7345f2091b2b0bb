import { Alert, Anchor, Card, Container, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import { useRfq, useRfqFeed, useSubmitQuote } from '../../api/queries';
import type { Rfq } from '../../api/types';
import { MatchReasons } from '../../components/match-reasons';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { RfqFacts } from '../../components/rfq-facts';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { quoteBlocker } from '../rfqs/supplier-rfq-panel';
import { draftForRfq } from './offer-draft';
import { QuoteOfferForm } from './quote-offer-form';

export const QuoteNewScreen = () => <SignedInGate>{(me) => <QuoteNew me={me} />}</SignedInGate>;

const QuoteNew = ({ me }: { me: Member }) => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const rfq = useRfq(id);
  useDocumentTitle(rfq.data ? t('quoteForm.titleFor', { title: rfq.data.title }) : t('quoteForm.title'));

  if (rfq.isError && isNotFound(rfq.error)) return <NotFound />;
  if (rfq.isError) {
    return (
      <Container size="lg" py="lg">
        <QueryError error={rfq.error} onRetry={() => rfq.refetch()} />
      </Container>
    );
  }
  if (!rfq.data) {
    return (
      <Container size="lg" py="lg" aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={300} mt="lg" />
      </Container>
    );
  }
  if (rfq.data.viewer.myQuoteId) return <Navigate to={`/quotes/${rfq.data.viewer.myQuoteId}`} replace />;
  if (rfq.data.viewer.role !== 'supplier') return <Navigate to={`/rfqs/${rfq.data.id}`} replace />;
  return <QuoteNewForm rfq={rfq.data} me={me} />;
};

const QuoteNewForm = ({ rfq, me }: { rfq: Rfq; me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const submit = useSubmitQuote(rfq.id);
  const feed = useRfqFeed('all');
  const [initial] = useState(() => draftForRfq(rfq));
  const item = feed.data?.items.find((entry) => entry.rfq.id === rfq.id);
  const blocker = quoteBlocker(rfq);

  // Quoted meanwhile (another tab, a colleague): point at that quote instead of an error.
  const existing =
    submit.error instanceof ApiError &&
    submit.error.code === 'CONFLICT' &&
    typeof (submit.error.details as { quoteId?: unknown } | null)?.quoteId === 'string'
      ? (submit.error.details as { quoteId: string }).quoteId
      : null;

  return (
    <Container size="lg" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={`/rfqs/${rfq.id}`} fz="sm">
            {t('quoteForm.backToRfq')}
          </Anchor>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }} mt={4}>
            {t('quoteForm.title')}
          </Title>
          <Text c="dimmed" fz="sm" lang={rfq.language ?? undefined}>
            {rfq.title}
          </Text>
        </div>
        <Card withBorder padding="lg" component="section" aria-labelledby="quote-rfq">
          <Title order={2} fz="h4" id="quote-rfq" mb="sm">
            {t('quoteForm.theRequest')}
          </Title>
          <Stack gap="md">
            <RfqFacts rfq={rfq} showBuyer cols={{ base: 1, sm: 3 }} />
            {rfq.description && (
              <Text fz="sm" style={{ whiteSpace: 'pre-line' }} lang={rfq.language ?? undefined}>
                {rfq.description}
              </Text>
            )}
            {item?.match && (
              <div>
                <Text fz="sm" fw={600} mb={4}>
                  {t('rfqDetail.whyMatched')}
                </Text>
                <MatchReasons reasons={item.match.reasons} />
              </div>
            )}
          </Stack>
        </Card>
        {blocker && blocker !== 'alreadyQuoted' ? (
          <Alert color="orange" role="alert">
            {t(`rfqDetail.cannotQuote.${blocker}`, { defaultValue: t('rfqDetail.cannotQuote.other') })}
          </Alert>
        ) : (
          <>
            {existing && (
              <Alert color="orange" role="alert">
                {t('quoteForm.alreadyQuoted')}{' '}
                <Anchor component={Link} to={`/quotes/${existing}`}>
                  {t('rfqDetail.viewQuote')}
                </Anchor>
              </Alert>
            )}
            <QuoteOfferForm
              rfq={rfq}
              supplierId={me.company.id}
              initial={initial}
              submitLabel={t('quoteForm.submit')}
              pending={submit.isPending}
              error={existing ? null : submit.error}
              footnote={
                feed.data && (
                  <Text fz="sm" c="dimmed" data-testid="quota-left">
                    {t('feed.quotaLeft', {
                      count: feed.data.quota.left,
                      left: format.number(feed.data.quota.left),
                      granted: format.number(feed.data.quota.granted),
                    })}
                  </Text>
                )
              }
              onSubmit={(input) =>
                submit.mutate(input, { onSuccess: (quote) => navigate(`/quotes/${quote.id}`) })
              }
            />
          </>
        )}
      </Stack>
    </Container>
  );
};
