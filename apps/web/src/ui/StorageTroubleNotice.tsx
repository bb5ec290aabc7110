// The server cannot store changes for now (4501: its disk is full, server SPEC R69). Nothing is
// asked of people: the board keeps their changes on this device and resends them by itself.
// A status (polite), not an alert: it comes and goes with the server's retries.
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useInViewOnArrival } from './inViewOnArrival';

export function StorageTroubleNotice() {
  const { t } = useTranslation();
  // At the top of a page scrolled down (text enlarged), it was out of sight: people are told so
  // that they do not close the page meanwhile.
  const seen = useInViewOnArrival<HTMLDivElement>();
  return createPortal(
    <div ref={seen} className="limit-banner" role="status" data-testid="storage-trouble">
      <strong className="limit-title">{t('storageFull.title')}</strong>
      <p className="limit-message">{t('storageFull.message')}</p>
    </div>,
    document.body,
  );
}
