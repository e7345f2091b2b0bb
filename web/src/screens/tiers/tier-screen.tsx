import {
  Alert,
  Anchor,
  Card,
  Container,
  Grid,
  Group,
  List,
  Progress,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMyTier, useTierCatalog } from '../../api/tier-queries';
import type { MyTier, ScoreComponentView, TierCatalog } from '../../api/tier-types';
import type { VerificationLevel } from '../../api/types';
import { FactList } from '../../components/fact-list';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { MetMark, TierBadgeView, useRequirementText, useTierName } from './tier-parts';

export const TierScreen = () => <SignedInGate>{(me) => <TierPage me={me} />}</SignedInGate>;

const TierPage = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const supplier = me.company.kind === 'supplier';
  const tier = useMyTier(supplier);
  const catalog = useTierCatalog();
  useDocumentTitle(t('tiers.title'));

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('tiers.title')}
        </Title>
        <Text mt="sm">{t('tiers.suppliersOnly')}</Text>
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
            {t('tiers.title')}
          </Title>
          <Text c="dimmed" fz="sm">
            {t('tiers.subtitle', { months: catalog.data?.windowMonths ?? 12 })}
          </Text>
        </div>
        {tier.isError && <QueryError error={tier.error} onRetry={() => tier.refetch()} />}
        {tier.isPending && (
          <Stack aria-busy="true">
            <Skeleton height={140} />
            <Skeleton height={240} />
          </Stack>
        )}
        {tier.data && <TierDetails tier={tier.data} catalog={catalog.data} />}
      </Stack>
    </Container>
  );
};

