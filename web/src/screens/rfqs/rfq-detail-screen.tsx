import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Container,
  Grid,
  Group,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useComparison, useRfq, useRfqAction } from '../../api/queries';
import type { Rfq } from '../../api/types';
import { ConfirmButton } from '../../components/confirm-button';
import { FormError } from '../../components/form-error';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { RfqFacts } from '../../components/rfq-facts';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { RfqStatusBadge } from '../../components/status-badge';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { Comparison } from './comparison';
import { InvitedSuppliers } from './invited-suppliers';
import { SupplierRfqPanel } from './supplier-rfq-panel';

export const RfqDetailScreen = () => <SignedInGate>{(me) => <RfqDetail me={me} />}</SignedInGate>;

const RfqDetail = ({ me }: { me: Member }) => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const rfq = useRfq(id);
  useDocumentTitle(rfq.data?.title);

  if (rfq.isError && isNotFound(rfq.error)) return <NotFound />;
  if (rfq.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={rfq.error} onRetry={() => rfq.refetch()} />
      </Container>
    );
  }
  if (!rfq.data) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="60%" />
        <Skeleton height={200} mt="lg" />
      </Container>
    );
  }
  const r = rfq.data;
  const isBuyerSide = r.viewer.role !== 'supplier';
  const backTo = r.viewer.role === 'supplier' ? '/supplier/rfqs' : '/rfqs';

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to={backTo} fz="sm">
            {r.viewer.role === 'supplier' ? t('rfqDetail.backToFeed') : t('rfqDetail.backToList')}
          </Anchor>
          <Group gap="sm" mt={4} align="center">
            <Title
              order={1}
              fz={{ base: 'h3', sm: 'h2' }}
              data-testid="rfq-title"
              lang={r.language ?? undefined}
            >
              {r.title}
            </Title>
            <RfqStatusBadge status={r.status} />
            {r.viewer.role === 'supplier' && r.viewer.invited && (
              <Badge variant="outline" color="lane.8" radius="sm" tt="none">
                {t('rfqDetail.invited')}
              </Badge>
            )}
          </Group>
          <Text fz="sm" c="dimmed">
            {r.viewer.role === 'supplier'
              ? t('rfqDetail.postedBy', { buyer: r.buyer.name })
              : r.publishedAt
                ? t('rfqDetail.publishedOn', { date: format.date(r.publishedAt) })
                : t('rfqDetail.draftNote')}
          </Text>
        </div>

        {isBuyerSide && (
          <BuyerBanner rfq={r} canAct={r.viewer.role === 'buyer' && me.company.kind === 'buyer'} />
        )}

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: isBuyerSide ? 12 : 7 }}>
            <Card withBorder padding="lg" component="section" aria-labelledby="rfq-request">
              <Title order={2} fz="h4" id="rfq-request" mb="sm">
                {t('rfqDetail.request')}
              </Title>
              <Stack gap="md">
                <RfqFacts
                  rfq={r}
                  showBuyer={!isBuyerSide}
                  cols={isBuyerSide ? { base: 1, sm: 4 } : { base: 1, sm: 2 }}
                />
                {r.description && (
                  <Text style={{ whiteSpace: 'pre-line' }} fz="sm" lang={r.language ?? undefined}>
                    {r.description}
                  </Text>
                )}
                {r.attachments.length > 0 && (
                  <Group gap="sm">
                    {r.attachments.map((file) => (
                      <Anchor key={file.id} href={file.url} fz="sm">
                        {file.fileName}
                      </Anchor>
                    ))}
                  </Group>
                )}
              </Stack>
            </Card>
          </Grid.Col>
          {!isBuyerSide && (
            <Grid.Col span={{ base: 12, md: 5 }}>
              <SupplierRfqPanel rfq={r} />
            </Grid.Col>
          )}
        </Grid>

        {isBuyerSide && (
          <>
            <Stack component="section" aria-labelledby="quotes-heading" gap="sm">
              <Title order={2} fz="h3" id="quotes-heading">
                {t('rfqDetail.quotes')}
              </Title>
              <Comparison rfq={r} canAct={r.viewer.role === 'buyer'} />
            </Stack>
            <Stack component="section" aria-labelledby="invited-heading" gap="sm">
              <Title order={2} fz="h3" id="invited-heading">
                {t('rfqDetail.invitedSuppliers')}
              </Title>
              <InvitedSuppliers rfq={r} />
            </Stack>
          </>
        )}
      </Stack>
    </Container>
  );
};

/** Where the RFQ stands for its buyer and what to do next: publish, cancel, or see who won. */
const BuyerBanner = ({ rfq, canAct }: { rfq: Rfq; canAct: boolean }) => {
  const { t } = useTranslation();
  const location = useLocation();
  const action = useRfqAction(rfq.id);
  const comparison = useComparison(rfq.id, rfq.status === 'awarded');
  const publishFailed = (location.state as { publishFailed?: boolean } | null)?.publishFailed;

  const winner = comparison.data?.rows.find((row) => row.quoteId === rfq.awardedQuoteId);
  return (
    <Stack gap="sm">
      {publishFailed && rfq.status === 'draft' && (
        <Alert color="orange" role="alert">
          {t('rfqDetail.publishFailed')}
        </Alert>
      )}
      <FormError error={action.error} />
      {rfq.status === 'awarded' && (
        <Alert color="teal" title={t('rfqDetail.awardedTitle')} data-testid="rfq-awarded">
          {winner ? (
            <span>
              {t('rfqDetail.awardedTo', { supplier: winner.supplier.name })}{' '}
              <Anchor component={Link} to={`/quotes/${winner.quoteId}`}>
                {t('rfqDetail.openAwarded')}
              </Anchor>
            </span>
          ) : (
            t('rfqDetail.awarded')
          )}
        </Alert>
      )}
      {canAct &&
        (rfq.status === 'draft' ||
          rfq.status === 'published' ||
          rfq.status === 'closed' ||
          rfq.status === 'expired') && (
          <Group gap="sm">
            {rfq.status === 'draft' && (
              <>
                <Text fz="sm">{t('rfqDetail.draftHint')}</Text>
                <Button
                  onClick={() => action.mutate('publish')}
                  loading={action.isPending && action.variables === 'publish'}
                  data-testid="publish-draft"
                >
                  {t('rfqNew.publish')}
                </Button>
              </>
            )}
            <ConfirmButton
              variant="default"
              color="red.9"
              title={t('rfqDetail.cancelTitle')}
              body={t('rfqDetail.cancelBody')}
              confirmLabel={t('rfqDetail.cancel')}
              onConfirm={() => action.mutate('cancel')}
              loading={action.isPending && action.variables === 'cancel'}
              data-testid="cancel-rfq"
            >
              {t('rfqDetail.cancel')}
            </ConfirmButton>
          </Group>
        )}
    </Stack>
  );
};
