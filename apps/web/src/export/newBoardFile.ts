// A board file read for « Importer dans un nouveau tableau » (R54): validated in full here, so
// a bad file is said in the reader's language and nothing is sent to the server.
import {
  BoardFileError,
  parseBoardFile,
  parseBoardFileText,
  territoryOfBoardMeta,
} from '@carton/board';
import { MAX_BOARD_FILE_BYTES } from './importers';

/** The server's limit on a board's title (R54). */
export const MAX_TITLE = 200;

export interface NewBoardDraft {
  file: unknown;
  kind: 'territory' | 'postcards';
  shapes: number;
  title: string;
  /** The territory the file's meta names (a territory board's export), or null. */
  territory: string | null;
}

/** Reads and validates a board file; the JSON to send and what the dialog shows. */
export async function readNewBoardFile(file: File): Promise<NewBoardDraft> {
  if (file.size > MAX_BOARD_FILE_BYTES) {
    const message = `the file is larger than ${MAX_BOARD_FILE_BYTES} bytes`;
    throw new BoardFileError([{ code: 'too_large', path: '(root)', message }]);
  }
  const raw = parseBoardFileText(await file.text(), { maxBytes: MAX_BOARD_FILE_BYTES });
  const parsed = parseBoardFile(raw);
  const fallback = file.name.replace(/\.json$/i, '');
  return {
    file: raw,
    kind: parsed.meta.kind === 'postcards' ? 'postcards' : 'territory',
    shapes: parsed.shapes.length,
    title: (parsed.meta.title.trim() || fallback).slice(0, MAX_TITLE),
    territory: territoryOfBoardMeta(parsed.meta),
  };
}
