import {
  Alert,
  Anchor,
  Badge,
  Box,
  Button,
  Card,
  Container,
  Grid,
  Group,
  List,
  Paper,
  SimpleGrid,
  Skeleton,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { declarationDocumentUrl, useDeclaration } from '../../api/declaration-queries';
import type { ComplianceFinding, Declaration, DeclarationDocumentKind } from '../../api/declaration-types';
import { CopyValue } from '../../components/copy-value';
import { FactList } from '../../components/fact-list';
import { NotFound } from '../../components/not-found';
import { isNotFound, QueryError } from '../../components/query-error';
import { SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useLocale } from '../../i18n/use-locale';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useReference } from '../../reference/use-reference';
import { DeclarationActions } from './declaration-actions';
import { FxBox, RebateBox } from './declaration-money';
import { DeclarationStatusBadge, useQuantityText } from './declaration-parts';
import { DeclarationTimeline, mismatchProblems } from './declaration-timeline';

export const DeclarationScreen = () => <SignedInGate>{() => <DeclarationLoader />}</SignedInGate>;

const DeclarationLoader = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const declaration = useDeclaration(id);
  useDocumentTitle(
    declaration.data
      ? t('declarations.view.title', { number: declaration.data.number })
      : t('declarations.view.loading'),
  );
  if (declaration.isError && isNotFound(declaration.error)) return <NotFound />;
  if (declaration.isError) {
    return (
      <Container size="xl" py="lg">
        <QueryError error={declaration.error} onRetry={() => declaration.refetch()} />
      </Container>
    );
  }
  if (!declaration.data) {
    return (
      <Container size="xl" py="lg" aria-busy="true">
        <Skeleton height={32} width="50%" />
        <Skeleton height={260} mt="lg" />
      </Container>
    );
  }
  return <DeclarationPage declaration={declaration.data} />;
};

const DeclarationPage = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const last = declaration.timeline.at(-1);
  const problems = declaration.status === 'vat_invoice_mismatch' ? mismatchProblems(last) : [];
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <div>
          <Anchor component={Link} to="/declarations" fz="sm">
            {t('declarations.backToList')}
          </Anchor>
          <Group gap="sm" mt={4} wrap="wrap" align="center">
            <Title
              order={1}
              fz={{ base: 'h3', sm: 'h2' }}
              ff="monospace"
              style={{ overflowWrap: 'anywhere' }}
              data-testid="declaration-number"
            >
              {declaration.number}
            </Title>
            <DeclarationStatusBadge status={declaration.status} />
            <Badge variant="light" radius="sm" tt="none" data-testid="valuation-basis">
              {t('declarations.view.valuation', { basis: declaration.valuationBasis })}
            </Badge>
          </Group>
          <Text fz="sm" c="dimmed" mt={4} style={{ overflowWrap: 'anywhere' }}>
            {t('declarations.view.subtitle', {
              date: format.date(declaration.createdAt),
              exporter: declaration.exporter.name,
              consignee: declaration.consignee.name,
              country: format.country(declaration.destinationCountry),
            })}
          </Text>
        </div>

        {declaration.status === 'customs_rejected' && (
          <Alert color="red" title={t('declarations.view.customsRejected')} data-testid="customs-rejected">
            <Text fz="sm">{last?.note || t('declarations.view.customsRejectedBody')}</Text>
          </Alert>
        )}
        {problems.length > 0 && (
          <Alert color="orange" title={t('declarations.view.mismatchTitle')} data-testid="vat-mismatch">
            <List size="sm" spacing={2}>
              {problems.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
            <Text fz="sm" mt="xs">
              {t('declarations.view.mismatchBody')}
            </Text>
          </Alert>
        )}

        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <Stack gap="lg">
              <DeclarationActions declaration={declaration} />
              <Documents declaration={declaration} />
              <Findings declaration={declaration} />
              <Lines declaration={declaration} />
              <FxBox declaration={declaration} />
              <RebateBox declaration={declaration} />
              <DeclarationTimeline declaration={declaration} />
            </Stack>
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Stack gap="lg">
              <Shipment declaration={declaration} />
              <Parties declaration={declaration} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </Container>
  );
};

const DOCUMENTS: { kind: DeclarationDocumentKind; testId: string }[] = [
  { kind: 'invoice', testId: 'doc-invoice' },
  { kind: 'packing-list', testId: 'doc-packing-list' },
  { kind: 'declaration', testId: 'doc-declaration' },
];

