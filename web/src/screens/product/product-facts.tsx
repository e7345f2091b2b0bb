import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useHsCode } from '../../api/queries';
import type { ProductDetail } from '../../api/types';
import { type Fact, FactList } from '../../components/fact-list';
import { useFormat } from '../../format/use-format';
import { useReference } from '../../reference/use-reference';

/** Trade facts an importer needs before asking for a quote: HS code, capacity, packaging, samples. */
export const ProductFacts = ({ product }: { product: ProductDetail }) => {
  const { t } = useTranslation();
  const format = useFormat();
  const ref = useReference();
  const hs = useHsCode(product.hsCode || undefined);
  const none = t('common.notStated');
  const pkg = product.packageSize;

  const facts: Fact[] = [
    {
      label: t('product.facts.moq'),
      value: `${format.number(product.moq)} ${ref.unitLabel(product.unit, product.moq)}`,
    },
    {
      label: t('product.facts.samplePrice'),
      value: product.samplePrice ? format.money(product.samplePrice) : none,
    },
    {
      label: t('product.facts.capacity'),
      value:
        product.monthlyCapacity !== null
          ? t('product.facts.perMonth', {
              quantity: format.number(product.monthlyCapacity),
              unit: ref.unitLabel(product.unit, product.monthlyCapacity),
            })
          : none,
    },
    {
      label: t('product.facts.package'),
      value: pkg
        ? t('product.facts.packageValue', {
            length: format.number(pkg.lengthCm),
            width: format.number(pkg.widthCm),
            height: format.number(pkg.heightCm),
            weight: format.number(pkg.weightKg),
          })
        : none,
    },
    {
      label: t('product.facts.hsCode'),
      value: product.hsCode ? (
        <span>
          <strong>{product.hsCode}</strong>
          {/* The HS nomenclature is published in English only. */}
          {hs.data?.description ? <span lang="en"> · {hs.data.description}</span> : null}
        </span>
      ) : (
        none
      ),
    },
    {
      label: t('product.facts.origin'),
      value: product.originProvince ? ref.provinceName(product.originProvince) : none,
    },
    {
      label: t('product.facts.certifications'),
      value:
        product.certifications.length > 0 ? (
          <Group gap={4} component="span">
            {product.certifications.map((c) => (
              <Badge
                key={c}
                variant="outline"
                color="gray"
                radius="sm"
                styles={{ label: { color: 'var(--mantine-color-gray-8)' } }}
              >
                {c}
              </Badge>
            ))}
          </Group>
        ) : (
          none
        ),
    },
    {
      label: t('product.facts.customization'),
      value: product.customizationOptions.length > 0 ? product.customizationOptions.join(', ') : none,
    },
  ];
  return <FactList facts={facts} cols={{ base: 1, sm: 2 }} />;
};
