// The forum page's link to the server, said when it fails: the timer and votes shown would
// otherwise look live while nothing reaches the page (a venue's wifi drops, the server stops,
// or the facilitator link was replaced from another device, L3/L4).
import { useTranslation } from 'react-i18next';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';

export function ForumConnectionBanner({ room }: { room: ForumRoom | null }) {
  const { t } = useTranslation();
  const { connection } = useForumSnapshot(room);
  if (connection !== 'lost' && connection !== 'revoked') return null;
  return (
    <div className="forum-connection" role="alert" data-connection={connection}>
      <strong>{t(`forumDay.connection.${connection}Title`)}</strong>{' '}
      {t(`forumDay.connection.${connection}`)}
    </div>
  );
}
