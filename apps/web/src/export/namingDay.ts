// The day an export is named with, read from the server: a board belongs to a forum, and its
// files are that forum's (P2 gives the forum's day to any token of the forum).
import { fetchForumBoards } from '../forum/api';
import { localDay } from '@carton/board';
import { exportDay } from './naming';

/** How long an export waits for the forum's day before naming the file with today's. */
const WAIT_MS = 3000;

/**
 * The forum's day (`YYYY-MM-DD`), else today's: a forum without a day, a server that does not
 * answer in time, or no network all name the file as before rather than hold the export.
 */
export async function forumExportDay(
  forumId: string,
  token: string,
  now = new Date(),
): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), WAIT_MS);
  });
  try {
    const answer = await Promise.race([fetchForumBoards(forumId, token), late]);
    return exportDay(now, answer?.forum.date);
  } catch {
    return localDay(now);
  } finally {
    clearTimeout(timer);
  }
}
