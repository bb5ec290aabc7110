// The server could not store a change (apps/server/SPEC.md R6, R69: its disk is full): it closes
// the board's socket with 4501. The close is transient — the client keeps its doc, reconnects by
// itself and resends — but people are told, so they do not close the page meanwhile.

/** The relay's STORAGE_FAILURE close code. */
export const STORAGE_FAILURE_CLOSE = 4501;

/**
 * A client with nothing kept is refused too (its room closes for everyone): the notice stays
 * this long after the last refusal, so it does not flicker with each retry.
 */
export const STORAGE_QUIET_MS = 5000;

export function isStorageFailureClose(code: number): boolean {
  return code === STORAGE_FAILURE_CLOSE;
}

/**
 * Whether « Le serveur n’arrive plus à enregistrer » shows: since a 4501 close at `failedAt`,
 * while changes kept on this device wait for the server, or for STORAGE_QUIET_MS after it.
 */
export function storageTroubleShown(
  failedAt: number | null,
  now: number,
  pending: number,
): boolean {
  if (failedAt === null) return false;
  return pending > 0 || now - failedAt < STORAGE_QUIET_MS;
}

/**
 * The stock client's retry counter after a 4501 close. Its backoff (2^n × 100 ms, at most
 * 2.5 s) restarts from 200 ms whenever a socket syncs, and a refused client syncs before each
 * refusal: it would reopen the board ~4 times a second, each time a room load on the venue's
 * laptop. From this count the next try waits the longest step (2.5 s).
 */
export const STORAGE_RETRY_STEPS = 5;

export function retriesAfterStorageFailure(unsuccessful: number): number {
  return Math.max(unsuccessful, STORAGE_RETRY_STEPS);
}
