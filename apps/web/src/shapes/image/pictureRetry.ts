// A photo whose picture could not be fetched (the venue's wifi dropped for a moment, the server
// restarting, busy) is fetched again: it stayed a grey block on that screen until the page was
// reloaded, while everyone else saw the photo.
import { ApiError } from '../../board/api';

/** The first wait before fetching a picture again, doubled each time up to PICTURE_RETRY_MAX_MS. */
export const PICTURE_RETRY_FIRST_MS = 1000;
export const PICTURE_RETRY_MAX_MS = 30_000;

/** How long to wait before the `tries`-th new attempt (0 for the first retry). */
export function pictureRetryDelay(tries: number): number {
  return Math.min(PICTURE_RETRY_MAX_MS, PICTURE_RETRY_FIRST_MS * 2 ** Math.max(0, tries));
}

/**
 * Whether a failed fetch may succeed later: no answer (offline: fetch's TypeError), or the
 * server busy or failing (408, 429, 5xx). A picture the forum lacks (404), a link no longer
 * valid (401, 403) or bytes the browser cannot draw stay the grey block.
 */
export function pictureWorthRetrying(error: unknown): boolean {
  if (error instanceof TypeError) return true;
  if (!(error instanceof ApiError)) return false;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Calls `load` until it gives a picture (then `loaded`), again after each failure worth retrying,
 * later each time. Returns what stops it (the shape left the screen).
 */
export function keepLoading<T>(load: () => Promise<T>, loaded: (picture: T) => void): () => void {
  let live = true;
  let retry: ReturnType<typeof setTimeout> | undefined;
  const attempt = (tries: number) =>
    load().then(
      (picture) => live && loaded(picture),
      (error: unknown) => {
        if (live && pictureWorthRetrying(error)) {
          retry = setTimeout(() => void attempt(tries + 1), pictureRetryDelay(tries));
        }
      },
    );
  void attempt(0);
  return () => {
    live = false;
    clearTimeout(retry);
  };
}
