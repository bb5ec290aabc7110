// A plain confirmation dialog (French first), for actions that cannot be undone.
import { useTranslation } from 'react-i18next';

export function ConfirmDialog({
  message,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  message: string;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="forum-dialog-backdrop">
      <div className="forum-dialog" role="alertdialog" aria-modal="true" aria-label={message}>
        <p>{message}</p>
        <div className="forum-dialog-actions">
          <button type="button" onClick={onCancel} autoFocus>
            {t('forum.cancel')}
          </button>
          <button type="button" className="danger" onClick={onConfirm}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
