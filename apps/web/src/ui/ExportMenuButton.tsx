// The header's « Exporter / Importer » button; the panel itself is in src/export/.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportDialog } from '../export/ExportDialog';

export function ExportMenuButton() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const close = useCallback(() => setOpen(false), []);
  return (
    <>
      <button
        type="button"
        className="chip"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen((o) => !o)}
      >
        {t('export.menu')}
      </button>
      {open && <ExportDialog onClose={close} />}
    </>
  );
}
