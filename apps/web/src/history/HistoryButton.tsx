// « Versions »: the facilitator's entry to the board's history (shown only for that role).
import { Suspense, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { dismissOutline, outlineStore } from '../outline/state';
import { LazyFallback, lazyPanel, usePanelPrefetch } from '../ui/LazyFallback';
import { prefetchesHistory } from '../ui/LazyFallbackPrefetch';

// « Versions » is the facilitator's: loaded when opened, not with every participant's board; a
// facilitator's page fetches it ahead once the board is drawn (it opens with the wifi gone).
const loadHistoryPanel = () => import('./HistoryPanel').then((m) => m.HistoryPanel);
const HistoryPanel = lazyPanel(loadHistoryPanel);
import './history.css';

/** A clock turned back: the usual sign for a document's versions. Up to 1100 px it stands alone
 *  (panels.css): spelled out, the header took a third row on a phone or squeezed the title. */
function HistoryIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
      <g
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M3.2 10a6.8 6.8 0 1 0 2-4.8" />
        <path d="M3 2.8v3.6h3.6" />
        <path d="M10 6.2V10l2.6 1.8" />
      </g>
    </svg>
  );
}

export function HistoryButton() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  // Closed by « Fermer » or Escape, the focus goes back to « Versions »: it fell to the page's
  // body with the panel's button, and the keyboard started again from the page's top.
  const close = () => {
    const inside = document.activeElement?.closest('.history-panel') != null;
    setOpen(false);
    if (inside || document.activeElement === document.body) button.current?.focus();
  };
  usePanelPrefetch(loadHistoryPanel, prefetchesHistory, 'history');
  // « Versions » and « Contenu » open in the same top-right place: one at a time.
  useEffect(
    () =>
      outlineStore(session).subscribe((state, before) => {
        if (state.open && !before.open) setOpen(false);
      }),
    [session],
  );
  if (session.info.role !== 'facilitator') return null;
  return (
    <>
      <button
        ref={button}
        type="button"
        className="chip history-button"
        aria-expanded={open}
        data-testid="history-open"
        aria-label={t('history.open')}
        title={t('history.open')}
        onClick={() => {
          if (!open) dismissOutline(session);
          setOpen(!open);
        }}
      >
        <HistoryIcon />
        <span>{t('history.open')}</span>
      </button>
      {/* Out of the header's stacking context: above the people list, toolbar and toasts. */}
      {open &&
        createPortal(
          <Suspense fallback={<LazyFallback />}>
            <HistoryPanel onClose={close} />
          </Suspense>,
          document.body,
        )}
    </>
  );
}
