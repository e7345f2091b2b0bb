import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useTaxonomy } from '../api/queries';
import type { TransportMode } from '../api/types';
import { useFormat } from '../format/use-format';
import { COUNTRIES, CURRENCIES, INCOTERMS, incotermAllowed, UNITS } from '../reference/trade';

type Props = Omit<SelectProps, 'data'>;

/**
 * Categories and sub-categories (industries are too broad to match on),
 * grouped by industry and searchable in the UI language.
 */
export const CategorySelect = (props: Props) => {
  const { t } = useTranslation();
  const taxonomy = useTaxonomy();
  const format = useFormat();
  const data = useMemo(() => {
    const nodes = taxonomy.data?.nodes ?? [];
    const byCode = new Map(nodes.map((node) => [node.code, node]));
    return nodes
      .filter((node) => node.level === 'industry')
      .map((industry) => ({
        group: format.localized(industry.name),
        items: nodes
          .filter((node) => node.level !== 'industry' && node.code.startsWith(`${industry.code}/`))
          .map((node) => {
            const parent = node.level === 'subcategory' && node.parent ? byCode.get(node.parent) : undefined;
            const name = format.localized(node.name);
            return { value: node.code, label: parent ? `${format.localized(parent.name)} › ${name}` : name };
          }),
      }))
      .filter((group) => group.items.length > 0);
  }, [taxonomy.data, format]);
  return (
    <Select
      searchable
      data={data}
      nothingFoundMessage={t('forms.nothingFound')}
      maxDropdownHeight={320}
      disabled={taxonomy.isPending}
      {...props}
    />
  );
};

export const CountrySelect = (props: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useMemo(() => {
    const collator = new Intl.Collator(format.locale);
    return COUNTRIES.map((code) => ({ value: code, label: format.country(code) })).sort((a, b) =>
      collator.compare(a.label, b.label),
    );
  }, [format]);
  return <Select searchable data={data} nothingFoundMessage={t('forms.nothingFound')} {...props} />;
};

export const CurrencySelect = (props: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  const data = useMemo(
    () => CURRENCIES.map((code) => ({ value: code, label: `${code} · ${format.currencyName(code)}` })),
    [format],
  );
  return <Select searchable data={data} nothingFoundMessage={t('forms.nothingFound')} {...props} />;
};

export const UnitSelect = (props: Props) => {
  const { t } = useTranslation();
  const data = UNITS.map((unit) => ({ value: unit, label: t(`units.${unit}`, { count: 2 }) }));
  return <Select data={data} {...props} />;
};

/** Sea-only rules (FAS, FOB, CFR, CIF) are offered but disabled unless the mode is sea. */
export const IncotermSelect = ({ mode, ...props }: Props & { mode: TransportMode }) => {
  const { t } = useTranslation();
  const data = INCOTERMS.map((code) => {
    const allowed = incotermAllowed(code, mode);
    return {
      value: code,
      label: allowed
        ? `${code} · ${t(`incoterms.${code}`)}`
        : `${code} · ${t(`incoterms.${code}`)} (${t('incoterms.seaOnly')})`,
      disabled: !allowed,
    };
  });
  return <Select data={data} {...props} />;
};
