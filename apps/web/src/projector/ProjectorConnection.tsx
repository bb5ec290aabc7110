// The projector's link to the server, said on the screen when it fails: the room reads the timer
// and the vote as live, so a dropped wifi or a stopped server would leave a frozen time and a
// stale vote on the wall with nothing to tell the facilitator (the forum page has its own banner,
// but it is on another screen, or another computer).
import { useTranslation } from 'react-i18next';
import type { ForumRoom } from '../forum/room';
import { useForumSnapshot } from '../forum/useForumRoom';

export function ProjectorConnection({ room }: { room: ForumRoom | null }) {
  const { t } = useTranslation();
  const { connection } = useForumSnapshot(room);
  if (connection !== 'lost' && connection !== 'revoked' && connection !== 'deleted') return null;
  return (
    <div className="projector-connection" role="alert" data-connection={connection}>
      <strong>{t(`projector.${connection}Title`)}</strong> {t(`projector.${connection}`)}
    </div>
  );
}
