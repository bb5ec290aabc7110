// A facilitator page that cannot open: what failed, what to check, and the way back home — a
// one-line message was a dead end. A refused, unknown or cut link is about the link; a server
// that does not answer is about the wifi (the link may be fine), with « Réessayer ».
import { useTranslation } from 'react-i18next';

export function ForumLinkError({ text, aboutLink }: { text: string; aboutLink: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="page-message forum-page-error" role="alert">
      <p>{text}</p>
      {aboutLink ? (
        <p>{t('forumDay.linkHelp')}</p>
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
