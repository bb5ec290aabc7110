// What a person is told when the server closes the board's connection for a reason that a new
// attempt would not fix by itself (apps/server/SPEC.md, « Limits and hardening »), and what
// they may do about it. Codes 4500–4599 and 1001 are transient: no notice, the client retries.

/** Catalogue keys under `limits.` (fr-CA and en both have each one). */
export type NoticeKey =
  | 'malformed'
  | 'revoked'
  | 'forumDeleted'
  | 'boardFull'
  | 'tooLarge'
  | 'tooLargeKept'
  | 'tooFast'
  | 'crowded'
  | 'refused';

/** `reconnect`: « Reconnecter » may help; `reload`: only a fresh page may; `none`: neither. */
export type NoticeAction = 'reconnect' | 'reload' | 'none';

export interface CloseNotice {
  code: number;
  key: NoticeKey;
  action: NoticeAction;
}

/** The relay's close when the facilitators deleted the board's forum (server R70). */
export const FORUM_DELETED_CLOSE = 4410;

/** Every code the server documents as final, with its notice (the rest of 44xx: `refused`). */
export const CLOSE_NOTICES: Readonly<Record<number, Omit<CloseNotice, 'code'>>> = {
  // The same frame would be sent again: a fresh page starts from a clean socket.
  4400: { key: 'malformed', action: 'reload' },
  // The link no longer opens this board: a new link is needed.
  4403: { key: 'revoked', action: 'none' },
  // The facilitators deleted the forum from the server: the board is gone for everyone.
  [FORUM_DELETED_CLOSE]: { key: 'forumDeleted', action: 'none' },
  // Others may tidy the board (deletions are always accepted): trying again can work.
  4409: { key: 'boardFull', action: 'reconnect' },
  // One change past the size of a live update (a very large paste or import): kept on the
  // device, it goes with the catch-up on reconnecting, which the server takes larger (R28).
  4413: { key: 'tooLargeKept', action: 'reconnect' },
  // A budget that refills: after a few seconds, trying again works.
  4429: { key: 'tooFast', action: 'reconnect' },
  4430: { key: 'crowded', action: 'reconnect' },
  // `ws` closes a message past its size limit with 1009: resending it would be refused again.
  1009: { key: 'tooLarge', action: 'none' },
};

/** True when the client must not reconnect by itself after this close code. */
export function isFinalClose(code: number): boolean {
  return (code >= 4400 && code < 4500) || code === 1009;
}

/** The notice for a close code, or null when the close is transient (the client retries). */
export function closeNotice(code: number): CloseNotice | null {
  const known = CLOSE_NOTICES[code];
  if (known) return { code, ...known };
  if (code >= 4400 && code < 4500) return { code, key: 'refused', action: 'reconnect' };
  return null;
}
