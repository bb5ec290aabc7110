// « Gardez cette page ouverte » while offline on an address where a reload cannot open the
// page from the device (see keepPageOpen.ts). Calm, dismissible, and the browser asks before
// leaving the page (a reload, a closed tab) while it applies.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { mustKeepPageOpen } from './keepPageOpen';
import { appShellState, subscribeAppShell } from './serviceWorker';
import './KeepPageOpen.css';

export function KeepPageOpen() {
  const { t } = useTranslation();
  const { connection, readOnly } = useSession();
  const status = useSyncExternalStore(connection.subscribe, connection.getStatus);
  const shell = useSyncExternalStore(subscribeAppShell, appShellState);
  const [dismissed, setDismissed] = useState(false);
  const atRisk = mustKeepPageOpen({ status, readOnly, shell });

  useEffect(() => {
    if (!atRisk) return;
    const guard = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', guard);
    return () => window.removeEventListener('beforeunload', guard);
  }, [atRisk]);

  if (!atRisk || dismissed) return null;
  return createPortal(
    <div className="keep-open" role="status" data-testid="keep-page-open">
      <p className="keep-open-message">{t('status.keepOpen')}</p>
      <button type="button" className="keep-open-button" onClick={() => setDismissed(true)}>
        {t('status.keepOpenDismiss')}
      </button>
    </div>,
    document.body,
  );
}
