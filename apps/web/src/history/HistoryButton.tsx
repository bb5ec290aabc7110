// « Versions »: the facilitator's entry to the board's history (shown only for that role).
import { useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { HistoryPanel } from './HistoryPanel';
import './history.css';

export function HistoryButton() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
  if (session.info.role !== 'facilitator') return null;
  return (
    <>
      <button
        type="button"
        className="chip history-button"
        aria-expanded={open}
        data-testid="history-open"
        onClick={() => setOpen((o) => !o)}
      >
        {t('history.open')}
      </button>
      {/* Out of the header's stacking context: above the people list, toolbar and toasts. */}
      {open && createPortal(<HistoryPanel onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
