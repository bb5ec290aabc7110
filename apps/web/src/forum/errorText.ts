// A failed forum action (timer, vote, links, compilation, archive) said in plain words, in the
// reader's language. The browser's and the server's own messages are in English and technical
// (« Failed to fetch »): a facilitator on a venue's wifi needs to know what to do instead.
import { ApiError } from '../board/api';

/** A translator: i18next's `t`, or a test's. */
export type Translate = (key: string, values: Record<string, unknown>) => string;

export function forumErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('forum.errors.network', {});
  const { status, code } = error;
  if (status === 0 || code === 'network') return t('forum.errors.network', {});
  if (status === 401 || status === 403) return t('forum.errors.forbidden', {});
  if (status === 404) return t('forum.errors.notFound', {});
  if (status === 429) return t('forum.errors.tooMany', {});
  // The forum moved on meanwhile (another tab, another facilitator): the page is live already.
  if (status === 409 && code.startsWith('timer_')) return t('forum.errors.timerChanged', {});
  if (status === 409 && code === 'no_such_vote') return t('forum.errors.voteGone', {});
  if (status === 409 && code === 'territory_taken') return t('forum.errors.territoryTaken', {});
  if (status === 409 && code === 'plenary_required') return t('forum.errors.plenaryRequired', {});
  if (status === 409 && code === 'too_many_boards') return t('forum.errors.tooManyBoards', {});
  if (status >= 500) return t('forum.errors.server', {});
  return t('forum.errors.unknown', { status });
}
