import { Button, Card, Container, Group, Skeleton, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDeclarations } from '../../api/declaration-queries';
import type { DeclarationSummary } from '../../api/declaration-types';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';
import { DeclarationStatusBadge } from './declaration-parts';

export const DeclarationsScreen = () => <SignedInGate>{(me) => <DeclarationList me={me} />}</SignedInGate>;

const DeclarationList = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const kind = me.company.kind;
  const allowed = kind === 'supplier' || kind === 'operator';
  const declarations = useDeclarations({}, allowed);
  useDocumentTitle(t('declarations.title'));

  if (!allowed) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('declarations.title')}
        </Title>
        <Text mt="sm">{t('declarations.suppliersOnly')}</Text>
      </Container>
    );
  }

  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('declarations.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {kind === 'operator' ? t('declarations.subtitleOperator') : t('declarations.subtitle')}
            </Text>
          </div>
          <Group gap="sm">
            <Button component={Link} to="/rebates" variant="default" data-testid="to-rebates">
              {t('rebates.title')}
            </Button>
            {kind === 'supplier' && (
              <Button component={Link} to="/declarations/new" data-testid="new-declaration">
                {t('declarations.new')}
              </Button>
            )}
          </Group>
        </Group>
        {declarations.isError && (
          <QueryError error={declarations.error} onRetry={() => declarations.refetch()} />
        )}
        {declarations.isPending && (
          <Stack aria-busy="true">
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} height={72} />
            ))}
          </Stack>
        )}
        {declarations.data && declarations.data.length === 0 && (
          <Card withBorder padding="xl" data-testid="declarations-empty">
            <Stack align="center" gap="sm" ta="center">
              <Text fw={700} fz="lg">
                {t('declarations.empty.title')}
              </Text>
              <Text c="dimmed" maw={480}>
                {kind === 'operator' ? t('declarations.empty.operator') : t('declarations.empty.supplier')}
              </Text>
            </Stack>
          </Card>
        )}
        {declarations.data && declarations.data.length > 0 && (
          <Card withBorder padding={0}>
            <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {declarations.data.map((d, i) => (
                <li
                  key={d.id}
                  style={i > 0 ? { borderTop: '1px solid var(--mantine-color-gray-2)' } : undefined}
                >
                  <DeclarationRow row={d} />
                </li>
              ))}
            </Stack>
          </Card>
        )}
      </Stack>
    </Container>
  );
};

const DeclarationRow = ({ row }: { row: DeclarationSummary }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <UnstyledButton
      component={Link}
      to={`/declarations/${row.id}`}
      className="inbox-row"
      data-testid="declaration-row"
      data-declaration-id={row.id}
      p="md"
      w="100%"
      display="block"
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text fw={600} ff="monospace" style={{ overflowWrap: 'anywhere' }}>
            {row.number}
          </Text>
          <Text fz="sm" c="dimmed" truncate="end">
            {[
              t('declarations.row.destination', { country: format.country(row.destinationCountry) }),
              t('declarations.row.lines', { count: row.lineCount }),
              row.orderId ? t('declarations.row.order', { id: row.orderId }) : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Group gap="xs">
            <DeclarationStatusBadge status={row.status} />
            <Text fz="xs" c="dimmed">
              {format.date(row.createdAt)}
            </Text>
          </Group>
        </Stack>
        <Text fw={700} style={{ flexShrink: 0 }} data-testid="declaration-row-value">
          {format.money({ amount: row.totalValue, currency: row.currency })}
        </Text>
      </Group>
    </UnstyledButton>
  );
};
