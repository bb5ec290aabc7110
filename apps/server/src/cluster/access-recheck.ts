import type { ForumStore } from '../forums/forum-store.ts';
import type { Logger } from '../log.ts';
import { closeDeletedForumLinks, sortOpenGrants } from '../forums/revoked-links.ts';
import type { Relay } from '../relay/relay.ts';

/** What another process's access change is checked against: the shared forum store. */
export type AccessLookup = Pick<ForumStore, 'findGrant' | 'getBoard'>;

interface AccessChanges {
  onAccessChanged(listener: (code: number, reason: string) => void): () => void;
}

/**
 * R67: a link replaced or a board removed on another process closes that process's sockets
 * (L3, R56); this one hears of it on the bus and closes its own: every connection whose token
 * no longer resolves, and every connection on a board that is gone (the facilitators' too,
 * whose token stays valid). Checks run one at a time, each after the change it answers.
 * Returns a stop function.
 */
export function closeRevokedOnAccessChange(deps: {
  bus: AccessChanges;
  relay: Relay;
  forums: AccessLookup;
  log: Logger;
}): () => void {
  let stopped = false;
  const check = async (code: number, reason: string): Promise<void> => {
    if (stopped) return;
    const hashes = new Set<string>();
    const boards = new Set<string>();
    deps.relay.forEachConnection((tags, connection) => {
      if (tags.tokenHash) hashes.add(tags.tokenHash);
      if (!connection.boardId.startsWith('forum:')) boards.add(connection.boardId);
    });
    const removed = new Set<string>();
    const { revoked, deleted } = await sortOpenGrants(hashes, deps.forums);
    // R70: a forum deleted on another process: every socket of it closes with 4410 here.
    if (!stopped) {
      const gone = closeDeletedForumLinks(deps.relay, deleted);
      if (gone > 0) deps.log.info('remote_forum_deletion_closed', { closed: gone });
    }
    for (const boardId of boards) {
      if ((await deps.forums.getBoard(boardId)) === null) removed.add(boardId);
    }
    if (stopped || (revoked.size === 0 && removed.size === 0)) return;
    const closed = deps.relay.closeWhere(
      (tags, connection) =>
        (tags.tokenHash !== undefined && revoked.has(tags.tokenHash)) ||
        removed.has(connection.boardId),
      code,
      reason,
      { announce: false },
    );
    if (closed > 0) deps.log.info('remote_revocation_closed', { closed });
  };
  // One check at a time, and at most one more waiting (with the latest code and reason): a
  // burst of notices (or a hostile publisher) costs two checks, not one queued per message.
  let running = false;
  let waiting: { code: number; reason: string } | null = null;
  const run = (code: number, reason: string): void => {
    running = true;
    check(code, reason)
      .catch((error: unknown) => {
        deps.log.error('remote_revocation_failed', { error: error as Error });
      })
      .finally(() => {
        running = false;
        const next = waiting;
        waiting = null;
        if (next && !stopped) run(next.code, next.reason);
      });
  };
  const unsubscribe = deps.bus.onAccessChanged((code, reason) => {
    if (running) waiting = { code, reason };
    else run(code, reason);
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
