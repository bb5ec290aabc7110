// The forum page's link to the server, said when it fails: the timer and votes shown would
// otherwise look live while nothing reaches the page (a venue's wifi drops, the server stops,
// or the facilitator link was replaced from another device, L3/L4), or the server cannot store.
import { useTranslation } from 'react-i18next';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';

export function ForumConnectionBanner({ room }: { room: ForumRoom | null }) {
  const { t } = useTranslation();
  const { connection } = useForumSnapshot(room);
  if (connection === 'storage') {
    // The server's disk is full (4501, server R69): not a lost link. Unlike a board, this page
    // keeps nothing to resend — its actions are refused (503), so nothing is said to be kept.
    return (
      <div className="forum-connection" role="alert" data-connection={connection}>
        <strong>{t('forumStorageFull.title')}</strong> {t('forumStorageFull.message')}
      </div>
    );
  }
  if (connection !== 'lost' && connection !== 'revoked' && connection !== 'deleted') return null;
  return (
    <div className="forum-connection" role="alert" data-connection={connection}>
      <strong>{t(`forumDay.connection.${connection}Title`)}</strong>{' '}
      {t(`forumDay.connection.${connection}`)}
    </div>
  );
}