/** The commercial invoice, the packing list and the declaration sheet, as PDFs: near the top, phones too. */
const Documents = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declaration-documents">
      <Title order={2} fz="h4" id="declaration-documents" mb="xs">
        {t('declarations.documents.title')}
      </Title>
      <Text fz="xs" c="dimmed" mb="sm">
        {t('declarations.documents.hint')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        {DOCUMENTS.map((doc) => (
          <Button
            key={doc.kind}
            component="a"
            href={declarationDocumentUrl(declaration.id, doc.kind)}
            download
            variant="default"
            justify="space-between"
            rightSection={
              <Text span fz="xs" c="dimmed">
                PDF
              </Text>
            }
            data-testid={doc.testId}
          >
            {t(`declarations.documents.${doc.kind}`)}
          </Button>
        ))}
      </SimpleGrid>
    </Card>
  );
};

const Shipment = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declaration-shipment">
      <Title order={2} fz="h4" id="declaration-shipment" mb="md">
        {t('declarations.view.shipment')}
      </Title>
      <FactList
        cols={{ base: 2, sm: 2 }}
        facts={[
          {
            label: t('declarations.view.totalValue'),
            value: (
              <Text span fw={700} fz="sm" data-testid="declaration-total">
                {format.money({ amount: declaration.totalValue, currency: declaration.currency })}
              </Text>
            ),
          },
          {
            label: t('declarations.view.valuationBasis'),
            value: t(`declarations.view.basis.${declaration.valuationBasis}`),
          },
          { label: t('declarations.form.incoterm'), value: declaration.incoterm },
          {
            label: t('declarations.form.transportMode'),
            value: t(`declarations.mode.${declaration.transportMode}`),
          },
          { label: t('declarations.form.portOfLoading'), value: declaration.portOfLoading },
          {
            label: t('declarations.form.destination'),
            value: format.country(declaration.destinationCountry),
          },
          {
            label: t('declarations.view.declarant'),
            value: t(`declarations.declarantRole.${declaration.declarantRole}`),
          },
          {
            label: t('declarations.view.exportedOn'),
            value: declaration.exportedOn
              ? format.day(declaration.exportedOn)
              : t('declarations.view.notYet'),
          },
          ...(declaration.orderId
            ? [
                {
                  label: t('declarations.view.order'),
                  value: (
                    <Anchor
                      component={Link}
                      to={`/orders/${declaration.orderId}`}
                      fz="sm"
                      style={{ overflowWrap: 'anywhere' }}
                      data-testid="declaration-order"
                    >
                      {declaration.orderId}
                    </Anchor>
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
};

const Parties = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const { exporter, consignee } = declaration;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declaration-parties">
      <Title order={2} fz="h4" id="declaration-parties" mb="md">
        {t('declarations.view.parties')}
      </Title>
      <Stack gap="md">
        <div data-testid="declaration-exporter">
          <Label>{t('declarations.form.exporter')}</Label>
          <Text fw={600} fz="sm">
            {exporter.name}
          </Text>
          {exporter.localName && (
            <Text fz="sm" lang="zh-CN">
              {exporter.localName}
            </Text>
          )}
          {exporter.address && (
            <Text fz="xs" c="dimmed">
              {exporter.address}
            </Text>
          )}
          {exporter.taxId && (
            <Box mt={4}>
              <Text fz="xs" c="dimmed">
                {t('declarations.form.taxId')}
              </Text>
              <CopyValue value={exporter.taxId} label={t('declarations.form.taxId')} fz="sm" />
            </Box>
          )}
        </div>
        <div data-testid="declaration-consignee">
          <Label>{t('declarations.form.consignee')}</Label>
          <Text fw={600} fz="sm">
            {consignee.name}
          </Text>
          <Text fz="xs" c="dimmed">
            {[consignee.address, format.country(consignee.country)].filter(Boolean).join(' · ')}
          </Text>
          {consignee.taxId && (
            <Text fz="xs" c="dimmed">
              {t('declarations.form.consigneeTaxId')}: {consignee.taxId}
            </Text>
          )}
        </div>
      </Stack>
    </Card>
  );
};

const Label = ({ children }: { children: string }) => (
  <Text fz="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: '0.02em' }}>
    {children}
  </Text>
);

/** Licence flags and plausibility warnings found when the draft was checked. */
const Findings = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const findings = declaration.findings;
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-labelledby="declaration-findings"
      data-testid="declaration-findings"
    >
      <Title order={2} fz="h4" id="declaration-findings" mb="sm">
        {t('declarations.findings.title')}
      </Title>
      {findings.length === 0 ? (
        <Text fz="sm" c="teal.9" data-testid="findings-none">
          {t('declarations.findings.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          {findings.map((f) => (
            <Alert
              key={`${f.code}-${f.field}`}
              color={f.level === 'licence' ? 'orange' : f.level === 'refusal' ? 'red' : 'yellow'}
              variant="light"
              p="xs"
              data-testid="finding"
              data-level={f.level}
            >
              <Group gap="xs" wrap="nowrap" align="flex-start">
                <Badge
                  color={f.level === 'licence' ? 'orange.9' : f.level === 'refusal' ? 'red.9' : 'yellow.9'}
                  radius="sm"
                  tt="none"
                  style={{ flexShrink: 0 }}
                >
                  {t(`declarations.findings.level.${f.level}`)}
                </Badge>
                <FindingText finding={f} />
              </Group>
            </Alert>
          ))}
        </Stack>
      )}
    </Card>
  );
};

