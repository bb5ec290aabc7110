import type { Logger } from '../log.ts';
import type { Relay } from '../relay/relay.ts';
import type { SqliteDatabase } from '../storage/database.ts';
import type { ForumStore } from './forum-store.ts';
import { LINK_REVOKED } from './links.ts';

/**
 * L4: `carton facilitator-link` runs in another process and deletes the old facilitator
 * token's hash; HTTP refuses it at once (every request looks the hash up), but sockets opened
 * with it would keep writing to every board of the forum. SQLite's `data_version` changes only
 * when another connection commits, so the server checks it often and, when it moved, closes
 * with 4403 every connection whose token no longer resolves. Returns a stop function.
 */
export function watchRevokedLinks(deps: {
  db: SqliteDatabase;
  forums: ForumStore;
  relay: Relay;
  log: Logger;
  intervalMs?: number;
}): () => void {
  const version = () => deps.db.pragma('data_version', { simple: true }) as number;
  let seen = version();
  // A check may outlast the interval (an async store): one at a time, the next one sees any
  // change it missed because `seen` moves only when a check starts.
  let checking = false;
  const check = async () => {
    // The hashes of every open connection: closeWhere walks them with a synchronous predicate,
    // so the lookups (which may be async) happen between two walks.
    const hashes = new Set<string>();
    deps.relay.closeWhere(
      (tags) => {
        if (tags.tokenHash !== undefined && tags.tokenHash !== '') hashes.add(tags.tokenHash);
        return false;
      },
      LINK_REVOKED.code,
      LINK_REVOKED.reason,
    );
    const revoked = new Set<string>();
    for (const hash of hashes) {
      if ((await deps.forums.findGrant(Buffer.from(hash, 'hex'))) === null) revoked.add(hash);
    }
    if (revoked.size === 0) return;
    const closed = deps.relay.closeWhere(
      (tags) => tags.tokenHash !== undefined && revoked.has(tags.tokenHash),
      LINK_REVOKED.code,
      LINK_REVOKED.reason,
    );
    if (closed > 0) deps.log.info('revoked_links_closed', { closed });
  };
  const timer = setInterval(() => {
    if (checking) return;
    let now: number;
    try {
      now = version();
    } catch {
      return; // the database is closing
    }
    if (now === seen) return;
    seen = now;
    checking = true;
    check()
      .catch((error: unknown) =>
        deps.log.warn('revoked_links_check_failed', { error: error as Error }),
      )
      .finally(() => {
        checking = false;
      });
  }, deps.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}
