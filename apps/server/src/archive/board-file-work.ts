import {
  Board,
  BoardCommandError,
  BoardFileError,
  insertBoardFile,
  MAX_FILE_SHAPES,
  parseBoardFileText,
  SERVER_ORIGIN,
  shapesMapOf,
} from '@carton/board';
import * as Y from 'yjs';
import { boardFileRefusal, readBoardFile, type BoardFileRefusal } from './check-board-file.ts';
import type { PreparedImage } from './images.ts';

/** What an import into a live board asks of the work done off the event loop. */
export type BoardFileWork = (
  | {
      /** The request's body: the board file as text (an import into a live board). */
      readonly body: Uint8Array;
      readonly maxBytes: number;
    }
  | {
      /** The board file as JSON, read with its request's body (a new board from a file, R54). */
      readonly file: unknown;
    }
) & {
  /** The board's document as one update, to insert the file's shapes into. */
  readonly base: Uint8Array;
  /** Answer the whole document (a new board's snapshot), not only the file's change. */
  readonly whole?: boolean;
};

export type BoardFileWorkResult =
  | {
      readonly ok: true;
      readonly images: PreparedImage[];
      /** The file's shapes as one update over `base` (M31), for the room to apply; with
       *  `whole`, the whole document. */
      readonly update: Uint8Array;
      readonly created: number;
      readonly skipped: number;
    }
  | (Omit<BoardFileRefusal, 'status'> & { status: 400 | 409 | 413 });

/**
 * The whole cost of a board import that grows with the file — JSON, the codec's checks (M30),
 * the images' sniffing, and Yjs building the change (M31) — as a pure function of bytes, so it
 * runs in a worker thread (`board-file-worker.ts`): 10,000 notes of ~3,000 characters held the
 * event loop ~6 s, every other board's sync waiting. The room then only applies `update`.
 */
export function prepareBoardImport(work: BoardFileWork): BoardFileWorkResult {
  let json: unknown;
  try {
    json = 'file' in work ? work.file : parseBoardFileText(work.body, { maxBytes: work.maxBytes });
  } catch (error) {
    if (!(error instanceof BoardFileError)) throw error;
    const first = error.issues[0];
    return boardFileRefusal(error, first?.code === 'too_large' ? 413 : 400);
  }
  const read = readBoardFile(json);
  if (!read.ok) return read;
  const doc = new Y.Doc();
  Y.applyUpdate(doc, work.base);
  const before = Y.encodeStateVector(doc);
  const existing = shapesMapOf(doc)?.size ?? 0;
  // M16's bound counts the board's shapes too: ten imports of 10,000 would make one of 100,000.
  if (existing + read.parsed.shapes.length > MAX_FILE_SHAPES) {
    return {
      ok: false,
      status: 409,
      code: 'too_many_shapes',
      message: `A board holds at most ${MAX_FILE_SHAPES} shapes: it has ${existing}, the file ${read.parsed.shapes.length}.`,
      path: 'shapes',
    };
  }
  const board = new Board(doc);
  try {
    const { created, skipped } = insertBoardFile(board, read.parsed, SERVER_ORIGIN);
    const update = Y.encodeStateAsUpdate(doc, work.whole === true ? undefined : before);
    return { ok: true, images: read.images, update, created, skipped };
  } catch (error) {
    // A board of a newer schema is read-only here (M23); nothing was written.
    if (!(error instanceof BoardCommandError)) throw error;
    return {
      ok: false,
      status: 409,
      code: 'board_read_only',
      message: error.message,
      path: '(root)',
    };
  } finally {
    board.destroy();
    doc.destroy();
  }
}
