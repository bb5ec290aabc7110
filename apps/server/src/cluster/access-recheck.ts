import type { ForumStore } from '../forums/forum-store.ts';
import type { Logger } from '../log.ts';
import { closeDeletedForumLinks, sortOpenGrants } from '../forums/revoked-links.ts';
import { FORUM_DELETED_CLOSE } from '../forums/links.ts';
import type { Relay } from '../relay/relay.ts';

/** What another process's access change is checked against: the shared forum store. */
export type AccessLookup = Pick<ForumStore, 'findGrant' | 'getBoard'> &
  Partial<Pick<ForumStore, 'getForum'>>;

/** What a process keeps in memory of forums' photos (the photos, their small copies). */
export interface ForumImageCaches {
  forumIds(): Iterable<string>;
  forgetForum(forumId: string): void;
}

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
  /** R70: a forum deleted on another process: its photos kept here go too. */
  images?: ForumImageCaches;
  log: Logger;
}): () => void {
  let stopped = false;
  let erasedHeard = false;
  // The notice names no forum: each forum whose photos are kept here is looked up.
  const forgetErasedImages = async (): Promise<void> => {
    const { images, forums } = deps;
    if (!images || !forums.getForum) return;
    for (const forumId of [...images.forumIds()]) {
      const forum = await forums.getForum(forumId);
      if (stopped) return;
      if (forum === null || forum.deletedAt != null) {
        images.forgetForum(forumId);
        deps.log.info('remote_forum_deletion_images_forgotten', { forum: forumId });
      }
    }
  };
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
    // Its photos kept here go too, once its sockets are closed.
    if (code === FORUM_DELETED_CLOSE.code || erasedHeard) {
      erasedHeard = false;
      await forgetErasedImages();
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
    // A deletion's notice waiting behind a later notice of another kind is not lost.
    if (code === FORUM_DELETED_CLOSE.code) erasedHeard = true;
    if (running) waiting = { code, reason };
    else run(code, reason);
  });
  return () => {
    stopped = true;
    unsubscribe();
  };
}
