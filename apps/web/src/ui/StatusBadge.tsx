// Connection status, always visible: connecté / hors ligne / synchronisation en cours.
import { useTranslation } from 'react-i18next';
import { useConnectionStatus } from '../board/context';

export function StatusBadge() {
  const { t } = useTranslation();
  const status = useConnectionStatus();
  const label = t(`status.${status}`);
  return (
    <div
      className={`status status-${status}`}
      data-testid="status"
      data-status={status}
      role="status"
      aria-label={t('status.label', { status: label })}
    >
      <span className="status-dot" aria-hidden="true" />
      {label}
    </div>
  );
}
