import { randomUUID } from 'node:crypto';
import { SERVER_ORIGIN } from '@carton/board';
import * as Y from 'yjs';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { removeUnshownImages } from '../forums/refused-board.ts';
import { BoardNotStoredError, type Relay } from '../relay/relay.ts';
import { fitsImageQuota, IMAGE_QUOTA_REFUSAL } from './check-board-file.ts';
import { prepareBoardImportOffThread } from './off-thread.ts';

export interface BoardImportDeps {
  relay: Relay;
  blobs: BlobStore;
  forums: ForumStore;
  maxForumImageBytes: number;
}

export type BoardImportResult =
  | { ok: true; created: number; skipped: number; images: number }
  | {
      ok: false;
      status: 400 | 409 | 413 | 503 | 507;
      code: string;
      message: string;
      path: string;
      issues?: readonly { code: string; path: string; message: string }[];
    };

/**
 * POST /api/boards/:id/import: a board file (text or bytes) added to the live board as ONE
 * change with the server origin through its room (M31), so connected clients receive it as an
 * ordinary update and it is stored like any other (R5). Everything is checked first — JSON,
 * format, version, every shape, every embedded image (sniffed) and the forum's image quota —
 * and a refused file changes nothing.
 */
export async function importIntoBoard(
  deps: BoardImportDeps,
  target: { boardId: string; forumId: string },
  body: Uint8Array,
  maxBytes: number,
): Promise<BoardImportResult> {
  const base = await deps.relay.withBoardDoc(target.boardId, (doc) => Y.encodeStateAsUpdate(doc));
  // Everything that grows with the file runs in a worker thread (off-thread.ts).
  const checked = await prepareBoardImportOffThread({ body, maxBytes, base });
  if (!checked.ok) return checked;
  if (!(await fitsImageQuota(checked.images, target.forumId, deps))) return IMAGE_QUOTA_REFUSAL;
  // Marked with this request (R54's `put_by`): if the change is then refused or not stored,
  // the images it inserted — nobody put since and no board shows — are removed (R35's quota).
  const putBy = `import:${randomUUID()}`;
  const imageIds = checked.images.map((image) => image.info.blobId);
  if (checked.images.length > 0) {
    const stored = await deps.blobs.put(
      target.forumId,
      checked.images,
      deps.maxForumImageBytes,
      putBy,
    );
    if (stored === null) return IMAGE_QUOTA_REFUSAL;
  }
  let result: BoardImportResult;
  try {
    result = await applyBoardUpdate(deps, target.boardId, checked);
  } catch (error) {
    await removeImported(deps, target.forumId, imageIds, putBy);
    throw error;
  }
  if (!result.ok) await removeImported(deps, target.forumId, imageIds, putBy);
  return result.ok ? { ...result, images: checked.images.length } : result;
}

/**
 * The images a failed import inserted, unless a board of the forum shows one by now: another
 * board's room may have it from an element copied while the import was on screen (read as the
 * relay holds each board, R54's check). Best effort: what a failure here leaves is what a crash
 * leaves, unreachable and never wrong.
 */
async function removeImported(
  deps: BoardImportDeps,
  forumId: string,
  imageIds: readonly string[],
  putBy: string,
): Promise<void> {
  try {
    await removeUnshownImages(forumId, imageIds, putBy, {
      forums: deps.forums,
      blobs: deps.blobs,
      readBoardDoc: (boardId, read) => deps.relay.withBoardDoc(boardId, read),
    });
  } catch {
    // Left as a crash at that moment would leave it.
  }
}

/** The file's shapes, made into one update off the event loop, applied to the live board. */
async function applyBoardUpdate(
  deps: BoardImportDeps,
  boardId: string,
  prepared: { update: Uint8Array; created: number; skipped: number },
): Promise<BoardImportResult> {
  let applied: boolean;
  try {
    // Settles once the import is stored (R5); BoardNotStoredError if storage did not take it.
    applied = await deps.relay.changeBoard(boardId, (doc) => {
      Y.applyUpdate(doc, prepared.update, SERVER_ORIGIN);
    });
  } catch (error) {
    if (!(error instanceof BoardNotStoredError)) throw error;
    return {
      ok: false,
      status: 503,
      code: 'storage_unavailable',
      message: 'The import could not be stored; nothing was changed. Try again in a moment.',
      path: '(root)',
    };
  }
  if (!applied) {
    return {
      ok: false,
      status: 503,
      code: 'board_unavailable',
      message: 'The board could not be loaded; try again.',
      path: '(root)',
    };
  }
  return { ok: true, created: prepared.created, skipped: prepared.skipped, images: 0 };
}
