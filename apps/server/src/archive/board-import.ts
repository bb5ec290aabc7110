import { randomUUID } from 'node:crypto';
import type { InsertSummary, ParsedBoardFile } from '@carton/board';
import {
  Board,
  BoardCommandError,
  BoardFileError,
  insertBoardFile,
  parseBoardFileText,
  SERVER_ORIGIN,
} from '@carton/board';
import type { BlobStore } from '../blobs/blob-store.ts';
import type { ForumStore } from '../forums/forum-store.ts';
import { removeUnshownImages } from '../forums/refused-board.ts';
import { BoardNotStoredError, type Relay } from '../relay/relay.ts';
import { boardFileRefusal, checkBoardFile, IMAGE_QUOTA_REFUSAL } from './check-board-file.ts';

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
  let json: unknown;
  try {
    json = parseBoardFileText(body, { maxBytes });
  } catch (error) {
    if (!(error instanceof BoardFileError)) throw error;
    const first = error.issues[0];
    return boardFileRefusal(error, first?.code === 'too_large' ? 413 : 400);
  }
  const checked = await checkBoardFile(json, target.forumId, deps);
  if (!checked.ok) return checked;
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
    result = await applyBoardFile(deps, target.boardId, checked.parsed);
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

/** The checked file inserted in the live board as one change; its images are stored. */
async function applyBoardFile(
  deps: BoardImportDeps,
  boardId: string,
  file: ParsedBoardFile,
): Promise<BoardImportResult> {
  let summary: InsertSummary | null = null;
  let refused: BoardCommandError | null = null;
  let applied: boolean;
  try {
    // Settles once the import is stored (R5); BoardNotStoredError if storage did not take it.
    applied = await deps.relay.changeBoard(boardId, (doc) => {
      const board = new Board(doc);
      try {
        summary = insertBoardFile(board, file, SERVER_ORIGIN);
      } catch (error) {
        // A board of a newer schema is read-only here (M23); nothing was written.
        if (!(error instanceof BoardCommandError)) throw error;
        refused = error;
      } finally {
        board.destroy();
      }
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
  if (refused !== null) {
    return {
      ok: false,
      status: 409,
      code: 'board_read_only',
      message: (refused as BoardCommandError).message,
      path: '(root)',
    };
  }
  if (!applied || summary === null) {
    return {
      ok: false,
      status: 503,
      code: 'board_unavailable',
      message: 'The board could not be loaded; try again.',
      path: '(root)',
    };
  }
  const { created, skipped } = summary as InsertSummary;
  return { ok: true, created, skipped, images: 0 };
}
