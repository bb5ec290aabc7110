// The polite live region of the forum day on a board (see forumNews.ts for what it says, and
// why so little). Mounted with the forum kit, so it exists before its first words.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../board/context';
import { forumMoment, forumNews, type ForumMoment, type ForumNews } from './forumNews';
import type { ForumRoom } from './room';
import { useRemainingMs } from './TimerDisplay';
import { useForumSnapshot } from './useForumRoom';
import { activeVote } from './voteMode';

export function ForumAnnouncer({ room }: { room: ForumRoom }) {
  const { t } = useTranslation();
  const session = useSession();
  const { votes } = useForumSnapshot(room);
  const moment = forumMoment(useRemainingMs(room), activeVote(votes, session.boardId));
  const before = useRef<ForumMoment | null>(null);
  // The news kept as keys, worded at each render: switched to English, the region's words are
  // English too (kept as French words, « Vote ouvert… » stayed among English ones).
  const [said, setSaid] = useState<readonly ForumNews[]>([]);
  // The timer re-renders four times a second: only a change of the moment's key is news.
  const key = JSON.stringify(moment);
  useEffect(() => {
    const now = JSON.parse(key) as ForumMoment;
    const news = forumNews(before.current, now);
    before.current = now;
    if (news.length > 0) setSaid(news);
  }, [key]);
  return (
    <div className="visually-hidden" role="status" aria-live="polite" data-testid="forum-news">
      {said.map((n) => t(n.key, n.values ?? {})).join(' ')}
    </div>
  );
}
