// What a screen reader hears of the forum day on a board: the timer once per whole minute left
// and when time is up, a vote opening and closing. Never each second (the timer's own element is
// role="timer", silent), and never what others change on the board (noise while writing).
import type { VoteState } from '@carton/board';

/** The forum day as a board shows it at one render. */
export interface ForumMoment {
  /** Whole minutes left, rounded up (« 9:05 » is 10); null without a running or paused timer. */
  minutes: number | null;
  done: boolean;
  vote: { id: string; title: string } | null;
}

export interface ForumNews {
  key: string;
  values?: Record<string, string | number>;
}

export function forumMoment(remainingMs: number | null, vote: VoteState | null): ForumMoment {
  return {
    minutes: remainingMs === null || remainingMs <= 0 ? null : Math.ceil(remainingMs / 60_000),
    done: remainingMs !== null && remainingMs <= 0,
    vote: vote && { id: vote.id, title: vote.title },
  };
}

/** What changed between two moments worth saying; nothing on arrival (`before` null). */
export function forumNews(before: ForumMoment | null, now: ForumMoment): ForumNews[] {
  if (!before) return [];
  const news: ForumNews[] = [];
  if (now.done && !before.done) news.push({ key: 'a11y.forumNews.timerDone' });
  else if (now.minutes !== null && now.minutes !== before.minutes) {
    news.push({ key: 'a11y.forumNews.timerLeft', values: { count: now.minutes } });
  }
  if (now.vote && now.vote.id !== before.vote?.id) {
    news.push({ key: 'a11y.forumNews.voteOpen', values: { title: now.vote.title } });
  } else if (before.vote && !now.vote) {
    news.push({ key: 'a11y.forumNews.voteClosed', values: { title: before.vote.title } });
  }
  return news;
}
