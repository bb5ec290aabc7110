// The header's « Exporter / Importer » button; the panel itself is in src/export/.
import { Suspense, useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LazyFallback, lazyPanel } from './LazyFallback';

// Loaded at the first press: the exporters (PDF with pdf-lib and pako, SVG, raster) and the imports
// were two thirds of the board's first chunk, which every participant's phone downloads.
const ExportDialog = lazyPanel(() => import('../export/ExportDialog').then((m) => m.ExportDialog));

export function ExportMenuButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
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
