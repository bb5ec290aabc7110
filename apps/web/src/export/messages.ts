// Every failure of an export or import, said in the reader's language: the model's stable
// codes (BoardFileError, InteropError), the server's error codes, and the browser's own limits.
// Nothing here is shown in English when French is chosen: each code has a catalogue key.
import {
  BOARD_FILE_ISSUE_CODES,
  BoardFileError,
  InteropError,
  TooManyShapesError,
  type BoardFileIssueCode,
  type InteropErrorCode,
} from '@carton/board';
import { ApiError } from '../board/api';
import { forumErrorText } from '../forum/errorText';

export const INTEROP_ERROR_CODES: readonly InteropErrorCode[] = [
  'empty_file',
  'no_text_column',
  'too_many_rows',
  'too_many_elements',
  'too_large',
  'unterminated_quote',
  'not_json',
  'wrong_format',
  'invalid_value',
];

/** Server error codes an export or import can meet (JSON `{ error: { code } }`). */
export const SERVER_ERROR_CODES = [
  'payload_too_large',
  'too_large',
  'too_many_requests',
  'board_read_only',
  'image_quota_exceeded',
  'unsupported_image_type',
  'image_too_large',
  'forbidden',
  'too_many_boards',
  'unauthorized',
  'network',
] as const;
export type ServerErrorCode = (typeof SERVER_ERROR_CODES)[number];

/**
 * An import into a live board the server could not store or open (R6, 503): nothing was
 * changed. Said with the forum page's sentences (`serverErrors`), the same for every action.
 */
export const NOT_STORED_CODES = ['storage_unavailable', 'board_unavailable'] as const;

/** Failures of the browser side: a canvas it would not allocate, an image it could not fetch. */
export class ExportError extends Error {
  constructor(
    readonly code: 'canvas' | 'image_fetch' | 'empty' | 'empty_selection' | 'no_carton',
    message: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }
}

/** A translator: i18next's `t`, or a test's. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * What « Dans un nouveau tableau » says once the board exists: where its links and QR codes
 * are. From a board, on the forum page; on the forum page itself, in its list of boards above
 * (« sur la page du forum » there sent people looking for another page).
 */
export function newBoardCreatedMessage(title: string, onForumPage: boolean, t: Translate): string {
  return t(onForumPage ? 'export.newBoard.createdHere' : 'export.newBoard.created', { title });
}

/** Where the problem is, in the reader's words (`line 12` → `ligne 12`); null for the whole file. */
export function problemPlace(path: string, t: Translate): string | null {
  if (path === '' || path === '(root)' || path === '(file)') return null;
  const line = /^line (\d+)$/.exec(path);
  return line ? t('export.errors.line', { line: line[1] }) : path;
}

function withPlace(message: string, path: string, t: Translate): string {
  const place = problemPlace(path, t);
  return place === null ? message : t('export.errors.where', { message, place });
}

export function boardFileMessage(code: BoardFileIssueCode, t: Translate): string {
  return t(`export.errors.board.${code}`);
}

export function interopMessage(code: InteropErrorCode, t: Translate): string {
  return t(`export.errors.interop.${code}`);
}

/** One sentence saying what went wrong (and where, for a file), in the current language. */
export function errorMessage(error: unknown, t: Translate): string {
  if (error instanceof BoardFileError) {
    const first = error.issues[0];
    const code = (BOARD_FILE_ISSUE_CODES as readonly string[]).includes(error.code)
      ? error.code
      : 'invalid_value';
    const message = boardFileMessage(code, t);
    const more = error.issues.length - 1;
    const placed = withPlace(message, first?.path ?? '(root)', t);
    return more > 0 ? `${placed} ${t('export.errors.more', { count: more })}` : placed;
  }
  // M37: the board and the import together would pass 10,000 shapes; nothing was added.
  if (error instanceof TooManyShapesError) return boardFileMessage('too_many_shapes', t);
  if (error instanceof InteropError) return withPlace(interopMessage(error.code, t), error.path, t);
  if (error instanceof ApiError) {
    if ((NOT_STORED_CODES as readonly string[]).includes(error.code)) {
      return forumErrorText(error, t);
    }
    // A board file the server refused (R54, M31): the codec's code, said like a local check.
    if (
      !(SERVER_ERROR_CODES as readonly string[]).includes(error.code) &&
      (BOARD_FILE_ISSUE_CODES as readonly string[]).includes(error.code)
    ) {
      return boardFileMessage(error.code as BoardFileIssueCode, t);
    }
    const code = (SERVER_ERROR_CODES as readonly string[]).includes(error.code)
      ? error.code
      : error.status === 413
        ? 'payload_too_large'
        : error.status === 429
          ? 'too_many_requests'
          : null;
    return code === null
      ? t('export.errors.server.unknown', { status: error.status, message: error.message })
      : t(`export.errors.server.${code}`);
  }
  if (error instanceof ExportError) return t(`export.errors.${error.code}`);
  return t('export.errors.unknown', {
    message: error instanceof Error ? error.message : String(error),
  });
}
