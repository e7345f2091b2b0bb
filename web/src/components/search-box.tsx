import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

type Props = { initial?: string; onSearch: (q: string) => void; size?: 'md' | 'lg' };

export const SearchBox = ({ initial = '', onSearch, size = 'md' }: Props) => {
  const { t } = useTranslation();
  const [value, setValue] = useState(initial);
  const id = useId();
  // Back/forward navigation changes the query in the URL; follow it.
  useEffect(() => {
    setValue(initial);
  }, [initial]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(value.trim());
  };

  return (
    // <search> is the landmark; older browsers treat it as a plain block, which is harmless.
    <search style={{ display: 'block', width: '100%' }}>
      <form onSubmit={submit}>
        <Group gap="xs" wrap="nowrap" align="flex-end">
          <TextInput
            id={id}
            type="search"
            aria-label={t('search.inputLabel')}
            placeholder={t('search.placeholder')}
            value={value}
            onChange={(event) => setValue(event.currentTarget.value)}
            size={size}
            style={{ flex: 1 }}
            name="q"
            autoComplete="off"
          />
          <Button type="submit" size={size}>
            {t('search.submit')}
          </Button>
        </Group>
      </form>
    </search>
  );
};
