import {
  Anchor,
  Button,
  Card,
  Container,
  Grid,
  Group,
  List,
  Progress,
  Skeleton,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAdWallet, useCampaigns, useUpdateCampaign } from '../../api/ads-queries';
import type { AdWallet, CampaignSummary } from '../../api/ads-types';
import { useMyTier } from '../../api/tier-queries';
import { CopyValue } from '../../components/copy-value';
import { FormError } from '../../components/form-error';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { CampaignStatusBadge } from './ads-parts';

export const CampaignsScreen = () => <SignedInGate>{(me) => <CampaignManager me={me} />}</SignedInGate>;

const CampaignManager = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const supplier = me.company.kind === 'supplier';
  const campaigns = useCampaigns(supplier);
  const wallet = useAdWallet(supplier);
  useDocumentTitle(t('ads.title'));

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('ads.title')}
        </Title>
        <Text mt="sm">{t('ads.suppliersOnly')}</Text>
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('ads.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {t('ads.subtitle')}
            </Text>
          </div>
          <Button component={Link} to="/supplier/ads/new" data-testid="new-campaign">
            {t('ads.new')}
          </Button>
        </Group>

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
            <Stack gap="sm">
              <Title order={2} fz="h4">
                {t('ads.campaigns')}
              </Title>
              {campaigns.isError && (
                <QueryError error={campaigns.error} onRetry={() => campaigns.refetch()} />
              )}
              {campaigns.isPending && (
                <Stack aria-busy="true">
                  {[0, 1].map((i) => (
                    <Skeleton key={i} height={96} />
                  ))}
                </Stack>
              )}
              {campaigns.data && campaigns.data.length === 0 && (
                <Card withBorder padding="xl" data-testid="campaigns-empty">
                  <Stack align="center" gap="sm" ta="center">
                    <Text fw={700} fz="lg">
                      {t('ads.empty.title')}
                    </Text>
                    <Text c="dimmed" maw={480}>
                      {t('ads.empty.body')}
                    </Text>
                    <Button component={Link} to="/supplier/ads/new" variant="light">
                      {t('ads.new')}
                    </Button>
                  </Stack>
                </Card>
              )}
              {campaigns.data?.map((c) => (
                <CampaignRow key={c.id} campaign={c} />
              ))}
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
            {wallet.isError && <QueryError error={wallet.error} onRetry={() => wallet.refetch()} />}
            {wallet.isPending && <Skeleton height={220} aria-busy="true" />}
            {wallet.data && <WalletCard wallet={wallet.data} companyId={me.company.id} />}
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};

const CampaignRow = ({ campaign }: { campaign: CampaignSummary }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const update = useUpdateCampaign();
  const budget = Number(campaign.dailyBudget.amount);
  const spent = Number(campaign.today.spent.amount);
  const paused = campaign.status === 'paused';
  return (
    <Card withBorder padding="md" data-testid="campaign-row" data-campaign-id={campaign.id}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Anchor
              component={Link}
              to={`/supplier/ads/${campaign.id}`}
              fw={700}
              style={{ overflowWrap: 'anywhere' }}
              data-testid="campaign-link"
            >
              {campaign.name}
            </Anchor>
            <Group gap="xs">
              <CampaignStatusBadge status={campaign.status} />
              <Text fz="xs" c="dimmed">
                {t('ads.createdOn', { date: format.date(campaign.createdAt) })}
              </Text>
            </Group>
          </Stack>
          <Button
            size="xs"
            variant="default"
            loading={update.isPending}
            onClick={() =>
              update.mutate({ id: campaign.id, patch: { status: paused ? 'active' : 'paused' } })
            }
            data-testid={paused ? 'campaign-resume' : 'campaign-pause'}
            style={{ flexShrink: 0 }}
          >
            {paused ? t('ads.resume') : t('ads.pause')}
          </Button>
        </Group>
        <Group gap="xl" wrap="wrap">
          <div>
            <Text fz="xs" c="dimmed">
              {t('ads.dailyBudget')}
            </Text>
            <Text fw={600}>{format.money(campaign.dailyBudget)}</Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('ads.spentToday')}
            </Text>
            <Text fw={600} data-testid="campaign-spent-today">
              {format.money(campaign.today.spent)}
            </Text>
          </div>
          <div>
            <Text fz="xs" c="dimmed">
              {t('ads.clicksToday')}
            </Text>
            <Text fw={600}>{format.number(campaign.today.chargedClicks)}</Text>
          </div>
        </Group>
        <Progress
          value={budget > 0 ? Math.min(100, (spent / budget) * 100) : 0}
          size="sm"
          aria-label={t('ads.budgetUsed')}
        />
        <FormError error={update.error} />
      </Stack>
    </Card>
  );
};

