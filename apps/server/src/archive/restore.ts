import { BOARD_FILE_FORMAT, BOARD_FILE_VERSION, importBoard, SERVER_ORIGIN } from '@carton/board';
import * as Y from 'yjs';
import type { SqliteBlobStore } from '../blobs/blob-store.ts';
import { forumLinks, issueForumTokens, type CreatedForum } from '../forums/create-forum.ts';
import type { BoardRecord, ForumStore } from '../forums/forum-store.ts';
import { generateId } from '../forums/tokens.ts';
import type { BoardStorage } from '../storage/board-storage.ts';
import { ArchiveError } from './errors.ts';
import type { ValidatedArchive } from './read.ts';

export interface RestoreDeps {
  forums: ForumStore;
  boards: BoardStorage;
  blobs: SqliteBlobStore;
  /** Base of page links, without trailing slash. */
  baseUrl: string;
  /** The forum image quota (R35); the archive's images must fit. */
  maxForumImageBytes: number;
}

/**
 * Recreates an archived forum as a NEW forum with new ids and new links, exactly like
 * POST /api/forums answers (R23): every board's document rebuilt from its file (same shapes,
 * same ids), its images stored for the new forum. Board documents and images are written
 * before the forum rows, so a crash in between leaves nothing reachable (as createForum does).
 */
export async function restoreForumArchive(
  archive: ValidatedArchive,
  deps: RestoreDeps,
): Promise<CreatedForum> {
  if (archive.imageBytes > deps.maxForumImageBytes) {
    throw new ArchiveError(
      'image_quota_exceeded',
      `the archive's images take ${archive.imageBytes} bytes; a forum may hold ${deps.maxForumImageBytes}`,
    );
  }
  const forumId = generateId();
  const title = archive.manifest.forum.title;
  const ordered = [...archive.boards].sort((a, b) => a.entry.position - b.entry.position);
  const boards: BoardRecord[] = ordered.map(({ entry }, position) => ({
    id: generateId(),
    forumId,
    position,
    kind: entry.kind,
    title: entry.title,
    territory: entry.territory,
  }));
  for (const [i, { file }] of ordered.entries()) {
    const doc = importBoard(
      {
        format: BOARD_FILE_FORMAT,
        version: BOARD_FILE_VERSION,
        meta: file.meta,
        shapes: file.shapes,
      },
      SERVER_ORIGIN,
    );
    try {
      await deps.boards.compact(boards[i]!.id, Y.encodeStateAsUpdate(doc), 0);
    } finally {
      doc.destroy();
    }
  }
  // New links, sealed for the new facilitator like a new forum's (L1): its page lists them.
  const { grants, facilitatorToken, issued } = issueForumTokens(forumId, boards);
  const date = archive.manifest.forum.date ?? null;
  deps.forums.createForum({ id: forumId, title, createdAt: Date.now(), date }, boards, grants);
  // Blobs reference the forum row (foreign key): stored right after it.
  for (const image of archive.images.values()) deps.blobs.put(forumId, image.info, image.data);

  return {
    forum: { id: forumId, title, date },
    ...forumLinks(deps.baseUrl, forumId, facilitatorToken, issued),
  };
}
