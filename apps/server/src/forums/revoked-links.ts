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
  const timer = setInterval(() => {
    let now: number;
    try {
      now = version();
    } catch {
      return; // the database is closing
    }
    if (now === seen) return;
    seen = now;
    const alive = new Map<string, boolean>();
    const revoked = (hash: string) => {
      let known = alive.get(hash);
      if (known === undefined) {
        known = deps.forums.findGrant(Buffer.from(hash, 'hex')) !== null;
        alive.set(hash, known);
      }
      return !known;
    };
    const closed = deps.relay.closeWhere(
      (tags) => tags.tokenHash !== undefined && tags.tokenHash !== '' && revoked(tags.tokenHash),
      LINK_REVOKED.code,
      LINK_REVOKED.reason,
    );
    if (closed > 0) deps.log.info('revoked_links_closed', { closed });
  }, deps.intervalMs ?? 500);
  timer.unref();
  return () => clearInterval(timer);
}
