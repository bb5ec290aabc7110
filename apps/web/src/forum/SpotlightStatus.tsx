// On the forum page: whether « Tout le monde vers moi » is on, and a way to stop it from here.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { postSpotlight, type ForumBoard } from './api';
import { forumErrorText } from './errorText';
import type { ForumRoom } from './room';
import { useForumSnapshot } from './useForumRoom';

export function SpotlightStatus({
  room,
  token,
  boards,
}: {
  room: ForumRoom | null;
  token: string;
  boards: readonly ForumBoard[];
}) {
  const { t } = useTranslation();
  const { spotlight } = useForumSnapshot(room);
  const [error, setError] = useState<string | null>(null);
  if (!room || !spotlight?.active) return <p className="hint">{t('forum.spotlight.howTo')}</p>;
  const board = boards.find((b) => b.id === spotlight.boardId);
  return (
    <p className="spotlight-status" role="status">
      {t('forum.spotlight.activeOn', { title: board?.title ?? '' })}{' '}
      <button
        type="button"
        onClick={() => {
          setError(null);
          postSpotlight(room.forumId, token, { active: false }).catch((e: unknown) =>
            setError(forumErrorText(e, t)),
          );
        }}
      >
        {t('forum.spotlight.stop')}
      </button>
      {error && <span role="alert"> {error}</span>}
    </p>
  );
}