const TierDetails = ({ tier, catalog }: { tier: MyTier; catalog: TierCatalog | undefined }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const tierName = useTierName();
  const requirementText = useRequirementText();
  const scored = tier.month !== null && tier.score !== null;

  return (
    <>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Card withBorder padding="lg" h="100%" component="section" aria-labelledby="tier-current">
            <Stack gap="sm">
              <Text id="tier-current" fz="sm" c="dimmed" fw={600}>
                {t('tiers.current')}
              </Text>
              <Group gap="sm" align="center">
                <TierBadgeView tier={tier.tier} size="xl" />
              </Group>
              {scored ? (
                <>
                  <Group gap={6} align="baseline">
                    <Text fz={36} fw={800} lh={1} data-testid="tier-score">
                      {format.number(tier.score ?? 0)}
                    </Text>
                    <Text c="dimmed">{t('tiers.outOf100')}</Text>
                  </Group>
                  <Progress value={tier.score ?? 0} aria-label={t('tiers.score')} />
                  <Text fz="sm" c="dimmed">
                    {t('tiers.computed', {
                      month: format.month(`${tier.month}-15T12:00:00Z`),
                      date: tier.computedAt ? format.date(tier.computedAt) : '',
                    })}
                  </Text>
                </>
              ) : (
                <Text data-testid="tier-unscored">{t('tiers.unscored')}</Text>
              )}
              <Text fz="sm">
                {tier.rule === 'lowest_indicator' ? t('tiers.ruleLowest') : t('tiers.ruleScore')}
              </Text>
            </Stack>
          </Card>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Card
            withBorder
            padding="lg"
            h="100%"
            component="section"
            aria-labelledby="tier-next"
            data-testid="tier-next"
          >
            {tier.next ? (
              <Stack gap="sm">
                <Group gap="xs" wrap="wrap">
                  <Title order={2} fz="h4" id="tier-next">
                    {t('tiers.nextTitle', { tier: tierName(tier.next.tier) })}
                  </Title>
                  <TierBadgeView tier={tier.next.tier} size="sm" />
                </Group>
                <Text fz="sm" c="dimmed">
                  {t('tiers.nextSubtitle', {
                    count: tier.next.requirements.filter((r) => !r.met && r.binding).length,
                  })}
                </Text>
                <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                  {[...tier.next.requirements]
                    .sort((a, b) => Number(a.met) - Number(b.met))
                    .map((r) => (
                      <Group
                        key={r.indicator}
                        component="li"
                        gap="xs"
                        wrap="nowrap"
                        align="flex-start"
                        data-testid="tier-need"
                        data-met={r.met}
                        data-indicator={r.indicator}
                      >
                        <MetMark met={r.met} />
                        <Text fz="sm" fw={r.met ? undefined : 600}>
                          {requirementText(r)}
                          {!r.binding && !r.met && (
                            <Text span fz="xs" c="dimmed">
                              {' '}
                              {t('tiers.targetOnly')}
                            </Text>
                          )}
                        </Text>
                      </Group>
                    ))}
                </Stack>
              </Stack>
            ) : (
              <Stack gap="xs">
                <Title order={2} fz="h4" id="tier-next">
                  {t('tiers.topTitle')}
                </Title>
                <Text fz="sm">{t('tiers.topBody')}</Text>
              </Stack>
            )}
          </Card>
        </Grid.Col>
      </Grid>

      {tier.reasons.length > 0 && (
        <Card withBorder padding="lg" component="section" aria-labelledby="tier-why">
          <Title order={2} fz="h4" id="tier-why" mb="xs">
            {t('tiers.whyTitle', { tier: tierName(tier.tier) })}
          </Title>
          <List spacing={4} size="sm" listStyleType="none" data-testid="tier-reasons">
            {tier.reasons.map((r) => (
              <List.Item key={r.indicator}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <MetMark met={r.met} />
                  <span>{requirementText(r)}</span>
                </Group>
              </List.Item>
            ))}
          </List>
        </Card>
      )}

      {tier.components.length > 0 && <ScoreTable components={tier.components} score={tier.score} />}

      <BenefitsCard tier={tier} catalog={catalog} />

      <Card withBorder padding="lg" component="section" aria-labelledby="tier-history">
        <Title order={2} fz="h4" id="tier-history" mb="xs">
          {t('tiers.historyTitle')}
        </Title>
        {tier.history.length === 0 ? (
          <Text fz="sm" c="dimmed" data-testid="tier-history-empty">
            {t('tiers.historyEmpty')}
          </Text>
        ) : (
          <div className="table-scroll">
            <Table striped withTableBorder data-testid="tier-history">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tiers.month')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('tiers.score')}
                  </Table.Th>
                  <Table.Th scope="col">{t('tiers.tier')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tier.history.map((h) => (
                  <Table.Tr key={h.month}>
                    <Table.Td>{format.month(`${h.month}-15T12:00:00Z`)}</Table.Td>
                    <Table.Td ta="right">{format.number(h.score)}</Table.Td>
                    <Table.Td>{tierName({ key: h.tier, name: h.tier })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </div>
        )}
      </Card>
    </>
  );
};

/** Each component as measured, with its weight, points and what it adds to the score. */
const ScoreTable = ({ components, score }: { components: ScoreComponentView[]; score: number | null }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const shownValue = (c: ScoreComponentView): string => {
    if (c.value === null) return t('tiers.notMeasured');
    if (c.component === 'verification')
      return t(`verification.${c.value as VerificationLevel}`, { defaultValue: String(c.value) });
    if (typeof c.value !== 'number') return String(c.value);
    switch (c.component) {
      case 'gmv': {
        const gmv = (c.detail.gmv ?? null) as { amount: string; currency: string } | null;
        const percentile = t('tiers.percentile', { value: format.number(Math.round(c.value * 100)) });
        return gmv ? `${percentile} · ${format.money(gmv)}` : percentile;
      }
      case 'responseRate':
      case 'onTimeRate':
      case 'disputeRate':
        return format.percentPrecise(c.value);
      case 'buyerRating':
        return t('tiers.rating', { value: format.number(c.value) });
      case 'yearsOnPlatform':
        return t('tiers.years', { count: c.value, value: format.number(c.value) });
      default:
        return format.number(c.value);
    }
  };
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="tier-components">
      <Title order={2} fz="h4" id="tier-components">
        {t('tiers.componentsTitle')}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('tiers.componentsSubtitle')}
      </Text>
      <div className="table-scroll">
        <Table striped withTableBorder data-testid="tier-components" miw={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tiers.component')}</Table.Th>
              <Table.Th scope="col">{t('tiers.value')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('tiers.weight')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('tiers.points')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('tiers.contribution')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {components.map((c) => (
              <Table.Tr key={c.component} data-testid="tier-component" data-component={c.component}>
                <Table.Th scope="row" fw={600}>
                  {t(`tiers.componentName.${c.component}`, { defaultValue: c.component })}
                </Table.Th>
                <Table.Td>{shownValue(c)}</Table.Td>
                <Table.Td ta="right">{format.number(c.weight)}</Table.Td>
                <Table.Td ta="right">{format.percent(c.points)}</Table.Td>
                <Table.Td ta="right" fw={600}>
                  {format.number(c.contribution)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={4}>
                {t('tiers.score')}
              </Table.Th>
              <Table.Td ta="right" fw={800}>
                {score === null ? '—' : format.number(score)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </div>
    </Card>
  );
};

/** What the tier gives now, and every tier side by side. */
const BenefitsCard = ({ tier, catalog }: { tier: MyTier; catalog: TierCatalog | undefined }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const tierName = useTierName();
  const b = tier.benefits;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="tier-benefits"
      data-testid="tier-benefits"
    >
      <Title order={2} fz="h4" id="tier-benefits" mb="sm">
        {t('tiers.benefitsTitle', { tier: tierName(tier.tier) })}
      </Title>
      <FactList
        cols={{ base: 1, sm: 4 }}
        facts={[
          {
            label: t('tiers.benefit.searchBoost'),
            value: t('tiers.boost', { value: format.percent(b.searchBoost) }),
          },
          {
            label: t('tiers.benefit.rfqQuota'),
            value: t('tiers.quota', { count: b.monthlyRfqQuota, value: format.number(b.monthlyRfqQuota) }),
          },
          {
            label: t('tiers.benefit.adCredit'),
            value: t('tiers.perMonth', { value: format.money(b.monthlyAdCredit) }),
          },
          {
            label: t('tiers.benefit.badge'),
            value: tier.tier.badge ? <TierBadgeView tier={tier.tier} size="sm" /> : t('tiers.noBadge'),
          },
        ]}
      />
      {catalog && (
        <>
          <Title order={3} fz="h5" mt="lg" mb="xs">
            {t('tiers.allTiers')}
          </Title>
          <div className="table-scroll">
            <Table withTableBorder data-testid="tier-catalog" miw={560}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tiers.tier')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('tiers.minScore')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('tiers.benefit.searchBoost')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('tiers.benefit.rfqQuota')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('tiers.benefit.adCredit')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {catalog.tiers.map((c) => {
                  const current = c.key === tier.tier.key;
                  return (
                    <Table.Tr key={c.key} bg={current ? 'lane.0' : undefined} fw={current ? 700 : undefined}>
                      <Table.Th scope="row">
                        <Group gap="xs" wrap="nowrap">
                          <TierBadgeView tier={c} size="sm" />
                          {current && (
                            <Text span fz="xs">
                              {t('tiers.yours')}
                            </Text>
                          )}
                        </Group>
                      </Table.Th>
                      <Table.Td ta="right">{format.number(c.minScore)}</Table.Td>
                      <Table.Td ta="right">
                        {t('tiers.boost', { value: format.percent(c.benefits.searchBoost) })}
                      </Table.Td>
                      <Table.Td ta="right">{format.number(c.benefits.monthlyRfqQuota)}</Table.Td>
                      <Table.Td ta="right">{format.money(c.benefits.monthlyAdCredit)}</Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </div>
        </>
      )}
      <Alert color="lane" variant="light" mt="md">
        <Text fz="sm">
          {t('tiers.programsHint')}{' '}
          <Anchor component={Link} to="/supplier/programs" fz="sm">
            {t('tiers.programsLink')}
          </Anchor>
        </Text>
      </Alert>
    </Card>
  );
};
