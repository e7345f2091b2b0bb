import { Accordion, Anchor, Group, Progress, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useRfqMatches } from '../../api/queries';
import type { MatchComponents, Rfq } from '../../api/types';
import { MatchReasons } from '../../components/match-reasons';
import { QueryError } from '../../components/query-error';
import { VerificationBadge } from '../../components/verification-badge';
import { useFormat } from '../../format/use-format';

const COMPONENTS: (keyof MatchComponents)[] = [
  'category',
  'text',
  'moq',
  'capacity',
  'credibility',
  'tier',
  'market',
];

/** The suppliers the matcher invited, best first, with the facts behind each score. */
export const InvitedSuppliers = ({ rfq }: { rfq: Rfq }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const matches = useRfqMatches(rfq.id, rfq.status !== 'draft');

  if (rfq.status === 'draft') {
    return <Text c="dimmed">{t('invited.draft')}</Text>;
  }
  if (matches.isError) return <QueryError error={matches.error} onRetry={() => matches.refetch()} />;
  if (matches.isPending) return <Skeleton height={120} />;
  if (matches.data.items.length === 0) {
    return (
      <Text c="dimmed" data-testid="invited-empty">
        {rfq.visibility === 'public' ? t('invited.noneButPublic') : t('invited.none')}
      </Text>
    );
  }

  return (
    <Accordion variant="separated" radius="md" chevronPosition="right" data-testid="invited-suppliers">
      {matches.data.items.map((match) => (
        <Accordion.Item key={match.supplier.id} value={match.supplier.id} data-testid="invited-supplier">
          <Accordion.Control>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
                <Text fz="sm" c="dimmed" w={24} ta="right" style={{ flexShrink: 0 }}>
                  {format.number(match.rank)}
                </Text>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600} fz="sm" lineClamp={2}>
                    {match.supplier.name}
                  </Text>
                  <Group gap={6}>
                    <VerificationBadge level={match.supplier.verificationLevel} />
                    <Text fz="xs" c="dimmed">
                      {format.country(match.supplier.country)}
                    </Text>
                  </Group>
                </Stack>
              </Group>
              <Stack gap={2} align="flex-end" style={{ flexShrink: 0 }} w={{ base: 100, sm: 160 }}>
                <Text fz="sm" fw={700} data-testid="match-score">
                  {t('invited.score', { percent: format.percent(match.score) })}
                </Text>
                <Progress value={match.score * 100} size="sm" w="100%" aria-hidden="true" />
              </Stack>
            </Group>
          </Accordion.Control>
          <Accordion.Panel>
            <Stack gap="sm">
              <Text fz="sm" fw={600}>
                {t('invited.why')}
              </Text>
              <MatchReasons reasons={match.reasons} />
              <Stack gap={4} component="dl" m={0}>
                {COMPONENTS.map((key) => (
                  <Group key={key} gap="sm" wrap="nowrap">
                    <Text component="dt" fz="xs" c="dimmed" w={140} style={{ flexShrink: 0 }}>
                      {t(`invited.components.${key}`)}
                    </Text>
                    <Text component="dd" m={0} fz="xs" style={{ flex: 1 }}>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={match.components[key] * 100}
                          size="sm"
                          style={{ flex: 1 }}
                          aria-hidden="true"
                        />
                        <Text span fz="xs" w={40} ta="right" style={{ flexShrink: 0 }}>
                          {format.percent(match.components[key])}
                        </Text>
                      </Group>
                    </Text>
                  </Group>
                ))}
              </Stack>
              <Anchor component={Link} to={`/suppliers/${match.supplier.id}`} fz="sm">
                {t('company.visitShowroom')}
              </Anchor>
            </Stack>
          </Accordion.Panel>
        </Accordion.Item>
      ))}
    </Accordion>
  );
};
