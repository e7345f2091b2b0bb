import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SearchInterpretation, SearchLang } from '../../api/types';

const LANGS: SearchLang[] = ['en', 'zh', 'es'];

/** Shows how the server read the query (translations, typo fixes), so surprising matches make sense. */
export const InterpretationLine = ({
  interpretation,
  typed,
}: {
  interpretation: SearchInterpretation;
  typed: string;
}) => {
  const { t } = useTranslation();
  const corrections = Object.entries(interpretation.corrections ?? {});
  const queries = LANGS.flatMap((lang) => {
    const query = interpretation.queries?.[lang];
    return query ? [{ lang, query }] : [];
  });
  // Nothing worth saying if the only reading is exactly what was typed.
  const onlyEcho = queries.length <= 1 && queries.every((q) => q.query.trim() === typed.trim());
  if (corrections.length === 0 && onlyEcho) return null;

  return (
    <Text fz="sm" c="dimmed" data-testid="interpretation">
      {corrections.length > 0 && (
        <>
          {t('search.interpretation.corrected')}{' '}
          {corrections.map(([from, to], i) => (
            <span key={from}>
              {i > 0 && ', '}
              <s>{from}</s> → <strong>{to}</strong>
            </span>
          ))}
          {queries.length > 0 && '. '}
        </>
      )}
      {queries.length > 0 && (
        <>
          {t('search.interpretation.searchedFor')}{' '}
          {queries.map(({ lang, query }, i) => (
            <span key={lang}>
              {i > 0 && ' · '}
              <span lang={lang === 'zh' ? 'zh-CN' : lang}>
                {t('search.interpretation.quoted', { text: query })}
              </span>
              {t('search.interpretation.inLanguage', { language: t(`languageName.${lang}`) })}
            </span>
          ))}
        </>
      )}
    </Text>
  );
};
