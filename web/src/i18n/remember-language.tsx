import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useMe } from '../api/queries';
import type { Me } from '../api/types';
import { isUiLang } from './languages';

type MeState = Me | null | undefined;

/**
 * The language follows the user, not the browser: switching it while signed in is stored on
 * the account (better-auth's update-user, validated there), and signing in brings the stored
 * one back on any device. A user who never chose keeps what the browser had.
 */
export const RememberLanguage = () => {
  const { i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const previous = useRef<MeState>(undefined);

  // Signing in is the moment the stored language wins: signed out (null) → a user. A page load
  // (unknown → a user) keeps this tab's language, which is the stored one unless changed since.
  useEffect(() => {
    const wasSignedOut = previous.current === null;
    previous.current = me;
    const stored = me?.user.locale;
    if (wasSignedOut && isUiLang(stored) && stored !== i18n.resolvedLanguage)
      void i18n.changeLanguage(stored);
  }, [me, i18n]);

  useEffect(() => {
    const remember = (lang: string) => {
      const current = queryClient.getQueryData<MeState>(['me']);
      if (!current || current.user.locale === lang || !isUiLang(lang)) return;
      queryClient.setQueryData<Me>(['me'], { ...current, user: { ...current.user, locale: lang } });
      // Not remembering is no reason to undo the switch the user just made: the next switch retries.
      api.post('/api/auth/update-user', { locale: lang }).catch(() => undefined);
    };
    i18n.on('languageChanged', remember);
    return () => i18n.off('languageChanged', remember);
  }, [i18n, queryClient]);

  return null;
};
