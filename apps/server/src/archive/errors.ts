import type { BoardFileIssue } from '@carton/board';

/**
 * Stable codes for refused archives, beside the board-file codes (BoardFileIssueCode) of the
 * board files inside: `not_zip`, `unsafe_path` (an entry name that could leave the folder it is unpacked in),
 * `zip_bomb` (entries, sizes or ratio past ARCHIVE_LIMITS),
 * `too_large`, `missing_manifest`, `wrong_format`, `future_version`, `invalid_manifest`,
 * `missing_file`, `checksum_mismatch`, `invalid_board`, `broken_image`, `image_quota_exceeded`.
 */
export type ArchiveErrorCode =
  | 'not_zip'
  | 'unsafe_path'
  | 'zip_bomb'
  | 'too_large'
  | 'missing_manifest'
  | 'wrong_format'
  | 'future_version'
  | 'invalid_manifest'
  | 'missing_file'
  | 'checksum_mismatch'
  | 'invalid_board'
  | 'broken_image'
  | 'image_quota_exceeded'
  /** Export: the forum's boards and images alone pass what an import takes (413). */
  | 'archive_too_large';

export class ArchiveError extends Error {
  override readonly name = 'ArchiveError';
  constructor(
    readonly code: ArchiveErrorCode,
    message: string,
    /** Where: an entry name, optionally with a JSON path (`boards/02-kamouraska.json: shapes[3].x`). */
    readonly path: string = '(archive)',
    /** For `invalid_board`: the board file's issues, with their own codes. */
    readonly issues: readonly BoardFileIssue[] = [],
  ) {
    super(message);
  }
}
