// « Créer les liens manquants »: every link the page cannot show replaced at once, after one
// confirmation — instead of one « Remplacer le lien » per link (up to twenty the morning of the
// forum). And the print button's warning: without them the sheets would come out without codes.
import { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';
import type { MissingLinksState } from './useMissingLinks';
import './missingLinks.css';

/** The notice, the action and its progress / outcome (hidden on the printed sheets). */
export function MissingLinksAction({ state }: { state: MissingLinksState }) {
  const { t } = useTranslation();
  const { missing, progress, outcome, confirming } = state;
  const status = useRef<HTMLParagraphElement>(null);
  const running = progress !== null;
  // The button goes away once pressed (and the confirmation closes): the focus goes to what
  // says how it goes, so a keyboard or screen reader user hears the progress and the outcome.
  useEffect(() => {
    if (running) status.current?.focus();
  }, [running]);
  if (missing.length === 0 && !progress && !outcome) return null;
  return (
    <div className="missing-links">
      {missing.length > 0 && !running && (
        <>
          <p className="missing-links-notice">
            {t('missingLinks.notice', { count: missing.length })}
          </p>
          <button
            type="button"
            className="missing-links-create"
            onClick={() => state.setConfirming(true)}
          >
            {t('missingLinks.button')}
          </button>
        </>
      )}
      {(progress || outcome) && (
        <p
          ref={status}
          className="missing-links-status"
          role="status"
          tabIndex={-1}
          data-complete={outcome ? String(outcome.complete) : undefined}
        >
          {progress
            ? t('missingLinks.progress', { done: progress.done, total: progress.total })
            : outcome?.text}
        </p>
      )}
      {confirming && missing.length > 0 && (
        <ConfirmDialog
          message={t('missingLinks.confirm', { count: missing.length })}
          confirmLabel={t('missingLinks.confirmButton', { count: missing.length })}
          onConfirm={state.run}
          onCancel={() => state.setConfirming(false)}
        />
      )}
    </div>
  );
}

/**
 * « Imprimer les codes QR »: straight to printing when every link is shown; otherwise a warning
 * first, which offers to create the missing links (then their confirmation) or to print anyway.
 */
export function PrintLinksButton({ state }: { state: MissingLinksState }) {
  const { t } = useTranslation();
  const button = useRef<HTMLButtonElement>(null);
  const [warning, setWarning] = useState(false);
  const count = state.missing.length;
  const print = () => {
    // The warning closed first (committed now): it must not end up on the printed sheets.
    flushSync(() => setWarning(false));
    button.current?.focus();
    window.print();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="print-links"
        onClick={() => (count > 0 ? setWarning(true) : window.print())}
      >
        {t('forum.printLinks.button')}
      </button>
      {warning && count > 0 && (
        <ConfirmDialog
          className="missing-links-print"
          tone="primary"
          message={t('missingLinks.printWarning', { count })}
          other={{ label: t('missingLinks.printAnyway'), onClick: print }}
          confirmLabel={t('missingLinks.button')}
          onConfirm={() => {
            // The confirmation opens from the print button: Escape there brings the focus back
            // to it, not to this dialog's button, gone by then.
            button.current?.focus();
            setWarning(false);
            state.setConfirming(true);
          }}
          onCancel={() => setWarning(false)}
        />
      )}
    </>
  );
}
