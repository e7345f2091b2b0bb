import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isUiLang, UI_LANGS } from '../i18n/languages';
import { useLocale } from '../i18n/use-locale';

export const LanguageSwitch = () => {
  const { t, i18n } = useTranslation();
  const { lang } = useLocale();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('header.language')}
      value={lang}
      onChange={(value) => {
        if (isUiLang(value)) void i18n.changeLanguage(value);
      }}
      data={UI_LANGS.map((code) => ({
        value: code,
        // Each language is named in itself, so a reader can find theirs.
        label: <span lang={code}>{t(`languageSwitch.${code}`)}</span>,
      }))}
    />
  );
};
