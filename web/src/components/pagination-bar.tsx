import { Center, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Props = { total: number; page: number; pageSize: number; onChange: (page: number) => void };

export const PaginationBar = ({ total, page, pageSize, onChange }: Props) => {
  const { t } = useTranslation();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  return (
    <Center component="nav" aria-label={t('pagination.label')} mt="xl">
      <Pagination
        total={pages}
        value={Math.min(page, pages)}
        onChange={onChange}
        siblings={1}
        boundaries={1}
        getItemProps={(p) => ({ 'aria-label': t('pagination.page', { page: p }) })}
        getControlProps={(control) => {
          const labels = {
            first: t('pagination.first'),
            previous: t('pagination.previous'),
            next: t('pagination.next'),
            last: t('pagination.last'),
          } as const;
          return { 'aria-label': labels[control] };
        }}
      />
    </Center>
  );
};
