import { useMemo } from 'react';
import { indexFormat } from '../../../../src/modules/insights/charts/index.js';
import { useLocale } from '../../i18n/use-locale';

/** The index's own number, money and name formatting (the PDF's too) in the UI language. */
export const useIndexFormat = () => {
  const { lang } = useLocale();
  return useMemo(() => indexFormat(lang), [lang]);
};
