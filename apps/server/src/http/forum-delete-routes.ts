import type { Context, Hono } from 'hono';
import { FORUM_DELETED, type AccessDenied } from '../forums/access.ts';
import type { ErasedForum } from '../forums/forum-store.ts';
import { FORUM_DELETED_CLOSE } from '../forums/links.ts';
import type { Relay } from '../relay/relay.ts';
import type { AppDeps } from './app.ts';
import type { createAccessChecks } from './board-access.ts';
import { jsonError } from './errors.ts';

type Checks = ReturnType<typeof createAccessChecks>;

const refuse = (c: Context, denied: AccessDenied) =>
  jsonError(c, denied.status, denied.code, denied.message);

/**
 * R70: closes with 4410 every connection of an erased forum in this process — on its boards, on
 * its forum document, and any opened with one of its links — and tells the other processes
 * (R67's bus; R61's NOTIFY and SQLite's data_version reach them too).
 */
export function closeErasedForum(relay: Relay, erased: ErasedForum): number {
  const rooms = new Set(erased.documentIds);
  const hashes = new Set(erased.tokenHashes.map((hash) => hash.toString('hex')));
  return relay.closeWhere(
    (tags, connection) =>
      rooms.has(connection.boardId) ||
      tags.forumId === erased.id ||
      (tags.tokenHash !== undefined && hashes.has(tags.tokenHash)),
    FORUM_DELETED_CLOSE.code,
    FORUM_DELETED_CLOSE.reason,
  );
}

/**
 * R70: `DELETE /api/forums/:id` (facilitator only): the alliance erases a forum for good once
 * its archive is downloaded. A second request, and every link of the forum, answers 410.
 */
export function registerForumDeleteRoutes(app: Hono, deps: AppDeps, checks: Checks): void {
  app.delete('/api/forums/:id', async (c) => {
    const access = await checks.forum(c);
    if (!access.ok) return refuse(c, access);
    // One transaction; storage that refuses it answers 503 like every write (R69), and
    // nothing is erased.
    const erased = await deps.forums.eraseForum(access.forum.id);
    // Null: another request erased it since the check above (that one answered 200).
    if (erased === null) return refuse(c, FORUM_DELETED);
    const closed = closeErasedForum(deps.relay, erased);
    // Its photos kept in memory and their small copies (R71) go with it; the other processes
    // let theirs go on the bus's notice (access-recheck.ts), else they age out unread (their
    // routes answer 410 meanwhile).
    deps.smallImages.forgetForum(erased.id);
    deps.imageCaches?.forgetForum(erased.id);
    deps.log.info('forum_deleted', {
      forum: erased.id,
      documents: erased.documentIds.length,
      closed,
    });
    return c.json({ deleted: { id: erased.id, title: erased.title } });
  });
}
