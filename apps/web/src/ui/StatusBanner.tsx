// The banner shown when the server closed the board's connection for good (a limit, a bad
// frame, a revoked link): what happened in plain words, that nothing is lost, and what to do.
// Nothing reconnects by itself; « Reconnecter » is offered only where trying again can work.
import { useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { useInViewOnArrival } from './inViewOnArrival';

export function StatusBanner() {
  const { t } = useTranslation();
  const { connection } = useSession();
  const notice = useSyncExternalStore(connection.subscribe, connection.getCloseNotice);
  // At the top of a page scrolled down (text enlarged), it was out of sight.
  const seen = useInViewOnArrival<HTMLDivElement>();
  if (!notice) return null;
  // Out of the header's stacking context, above the people list and the canvas.
  return createPortal(
    <div
      ref={seen}
      className="limit-banner"
      role="alert"
      data-testid="limit-banner"
      data-code={notice.code}
    >
      <strong className="limit-title">{t('limits.title')}</strong>
      <p className="limit-message">{t(`limits.${notice.key}`)}</p>
      <p className="limit-kept">
        {/* A deleted forum's board is erased from this device too (offline/forgetBoard.ts). */}
        {notice.key === 'forumDeleted' ? t('limits.erased') : t('limits.kept')}
      </p>
      <div className="limit-actions">
        {notice.action === 'reconnect' && (
          <button type="button" className="limit-button" onClick={() => connection.reconnect()}>
            {t('limits.reconnect')}
          </button>
        )}
        {notice.action === 'reload' && (
          <button type="button" className="limit-button" onClick={() => location.reload()}>
            {t('limits.reload')}
          </button>
        )}
        <span className="limit-code">{t('limits.code', { code: notice.code })}</span>
      </div>
    </div>,
    document.body,
  );
}
