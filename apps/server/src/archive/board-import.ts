import type { InsertSummary, ParsedBoardFile } from '@carton/board';
import {
  Board,
  BoardCommandError,
  BoardFileError,
  insertBoardFile,
  parseBoardFile,
  parseBoardFileText,
  SERVER_ORIGIN,
} from '@carton/board';
import type { SqliteBlobStore } from '../blobs/blob-store.ts';
import type { Relay } from '../relay/relay.ts';
import { ArchiveError } from './errors.ts';
import { prepareImages, remapBlobIds } from './images.ts';

export interface BoardImportDeps {
  relay: Relay;
  blobs: SqliteBlobStore;
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
  let parsed: ParsedBoardFile;
  try {
    parsed = parseBoardFile(parseBoardFileText(body, { maxBytes }));
  } catch (error) {
    if (!(error instanceof BoardFileError)) throw error;
    const first = error.issues[0];
    return {
      ok: false,
      status: first?.code === 'too_large' && first.path === '(root)' ? 413 : 400,
      code: first?.code ?? 'invalid_value',
      message: error.message,
      path: first?.path ?? '(root)',
      issues: error.issues.slice(0, 100),
    };
  }
  let prepared: ReturnType<typeof prepareImages>;
  try {
    prepared = prepareImages(parsed.images, '');
  } catch (error) {
    if (!(error instanceof ArchiveError)) throw error;
    return { ok: false, status: 400, code: error.code, message: error.message, path: error.path };
  }
  let newBytes = 0;
  for (const [blobId, image] of prepared.images) {
    if (!deps.blobs.info(target.forumId, blobId)) newBytes += image.info.bytes;
  }
  if (newBytes > 0 && deps.blobs.forumBytes(target.forumId) + newBytes > deps.maxForumImageBytes) {
    return {
      ok: false,
      status: 507,
      code: 'image_quota_exceeded',
      message: 'This forum has no room for the images of this file.',
      path: 'images',
    };
  }
  for (const image of prepared.images.values()) {
    deps.blobs.put(target.forumId, image.info, image.data);
  }
  const file = { ...parsed, shapes: remapBlobIds(parsed.shapes, prepared.remap) };
  let summary: InsertSummary | null = null;
  let refused: BoardCommandError | null = null;
  const applied = await deps.relay.changeBoard(target.boardId, (doc) => {
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
  return { ok: true, created, skipped, images: prepared.images.size };
}
