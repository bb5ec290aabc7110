// The header's « Exporter / Importer » button; the panel itself is in src/export/.
import { Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyFallback, lazyPanel, usePanelPrefetch } from './LazyFallback';
import { prefetchesExport } from './LazyFallbackPrefetch';

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
        className="chip"
        aria-expanded={open}
        aria-haspopup="dialog"
        aria-label={t('export.menu')}
        onClick={() => setOpen((o) => !o)}
      >
        {/* A phone shows the short label: the full one pushed the header off the screen. */}
        <span className="long">{t('export.menu')}</span>
        <span className="short">{t('export.menuShort')}</span>
      </button>
      {open && (
        <Suspense fallback={<LazyFallback />}>
          <ExportDialog onClose={close} />
        </Suspense>
      )}
    </>
  );
}
