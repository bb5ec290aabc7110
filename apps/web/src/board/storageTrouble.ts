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
