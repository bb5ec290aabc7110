// A failed forum action (timer, vote, links, compilation, archive) said in plain words, in the
// reader's language. The browser's and the server's own messages are in English and technical
// (« Failed to fetch »): a facilitator on a venue's wifi needs to know what to do instead.
import { ApiError, isForumDeleted } from '../board/api';

/** A translator: i18next's `t`, or a test's. */
export type Translate = (key: string, values: Record<string, unknown>) => string;

/** Why a board did not receive a copy (R68's per-board refusal codes), in plain words. */
const COPY_REFUSAL_KEYS: Readonly<Record<string, string>> = {
  board_full: 'forum.copyBoard.refusal.full',
  // M37: the copy would take the board past its 10,000 shapes; nothing was added.
  too_many_shapes: 'forum.copyBoard.refusal.tooManyShapes',
  board_read_only: 'forum.copyBoard.refusal.readOnly',
  board_unavailable: 'forum.copyBoard.refusal.unavailable',
  // R6: the database did not take the copy on that board; nothing was added, try again.
  storage_unavailable: 'forum.copyBoard.refusal.notStored',
};
export const COPY_REFUSAL_CODES = Object.keys(COPY_REFUSAL_KEYS);

/** The reason after « Pas copié sur Kamouraska : », lower case; unknown codes say « try again ». */
export function copyRefusalText(code: string, t: Translate): string {
  return t(COPY_REFUSAL_KEYS[code] ?? 'forum.copyBoard.refusal.other', {});
}

export function forumErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError)) return t('forum.errors.network', {});
  const { status, code } = error;
  if (status === 0 || code === 'network') return t('forum.errors.network', {});
  // The facilitators deleted the forum (from another tab or computer): nothing is left to act on.
  if (isForumDeleted(error)) return t('forum.errors.forumDeleted', {});
  if (status === 401 || status === 403) return t('forum.errors.forbidden', {});
  if (status === 404) return t('forum.errors.notFound', {});
  if (status === 429) return t('forum.errors.tooMany', {});
  // The forum moved on meanwhile (another tab, another facilitator): the page is live already.
  if (status === 409 && code.startsWith('timer_')) return t('forum.errors.timerChanged', {});
  if (status === 409 && code === 'no_such_vote') return t('forum.errors.voteGone', {});
  if (status === 409 && code === 'vote_open') return t('forumDay.errors.voteOpen', {});
  // A participant's dot refused (V3): the server's words are English and technical.
  if (status === 409 && code === 'vote_closed') return t('forumDay.errors.voteClosed', {});
  if (status === 409 && code === 'no_dots_left') return t('forum.votes.noDotsLeft', {});
  if (status === 400 && code === 'not_a_note') return t('forumDay.errors.notANote', {});
  // The same words as the web client's own refusal (voteMode): the server refuses for other clients.
  if (status === 409 && code === 'empty_note') return t('forum.votes.emptyNote', {});
  if (status === 400 && code === 'board_not_in_vote')
    return t('forumDay.errors.boardNotInVote', {});
  if (status === 409 && code === 'territory_taken') return t('forum.errors.territoryTaken', {});
  if (status === 409 && code === 'plenary_required') return t('forum.errors.plenaryRequired', {});
  if (status === 409 && code === 'too_many_boards') return t('forum.errors.tooManyBoards', {});
  // R6: the database did not take the change (rename, restore, import into a board): nothing
  // was changed, and trying again is the right thing to do.
  if (code === 'storage_unavailable') return t('serverErrors.storage_unavailable', {});
  if (code === 'board_unavailable') return t('serverErrors.board_unavailable', {});
  // The forum's boards and photos alone are more than one importable archive (413).
  if (code === 'archive_too_large') return t('serverErrors.archive_too_large', {});
  if (status >= 500) return t('forum.errors.server', {});
  return t('forum.errors.unknown', { status });
}
