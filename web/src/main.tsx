import '@mantine/core/styles.css';
import './global.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { initI18n } from './i18n';

const root = document.getElementById('root');
if (!root) throw new Error('index.html must contain #root');

// Translations are bundled, so this resolves at once; waiting for it means the
// first paint is already in the right language.
void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
