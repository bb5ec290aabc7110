// A failed version action (list, save, restore) in the reader's words. The server's answers are
// said like the forum page's (R6's `storage_unavailable`: nothing was restored, try again),
// never its English message; offline, the versions are simply out of reach.
import { ApiError } from '../board/api';
import { forumErrorText, type Translate } from '../forum/errorText';

export function historyErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError && error.status === 0) return t('history.offline', {});
  // R27: the board keeps its maximum of named versions; saving again will not help.
  if (error instanceof ApiError && error.code === 'too_many_versions') {
    return t('history.tooManyVersions', {});
  }
  if (error instanceof ApiError) return forumErrorText(error, t);
  return t('history.error', { message: error instanceof Error ? error.message : String(error) });
}
