// A plain confirmation dialog (French first), for actions that cannot be undone. Modal for the
// keyboard too: Escape cancels, Tab stays inside, and closing gives the focus back to the control
// that opened it — otherwise a keyboard user lands at the top of this long page.
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useCloseOnEscape } from '../dialog/useCloseOnEscape';
import { useFocusTrap } from '../dialog/useFocusTrap';

export function ConfirmDialog({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
  tone = 'danger',
  other,
  className,
  children,
  confirmDisabled = false,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** 'danger' for what cannot be undone; 'primary' for a way forward (print warning). */
  tone?: 'danger' | 'primary';
  /** A third choice between « Annuler » and the confirmation (« Imprimer quand même »). */
  other?: { label: string; onClick: () => void };
  className?: string;
  /** What the person must do before confirming (a box to tick), between message and buttons. */
  children?: ReactNode;
  /** Whether the confirmation waits for `children` (or for an answer). */
  confirmDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  useFocusTrap(box);
  const cancel = useCallback(() => onCancel(), [onCancel]);
  useCloseOnEscape(cancel);
  // Read at the first render, before `autoFocus` moves the focus into the dialog.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    return () => {
      // Only if the focus was left inside the dialog (or dropped to the page): an action that
      // moved it on purpose (the button replacing the one pressed) keeps it there.
      const now = document.activeElement;
      if (
        opener instanceof HTMLElement &&
        opener.isConnected &&
        (now === null || now === document.body || box.current?.contains(now))
      )
        opener.focus();
    };
  }, [opener]);
  return (
    <div className="forum-dialog-backdrop">
      <div
        ref={box}
        className={className ? `forum-dialog ${className}` : 'forum-dialog'}
        role="alertdialog"
        aria-modal="true"
        aria-label={message}
      >
        <p>{message}</p>
        {children}
        <div className="forum-dialog-actions">
          <button type="button" onClick={onCancel} autoFocus>
            {t('forum.cancel')}
          </button>
          {other && (
            <button type="button" onClick={other.onClick}>
              {other.label}
            </button>
          )}
          <button type="button" className={tone} onClick={onConfirm} disabled={confirmDisabled}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
