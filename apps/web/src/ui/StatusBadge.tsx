// Connection status, always visible: connecté / hors ligne (modifications gardées sur cet
// appareil) / synchronisation en cours, with the changes the server has not confirmed yet; and,
// when the server closed the connection for a limit, a banner that says why.
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { KeepPageOpen } from '../offline/KeepPageOpen';
import { StatusBanner } from './StatusBanner';
import { StorageTroubleNotice } from './StorageTroubleNotice';
import './Status.css';

export function StatusBadge() {
  const { t } = useTranslation();
  const { connection, readOnly } = useSession();
  const status = useSyncExternalStore(connection.subscribe, connection.getStatus);
  const pending = useSyncExternalStore(connection.subscribe, connection.getPendingCount);
  // A view link keeps no changes: its room closing (4501) is only a reconnection for it.
  const storageTrouble =
    useSyncExternalStore(connection.subscribe, connection.getStorageTrouble) && !readOnly;
  const label = t(`status.${status}`);
  // While connected, changes are confirmed within a moment: no count to flicker on each edit.
  const detail = storageTrouble
    ? t('storageFull.status')
    : status === 'offline' || status === 'closed'
      ? pending > 0
        ? t('status.pendingKept', { count: pending })
        : status === 'offline'
          ? // A view link has no changes to keep: it shows what it last received.
            t(readOnly ? 'status.offlineViewing' : 'status.offlineKept')
          : null
      : status === 'syncing' && pending > 0
        ? t('status.pendingSync', { count: pending })
        : null;
  return (
    <>
      <div
        className={`status status-${status}`}
        data-testid="status"
        data-status={status}
        data-pending={pending}
        role="status"
        aria-label={t('status.label', { status: detail ? `${label} — ${detail}` : label })}
      >
        <span className="status-dot" aria-hidden="true" />
        <span className="status-label">{label}</span>
        {detail && <span className="status-detail">{detail}</span>}
      </div>
      {storageTrouble && <StorageTroubleNotice />}
      <StatusBanner />
      <KeepPageOpen />
    </>
  );
}
