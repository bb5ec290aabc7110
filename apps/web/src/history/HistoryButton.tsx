// « Versions »: the facilitator's entry to the board's history (shown only for that role).
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { dismissOutline, outlineStore } from '../outline/state';
import { HistoryPanel } from './HistoryPanel';
import './history.css';

export function HistoryButton() {
  const { t } = useTranslation();
  const session = useSession();
  const [open, setOpen] = useState(false);
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
        type="button"
        className="chip history-button"
        aria-expanded={open}
        data-testid="history-open"
        onClick={() => {
          if (!open) dismissOutline(session);
          setOpen(!open);
        }}
      >
        {t('history.open')}
      </button>
      {/* Out of the header's stacking context: above the people list, toolbar and toasts. */}
      {open && createPortal(<HistoryPanel onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}
