import { Button, Card, Container, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCompanyProducts, useCsvFormats } from '../../api/queries';
import { CsvImportCard } from '../../components/csv-import-card';
import { PaginationBar } from '../../components/pagination-bar';
import { ProductGrid, ProductGridSkeleton } from '../../components/product-grid';
import { QueryError } from '../../components/query-error';
import { type Member, SignedInGate } from '../../components/signed-in-gate';
import { useFormat } from '../../format/use-format';
import { useDocumentTitle } from '../../layout/use-document-title';

const PAGE_SIZE = 12;

/** `POST /api/products/import` answers the listed products' ids. */
type ProductImport = { imported: number; ids: string[] };

/** The supplier's catalogue: its products, one new product, or many from a CSV file. */
export const SupplierProductsScreen = () => (
  <SignedInGate>{(me) => <SupplierProducts me={me} />}</SignedInGate>
);

const SupplierProducts = ({ me }: { me: Member }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const queryClient = useQueryClient();
  const [page, setPage] = useState(1);
  const supplier = me.company.kind === 'supplier';
  const products = useCompanyProducts(supplier ? me.company.id : '', page, PAGE_SIZE);
  const formats = useCsvFormats();
  useDocumentTitle(t('supplierProducts.title'));

  if (!supplier) {
    return (
      <Container size="sm" py="xl">
        <Title order={1} fz="h2">
          {t('supplierProducts.title')}
        </Title>
        <Text mt="sm">{t('supplierProducts.suppliersOnly')}</Text>
      </Container>
    );
  }
  return (
    <Container size="xl" py="lg">
      <Stack gap="lg">
        <Group justify="space-between" align="flex-end" wrap="wrap">
          <div>
            <Title order={1} fz={{ base: 'h3', sm: 'h2' }}>
              {t('supplierProducts.title')}
            </Title>
            <Text c="dimmed" fz="sm">
              {products.data
                ? t('supplierProducts.count', {
                    count: products.data.total,
                    total: format.number(products.data.total),
                  })
                : t('supplierProducts.subtitle')}
            </Text>
          </div>
          <Button component={Link} to="/supplier/products/new" data-testid="new-product">
            {t('supplierProducts.new')}
          </Button>
        </Group>
        <CsvImportCard<ProductImport>
          title={t('supplierProducts.import.title')}
          hint={t('supplierProducts.import.hint')}
          path="/api/products/import"
          columns={formats.data?.products}
          templateName="tradelane-products.csv"
          done={(result) => t('supplierProducts.import.done', { count: result.imported })}
          onImported={() =>
            Promise.all(
              ['company-products', 'search'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })),
            )
          }
          testId="product-import"
        />
        <section aria-label={t('supplierProducts.listLabel')}>
          {products.isError && <QueryError error={products.error} onRetry={() => products.refetch()} />}
          {products.isPending && <ProductGridSkeleton count={4} />}
          {products.data && products.data.total === 0 && (
            <Card withBorder padding="xl">
              <Text c="dimmed" ta="center" data-testid="no-products">
                {t('supplierProducts.empty')}
              </Text>
            </Card>
          )}
          {products.data && products.data.items.length > 0 && (
            <>
              <ProductGrid items={products.data.items} headingOrder={2} dimmed={products.isPlaceholderData} />
              <PaginationBar
                total={products.data.total}
                page={page}
                pageSize={PAGE_SIZE}
                onChange={setPage}
              />
            </>
          )}
        </section>
      </Stack>
    </Container>
  );
};
