// First: a board link's code and info are on their way while the rest is evaluated.
import './app/startRoute';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import { loadFonts } from './shapes/common/loadFonts';
import './ui/base.css';
import './ui/editor.css';
import './ui/panels.css';

void loadFonts();
const root = document.getElementById('root');
// Once the page's language can be shown (English is fetched first): index.html's loading
// screen stays until then.
void initI18n().then(() => {
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