/** The prepaid ad wallet: what it can still pay, and how to fill it. */
const WalletCard = ({ wallet, companyId }: { wallet: AdWallet; companyId: string }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const tier = useMyTier();
  const credit = tier.data?.benefits.monthlyAdCredit;
  const empty = wallet.available.amount === '0';
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="ad-wallet" data-testid="ad-wallet">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="ad-wallet">
          {t('ads.wallet.title')}
        </Title>
        <div>
          <Text fz="xs" c="dimmed">
            {t('ads.wallet.available')}
          </Text>
          <Text fz={28} fw={800} c={empty ? 'red.9' : 'lane.8'} data-testid="wallet-available">
            {format.money(wallet.available)}
          </Text>
          <Text fz="sm" c="dimmed">
            {t('ads.wallet.spentToday', { amount: format.money(wallet.spentToday) })}
          </Text>
        </div>
        {empty && (
          <Text fz="sm" c="red.9" fw={600}>
            {t('ads.wallet.emptyWarning')}
          </Text>
        )}
        <Title order={3} fz="sm">
          {t('ads.wallet.topUpTitle')}
        </Title>
        <List size="sm" spacing={4} type="ordered">
          <List.Item>{t('ads.wallet.step1', { currency: wallet.currency })}</List.Item>
          <List.Item>
            {t('ads.wallet.step2')}
            <CopyValue
              value={`ADS ${companyId}`}
              label={t('ads.wallet.reference')}
              fz="sm"
              testId="wallet-reference"
            />
          </List.Item>
          <List.Item>{t('ads.wallet.step3')}</List.Item>
        </List>
        {credit && (
          <Text fz="sm" data-testid="wallet-credit-note">
            {credit.amount === '0'
              ? t('ads.wallet.noCredit')
              : t('ads.wallet.credit', { amount: format.money(credit) })}{' '}
            <Anchor component={Link} to="/supplier/tier" fz="sm">
              {t('ads.wallet.tierLink')}
            </Anchor>
          </Text>
        )}
        {(wallet.topUps.length > 0 || wallet.credits.length > 0) && (
          <>
            <Title order={3} fz="sm">
              {t('ads.wallet.history')}
            </Title>
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {wallet.topUps.slice(0, 5).map((u) => (
                <Group key={u.id} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Text fz="sm" style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                    {t('ads.wallet.wire', { reference: u.bankReference, date: format.date(u.createdAt) })}
                  </Text>
                  <Text fz="sm" fw={600} style={{ flexShrink: 0 }}>
                    {format.money(u.amount)}
                  </Text>
                </Group>
              ))}
              {wallet.credits.slice(0, 3).map((c) => (
                <Group key={c.month} component="li" justify="space-between" wrap="nowrap" gap="xs">
                  <Text fz="sm">
                    {t('ads.wallet.creditRow', { month: format.month(`${c.month}-15T12:00:00Z`) })}
                  </Text>
                  <Text fz="sm" fw={600} style={{ flexShrink: 0 }}>
                    {format.money(c.amount)}
                  </Text>
                </Group>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Card>
  );
};
