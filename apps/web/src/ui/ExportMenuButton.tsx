// The header's « Exporter / Importer » button; the panel itself is in src/export/.
import { Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyFallback, lazyPanel, usePanelPrefetch } from './LazyFallback';
import { prefetchesExport } from './LazyFallbackPrefetch';
import { StrokeIcon } from './icons';

// Loaded at the first press: the exporters (PDF with pdf-lib and pako, SVG, raster) and the imports
// were two thirds of the board's first chunk, which every participant's phone downloads. A
// facilitator's board and the plenary fetch it ahead once drawn, so it exports with the wifi gone.
const loadExportDialog = () => import('../export/ExportDialog').then((m) => m.ExportDialog);
const ExportDialog = lazyPanel(loadExportDialog);

export function ExportMenuButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  usePanelPrefetch(loadExportDialog, prefetchesExport, 'export');
  const button = useRef<HTMLButtonElement>(null);
  // Closing (Escape, « Fermer », done) gives the focus back to this button: left on the page,
  // a keyboard user started again from the top of the header.
  const close = useCallback(() => {
    setOpen(false);
    button.current?.focus();
  }, []);
  return (
    <>
      <button
        ref={button}
        type="button"
        className="chip export-chip"
        title={t('export.menu')}
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={t('export.menu')}
        onClick={() => setOpen((o) => !o)}
      >
        {/* A phone shows the short label: the full one pushed the header off the screen. Where
            even that sends the language to a row of its own (a 320 px phone in French), the
            header is data-tight and shows the icon (header-rows.css). */}
        <span className="long">{t('export.menu')}</span>
        <span className="short">{t('export.menuShort')}</span>
        <span className="export-icon">
          <StrokeIcon size={22}>
            <path d="M12 4v11M7.5 10.5 12 15l4.5-4.5M5 19h14" />
          </StrokeIcon>
        </span>
      </button>
      {open && (
        <Suspense fallback={<LazyFallback />}>
          <ExportDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
