import { Container, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useCompany, useCompanyProducts } from '../../api/queries';
import { CompanyCardView } from '../../components/company-card';
import { NotFound } from '../../components/not-found';
import { PaginationBar } from '../../components/pagination-bar';
import { ProductGrid, ProductGridSkeleton } from '../../components/product-grid';
import { isNotFound, QueryError } from '../../components/query-error';
import { useDocumentTitle } from '../../layout/use-document-title';
import { ShowcaseStrip } from './showcase-strip';

const PAGE_SIZE = 12;

export const SupplierScreen = () => {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const company = useCompany(id);
  const products = useCompanyProducts(id, page, PAGE_SIZE);
  useDocumentTitle(company.data?.name);

  if (company.isError && isNotFound(company.error)) return <NotFound />;

  return (
    <Container size="xl" py="lg">
      <Stack gap="xl">
        {company.isError && <QueryError error={company.error} onRetry={() => company.refetch()} />}
        {company.isPending && <Skeleton height={220} />}
        {company.data && (
          <CompanyCardView
            company={company.data}
            detail={company.data}
            headingOrder={1}
            title={t('showroom.kicker')}
            cols={{ base: 2, sm: 3 }}
          />
        )}
        <ShowcaseStrip companyId={id} />
        <Stack component="section" aria-labelledby="showroom-products" gap="md">
          <div>
            <Title order={2} id="showroom-products">
              {t('showroom.products')}
            </Title>
            {products.data && (
              <Text fz="sm" c="dimmed">
                {t('search.resultCount', { count: products.data.total })}
              </Text>
            )}
          </div>
          {products.isError && <QueryError error={products.error} onRetry={() => products.refetch()} />}
          {products.isPending && <ProductGridSkeleton count={8} />}
          {products.data && products.data.items.length === 0 && <Text c="dimmed">{t('showroom.empty')}</Text>}
          {products.data && products.data.items.length > 0 && (
            <ProductGrid
              items={products.data.items}
              headingOrder={3}
              dimmed={products.isPlaceholderData}
              showSupplier={false}
            />
          )}
          {products.data && (
            <PaginationBar
              total={products.data.total}
              page={page}
              pageSize={PAGE_SIZE}
              onChange={(next) => {
                navigate(next > 1 ? `?page=${next}` : '?');
                window.scrollTo({ top: 0 });
              }}
            />
          )}
        </Stack>
      </Stack>
    </Container>
  );
};
