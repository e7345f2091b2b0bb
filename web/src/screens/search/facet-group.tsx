import { Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormat } from '../../format/use-format';

export type FacetOption = { key: string; label: string; count: number; href: string; selected: boolean };

type Props = { id: string; title: string; options: FacetOption[] };

/** One facet: each value is a link to the filtered URL; a selected value links back to unfiltered. */
export const FacetGroup = ({ id, title, options }: Props) => {
  const { t } = useTranslation();
  const format = useFormat();
  // A zero-count value would only lead to an empty page; keep it only if it is the active filter.
  const shown = options.filter((option) => option.count > 0 || option.selected);
  if (shown.length === 0) return null;
  return (
    <Stack component="section" aria-labelledby={id} gap={4} data-testid={id}>
      <Title order={3} id={id} fz="sm" fw={700}>
        {title}
      </Title>
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {shown.map((option) => (
          <li key={option.key}>
            <Link
              to={option.href}
              className="facet-item"
              aria-current={option.selected ? 'true' : undefined}
              title={option.selected ? t('search.facets.remove') : undefined}
              data-testid="facet-option"
            >
              <span>
                {option.selected ? '✓ ' : ''}
                {option.label}
              </span>
              <Text span fz="xs" c="dimmed" aria-hidden="true">
                {format.number(option.count)}
              </Text>
              <VisuallyHidden>
                {t('search.facets.countLabel', { count: format.number(option.count) })}
              </VisuallyHidden>
            </Link>
          </li>
        ))}
      </ul>
    </Stack>
  );
};
