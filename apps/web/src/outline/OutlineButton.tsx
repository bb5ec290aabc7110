// « Contenu » in the board's header, for editors and view links alike: opens the outline
// (Ctrl+F / Cmd+F does too, see keyboard.ts). Its words stay visible: an icon alone is a riddle.
import { Suspense } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useSession } from '../board/context';
import { LazyFallback, lazyPanel, usePanelPrefetch } from '../ui/LazyFallback';
import { prefetchesEveryPage } from '../ui/LazyFallbackPrefetch';
import { useCoarsePointer } from '../ui/shortcuts';
import { closeOutline, openOutline, outlineStore } from './state';
import './outline.css';

// The panel (its lines, search, highlights) is loaded when opened, not before the board's first
// frame; every page fetches it ahead once the board is drawn.
const loadOutlinePanel = () => import('./OutlinePanel').then((m) => m.OutlinePanel);
const OutlinePanel = lazyPanel(loadOutlinePanel);

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);

function ListIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <g fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
        <path d="M7 5h10M7 10h10M7 15h6" />
        <circle cx="3.2" cy="5" r="0.6" />
        <circle cx="3.2" cy="10" r="0.6" />
        <circle cx="3.2" cy="15" r="0.6" />
      </g>
    </svg>
  );
}

export function OutlineButton() {
  const { t } = useTranslation();
  const session = useSession();
  const open = useStore(outlineStore(session), (s) => s.open);
  const coarse = useCoarsePointer();
  const hint = coarse ? t('outline.open') : t(MAC ? 'outline.openKeysMac' : 'outline.openKeys');
  usePanelPrefetch(loadOutlinePanel, prefetchesEveryPage, 'outline');
  return (
    <>
      <button
        type="button"
        className="chip outline-button"
        aria-label={t('outline.open')}
        aria-expanded={open}
        aria-controls={open ? 'outline-panel' : undefined}
        aria-keyshortcuts={MAC ? 'Meta+F' : 'Control+F'}
        title={hint}
        onClick={() => (open ? closeOutline(session) : openOutline(session))}
        onKeyDown={(e) => {
          // Open, the panel comes next in Tab's order (it is drawn at the end of the page).
          if (e.key !== 'Tab' || e.shiftKey || !open) return;
          const first = document.querySelector<HTMLElement>(
            '.outline-panel button, .outline-panel input',
          );
          if (first) {
            e.preventDefault();
            first.focus();
          }
        }}
      >
        <ListIcon />
        <span>{t('outline.open')}</span>
      </button>
      {/* Out of the header's stacking context: above the people list, toolbar and toasts. */}
      {open &&
        createPortal(
          <Suspense fallback={<LazyFallback />}>
            <OutlinePanel />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
