import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title as "<page> · Tradelane"; null means just the app name. */
export const useDocumentTitle = (page: string | null | undefined) => {
  const { t } = useTranslation();
  const app = t('app.name');
  useEffect(() => {
    if (page === undefined) return;
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
};
