// The header's « Exporter / Importer » button; the panel itself is in src/export/.
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from '../export/ExportDialog';

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
      {open && <ExportDialog onClose={close} />}
    </>
  );
}
