/**
 * Stable codes of board-file problems, so a UI can say them in French (the `message` is English,
 * for logs and tools):
 * - `not_json`: the text is not JSON;
 * - `wrong_format`: JSON, but not a Carton board file (`format` is not 'carton-board');
 * - `future_version`: made by a newer Carton (`version` or `meta.schemaVersion` too high);
 * - `invalid_value`: a value is missing, of the wrong type or out of range (see `path`);
 * - `duplicate_id`: two shapes share an id;
 * - `bad_reference`: a parent or an arrow binding names no suitable shape of the file;
 * - `broken_image`: an embedded image is not valid base64 or not a supported image;
 * - `too_large`: the file, its shapes or an embedded image exceed a limit;
 * - `too_many_shapes`: more shapes than a board holds (MAX_FILE_SHAPES; the server also says
 *   so when the board would pass it with the shapes it already has).
 */
export type BoardFileIssueCode =
  | 'not_json'
  | 'wrong_format'
  | 'future_version'
  | 'invalid_value'
  | 'duplicate_id'
  | 'bad_reference'
  | 'broken_image'
  | 'too_large'
  | 'too_many_shapes';

export const BOARD_FILE_ISSUE_CODES: readonly BoardFileIssueCode[] = [
  'not_json',
  'wrong_format',
  'future_version',
  'invalid_value',
  'duplicate_id',
  'bad_reference',
  'broken_image',
  'too_large',
  'too_many_shapes',
];

export interface BoardFileIssue {
  readonly code: BoardFileIssueCode;
  /** Where in the file, e.g. 'shapes[3].x' ('(root)' for the whole file). */
  readonly path: string;
  readonly message: string;
}

/** A board file that cannot be imported (or a board that cannot be exported), with every issue. */
export class BoardFileError extends Error {
  readonly issues: readonly BoardFileIssue[];
  constructor(issues: readonly BoardFileIssue[]) {
    const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
    if (issues.length > 5) shown.push(`… and ${issues.length - 5} more`);
    super(`invalid board file: ${shown.join('; ')}`);
    this.name = 'BoardFileError';
    this.issues = issues;
  }

  /** The first issue's code: what a UI shows when it shows one thing. */
  get code(): BoardFileIssueCode {
    return this.issues[0]?.code ?? 'invalid_value';
  }
}
