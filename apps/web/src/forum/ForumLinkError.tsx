// A facilitator page that cannot open: what failed, what to check, and the way back home — a
// one-line message was a dead end. A refused, unknown or cut link is about the link; a server
// that does not answer is about the wifi (the link may be fine), with « Réessayer ». A board
// link's page says the same with its own `help`: a participant asks the facilitators again or
// scans the QR code again (the default help speaks to facilitators).
import { useTranslation } from 'react-i18next';

export function ForumLinkError({
  text,
  aboutLink,
  help,
}: {
  text: string;
  aboutLink: boolean;
  help?: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="page-message forum-page-error" role="alert">
      <p>{text}</p>
      {aboutLink ? (
        <p>{help ?? t('forumDay.linkHelp')}</p>
      ) : (
        <p>
          <button type="button" className="primary" onClick={() => location.reload()}>
            {t('forumDay.retry')}
          </button>
        </p>
      )}
      <a href="/">{t('forumDay.home')}</a>
    </div>
  );
}

/**
 * A page whose forum was deleted from the server (R70): what happened and the way home — no new
 * link will open it, and « Réessayer » cannot help. `status` where the reader did it (the
 * forum page after « Supprimer définitivement »), `alert` where it happened to them.
 */
export function ForumGone({ text, role }: { text: string; role: 'status' | 'alert' }) {
  const { t } = useTranslation();
  return (
    <div className="page-message forum-page-error" role={role}>
      <p>{text}</p>
      <a href="/">{t('forumDay.home')}</a>
    </div>
  );
}
