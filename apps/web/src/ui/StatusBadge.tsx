// Connection status, always visible: connecté / hors ligne (modifications gardées sur cet
// appareil) / synchronisation en cours, with the changes the server has not confirmed yet; and,
// when the server closed the connection for a limit, a banner that says why.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { KeepPageOpen } from '../offline/KeepPageOpen';
import { StatusBanner } from './StatusBanner';
import { shortStatusCount, shownPendingCount } from './statusShort';
import { StorageTroubleNotice } from './StorageTroubleNotice';
import './Status.css';

export function StatusBadge() {
  const { t } = useTranslation();
  const { connection, readOnly } = useSession();
  const status = useSyncExternalStore(connection.subscribe, connection.getStatus);
  // What the badge shows of the unconfirmed count: a drag's writes, confirmed at once while
  // connected, change nothing here, so they no longer re-render the badge (a slow phone's drag).
  const pending = useSyncExternalStore(connection.subscribe, () =>
    shownPendingCount(connection.getStatus(), connection.getPendingCount()),
  );
  // The exact count stays readable on the badge (`data-pending`, « 0 » once the server has
  // confirmed everything, what tests and tools wait for), written without a render.
  const badge = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const write = () =>
      badge.current?.setAttribute('data-pending', String(connection.getPendingCount()));
    write();
    return connection.subscribe(write);
  }, [connection]);
  // A view link keeps no changes: its room closing (4501) is only a reconnection for it.
  const storageTrouble =
    useSyncExternalStore(connection.subscribe, connection.getStorageTrouble) && !readOnly;
  const [open, setOpen] = useState(false);
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
  const count = storageTrouble ? null : shortStatusCount(status, pending);
  return (
    <>
      {/* A phone shows the dot and the count only (Status.css): a tap unfolds the words. */}
      <div
        className={`status status-${status}`}
        data-testid="status"
        ref={badge}
        data-status={status}
        data-detail={detail !== null}
        data-open={open}
        role="status"
        aria-label={t('status.label', { status: detail ? `${label} — ${detail}` : label })}
        onClick={() => setOpen(!open)}
      >
        <span className="status-dot" aria-hidden="true" />
        {count !== null && (
          <span className="status-count" aria-hidden="true" title={detail ?? undefined}>
            <DeviceIcon />
            {count}
          </span>
        )}
        <span className="status-label">{label}</span>
        {detail && (
          <span className="status-detail" data-label={label}>
            {detail}
          </span>
        )}
      </div>
      {storageTrouble && <StorageTroubleNotice />}
      <StatusBanner />
      <KeepPageOpen />
    </>
  );
}

/** « On this device »: a phone's outline, beside the count of changes kept there. */
function DeviceIcon() {
  return (
    <svg
      width="14"
      height="14"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <rect x="6" y="2" width="12" height="20" rx="2" />
      <path d="M11 18h2" />
    </svg>
  );
}
