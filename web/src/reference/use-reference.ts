import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useProvinces, useTaxonomy } from '../api/queries';
import type { TaxonomyNode } from '../api/types';
import { useFormat } from '../format/use-format';

/** Names for codes the API returns (categories, provinces, units) in the UI language. */
export const useReference = () => {
  const taxonomy = useTaxonomy();
  const provinces = useProvinces();
  const format = useFormat();
  const { t } = useTranslation();

  return useMemo(() => {
    const nodes = new Map<string, TaxonomyNode>(
      (taxonomy.data?.nodes ?? []).map((node) => [node.code, node]),
    );
    const provinceByCode = new Map((provinces.data?.provinces ?? []).map((p) => [p.code, p]));
    return {
      taxonomyStatus: taxonomy.status,
      taxonomyError: taxonomy.error,
      industries: (taxonomy.data?.nodes ?? []).filter((node) => node.level === 'industry'),
      node: (code: string) => nodes.get(code),
      categoryName: (code: string) => {
        const node = nodes.get(code);
        return node ? format.localized(node.name) : code;
      },
      /** Breadcrumb from industry down to the given category. */
      categoryPath: (code: string): TaxonomyNode[] => {
        const path: TaxonomyNode[] = [];
        let current = nodes.get(code);
        // The guard stops a malformed parent cycle from hanging the page.
        while (current && path.length < 5) {
          path.unshift(current);
          current = current.parent ? nodes.get(current.parent) : undefined;
        }
        return path;
      },
      provinceName: (code: string) => {
        const province = provinceByCode.get(code);
        return province ? format.localized(province.name) : code;
      },
      // Units the catalogue uses get translated names; anything else shows as sent.
      unitLabel: (unit: string, count: number) => t(`units.${unit}`, { count, defaultValue: unit }),
    };
  }, [taxonomy.data, taxonomy.status, taxonomy.error, provinces.data, format, t]);
};
