import type { Logger } from '../log.ts';
import type { Relay } from '../relay/relay.ts';
import type { SqliteDatabase } from '../storage/database.ts';
import type { ForumStore } from './forum-store.ts';
import { FORUM_DELETED_CLOSE, LINK_REVOKED } from './links.ts';

/** Tells when another process may have made links stop resolving (L4). */
export interface LinkChanges {
  /** Calls `onChange` after each such change; returns the unsubscribe function. */
  subscribe(onChange: () => void): () => void;
}

/**
 * SQLite: `data_version` changes only when another connection commits, so it is checked often
 * (every `intervalMs`) and a move is reported as a change.
 */
export function sqliteLinkChanges(db: SqliteDatabase, intervalMs = 500): LinkChanges {
  return {
    subscribe(onChange) {
      const version = () => db.pragma('data_version', { simple: true }) as number;
      let seen = version();
      const timer = setInterval(() => {
        let now: number;
        try {
          now = version();
        } catch {
          return; // the database is closing
        }
        if (now === seen) return;
        seen = now;
        onChange();
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}

/**
 * What the open connections' tokens resolve to now (L4, R70): hashes no longer found (a link
 * replaced, a board removed) and hashes of a forum deleted for good.
 */
export async function sortOpenGrants(
  hashes: Iterable<string>,
  forums: Pick<ForumStore, 'findGrant'>,
): Promise<{ revoked: Set<string>; deleted: Set<string> }> {
  const revoked = new Set<string>();
  const deleted = new Set<string>();
  for (const hash of hashes) {
    const grant = await forums.findGrant(Buffer.from(hash, 'hex'));
    if (grant === null) revoked.add(hash);
    else if (grant.forumDeleted === true) deleted.add(hash);
  }
  return { revoked, deleted };
}

/**
 * R70: closes with 4410 the connections opened with a deleted forum's links, here only (every
 * process hears of the deletion itself); how many.
 */
export function closeDeletedForumLinks(relay: Relay, deleted: ReadonlySet<string>): number {
  if (deleted.size === 0) return 0;
  return relay.closeWhere(
    (tags) => tags.tokenHash !== undefined && deleted.has(tags.tokenHash),
    FORUM_DELETED_CLOSE.code,
    FORUM_DELETED_CLOSE.reason,
    { announce: false },
  );
}

/**
 * L4: `carton facilitator-link` runs in another process and deletes the old facilitator
 * token's hash; HTTP refuses it at once (every request looks the hash up), but sockets opened
 * with it would keep writing to every board of the forum. On each change another process may
 * have made (`changes`: SQLite's data_version, PostgreSQL's NOTIFY), the server closes with
 * 4403 every connection whose token no longer resolves. Returns a stop function.
 */
export function watchRevokedLinks(deps: {
  changes: LinkChanges;
  forums: Pick<ForumStore, 'findGrant'>;
  relay: Relay;
  log: Logger;
}): () => void {
  let checking = false;
  const check = async () => {
    // The hashes of every open connection, collected before the lookups (which may be async).
    const hashes = new Set<string>();
    deps.relay.forEachConnection((tags) => {
      if (tags.tokenHash !== undefined && tags.tokenHash !== '') hashes.add(tags.tokenHash);
    });
    const { revoked, deleted } = await sortOpenGrants(hashes, deps.forums);
    // R70: a forum another process deleted: its sockets here close with 4410.
    const gone = closeDeletedForumLinks(deps.relay, deleted);
    if (gone > 0) deps.log.info('deleted_forum_closed', { closed: gone });
    if (revoked.size === 0) return;
    const closed = deps.relay.closeWhere(
      (tags) => tags.tokenHash !== undefined && revoked.has(tags.tokenHash),
      LINK_REVOKED.code,
      LINK_REVOKED.reason,
      // Every process watches the same signal itself (R61, L4): nothing to announce on the bus
      // (SQLite's data_version moves with every other process's append).
      { announce: false },
    );
    if (closed > 0) deps.log.info('revoked_links_closed', { closed });
  };
  // One check at a time; a change during a check runs one more after it, so none is missed.
  let again = false;
  const run = () => {
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    again = false;
    check()
      .catch((error: unknown) =>
        deps.log.warn('revoked_links_check_failed', { error: error as Error }),
      )
      .finally(() => {
        checking = false;
        if (again) run();
      });
  };
  return deps.changes.subscribe(run);
}
