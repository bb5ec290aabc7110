// The notice of words someone else's change took away (ui/WritingGoneNotice, ui/UnsentWordsNotice):
// said in a live region kept in the page (a screen reader hears it as it comes), and shown as a
// notice of the same look as the storage notice (Status.css), with « Garder mon texte » when
// there are words to put back, and « Fermer ».
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { useInViewOnArrival } from './inViewOnArrival';
import './Status.css';

export function KeepWordsNotice({
  message,
  testId,
  newsTestId,
  onKeep,
  onClose,
}: {
  /** '' when there is nothing to tell: the live region stays, the notice does not show. */
  message: string;
  testId: string;
  newsTestId?: string;
  /** Puts the words back; absent, no « Garder mon texte ». */
  onKeep: (() => void) | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  // At the top of a page scrolled down (text enlarged), it was out of sight with its
  // « Garder mon texte ».
  const seen = useInViewOnArrival<HTMLDivElement>();
  return (
    <>
      <p className="visually-hidden" role="status" aria-live="polite" data-testid={newsTestId}>
        {message}
      </p>
      {message &&
        createPortal(
          <div ref={seen} className="limit-banner" data-testid={testId}>
            <p className="limit-message">{message}</p>
            <div className="limit-actions">
              {onKeep && (
                <button
                  type="button"
                  className="limit-button"
                  onClick={() => {
                    onKeep();
                    onClose();
                  }}
                >
                  {t('editor.gone.keep')}
                </button>
              )}
              <button type="button" className="limit-close" onClick={onClose}>
                {t('editor.gone.close')}
              </button>
            </div>
          </div>,
          document.body,
        )}
    </>
  );
}
