// R70: `carton delete --forum <id> --yes` — the operator erases a forum for good, as the
// facilitator page's DELETE /api/forums/:id does. Without --yes it erases nothing and says
// what would go, and that an archive should be kept first.
import type { BlobStore } from '../blobs/blob-store.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { CliRefusal, type CliText, type DeletionCounts } from './language.ts';
import { printable } from './printable.ts';

export async function deleteForum(
  stores: { forums: ForumStore; blobs: BlobStore; where: string },
  command: { forumId: string; yes: boolean },
  text: CliText,
  out: (text: string) => void,
): Promise<void> {
  const { forums, blobs } = stores;
  const forum = await forums.getForum(command.forumId);
  if (!forum) throw new CliRefusal(text.noForum(printable(command.forumId), stores.where));
  if (forum.deletedAt) throw new CliRefusal(text.deletion.alreadyDeleted(printable(forum.id)));
  const counts: DeletionCounts = {
    title: printable(forum.title),
    id: printable(forum.id),
    boards: (await forums.listBoards(forum.id)).length,
    removedBoards: (await forums.listRemovedBoards(forum.id)).length,
    photoBytes: await blobs.forumBytes(forum.id),
  };
  if (!command.yes) {
    out(`${text.deletion.wouldErase(counts).join('\n')}\n`);
    throw new CliRefusal(text.deletion.needsYes(counts.id));
  }
  // One transaction. A server running on the same data notices the commit (SQLite's
  // data_version, PostgreSQL's NOTIFY: revoked-links.ts) and closes the forum's sockets with
  // 4410; what its rooms still hold, storage refuses to take back (the erase's triggers).
  const erased = await forums.eraseForum(forum.id);
  if (!erased) throw new CliRefusal(text.deletion.alreadyDeleted(counts.id));
  out(`${text.deletion.erased(counts).join('\n')}\n`);
}