/**
 * A finding in the reader's language where its code is known; the server's
 * sentence (in English, with the figures) follows as the detail.
 */
const FindingText = ({ finding }: { finding: ComplianceFinding }) => {
  const { t } = useTranslation();
  const { lang } = useLocale();
  const headline = t(`declarations.findings.code.${finding.code}`, {
    line: finding.lineNo,
    defaultValue: '',
  });
  if (lang === 'en' || !headline) return <Text fz="sm">{finding.message}</Text>;
  return (
    <div>
      <Text fz="sm" fw={600}>
        {headline}
      </Text>
      <Text fz="xs" c="dimmed" lang="en">
        {finding.message}
      </Text>
    </div>
  );
};

/** The declared goods: a table from tablet width up, one block per line on phones. */
const Lines = ({ declaration }: { declaration: Declaration }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const quantityText = useQuantityText();
  const money = (amount: string) => format.money({ amount, currency: declaration.currency });
  const kg = (value: number) => `${format.number(value)} kg`;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="declaration-lines">
      <Title order={2} fz="h4" id="declaration-lines" mb="sm">
        {t('declarations.view.lines')}
      </Title>
      <Box visibleFrom="sm" className="table-scroll">
        <Table withTableBorder fz="sm" verticalSpacing={6} data-testid="declaration-lines-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">#</Table.Th>
              <Table.Th scope="col">{t('declarations.form.description')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.form.quantity')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.view.unitPrice')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.view.value')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.view.weights')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('declarations.form.packages')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {declaration.lines.map((l) => (
              <Table.Tr key={l.lineNo} data-testid="declaration-line-row">
                <Table.Td>{l.lineNo}</Table.Td>
                <Table.Td style={{ minWidth: 180 }}>
                  <Text fz="sm">{l.description}</Text>
                  <Text fz="xs" c="dimmed">
                    <Text span ff="monospace" fz="xs" data-testid="line-hs">
                      HS {l.hsCode}
                    </Text>
                    {l.tariffCode && (
                      <Text span ff="monospace" fz="xs">
                        {' '}
                        · {l.tariffCode}
                      </Text>
                    )}{' '}
                    · {ref.provinceName(l.originProvince)}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {quantityText(l.quantity, l.unit)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {money(l.unitPrice)}
                </Table.Td>
                <Table.Td ta="right" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {money(l.value)}
                </Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {kg(l.netWeightKg)}
                  <Text fz="xs" c="dimmed">
                    {t('declarations.view.gross', { weight: kg(l.grossWeightKg) })}
                  </Text>
                </Table.Td>
                <Table.Td ta="right">{format.number(l.packages)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row" colSpan={4} ta="right">
                {t('declarations.view.totalValue')}
              </Table.Th>
              <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                {money(declaration.totalValue)}
              </Table.Td>
              <Table.Td />
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Box>
      <Stack gap="xs" hiddenFrom="sm" data-testid="declaration-lines-compact">
        {declaration.lines.map((l) => (
          <Paper key={l.lineNo} withBorder p="sm" radius="sm">
            <Text fz="sm" fw={600}>
              {l.lineNo}. {l.description}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace">
              HS {l.hsCode}
              {l.tariffCode ? ` · ${l.tariffCode}` : ''}
            </Text>
            <Group justify="space-between" gap="xs" mt={4} wrap="nowrap">
              <Text fz="sm" c="dimmed">
                {quantityText(l.quantity, l.unit)} × {money(l.unitPrice)}
              </Text>
              <Text fz="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
                {money(l.value)}
              </Text>
            </Group>
            <Text fz="xs" c="dimmed">
              {t('declarations.view.lineFacts', {
                net: kg(l.netWeightKg),
                gross: kg(l.grossWeightKg),
                packages: format.number(l.packages),
                province: ref.provinceName(l.originProvince),
              })}
            </Text>
          </Paper>
        ))}
        <Group justify="space-between" px="sm">
          <Text fw={700}>{t('declarations.view.totalValue')}</Text>
          <Text fw={700}>{money(declaration.totalValue)}</Text>
        </Group>
      </Stack>
    </Card>
  );
};
