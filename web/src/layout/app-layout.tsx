import { Box, Container } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from './app-header';

export const AppLayout = () => {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  // A new page starts at its top; the browser only does this for full page loads.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the effect must re-run on every route change
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <AppHeader />
      <Box component="main" id="main" tabIndex={-1} style={{ flex: 1, outline: 'none' }}>
        <Outlet />
      </Box>
      <Box component="footer" py="lg" bg="gray.1" mt="xl">
        <Container size="xl" fz="sm" c="dimmed">
          {t('layout.footer')}
        </Container>
      </Box>
    </Box>
  );
};
