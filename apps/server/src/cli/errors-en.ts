// The English twins of errors-fr.ts, for an administrator whose terminal speaks English
// (cliLanguage): the web client's sentences (apps/web/src/i18n/en.json,
// `home.importArchive.errors` and `serverErrors`), copied — the server never imports web code.
import type { ArchiveErrorCode } from '../archive/errors.ts';

/** One sentence per archive refusal (every ArchiveErrorCode: the type checks none is missing). */
export const ARCHIVE_ERRORS_EN: Readonly<Record<ArchiveErrorCode, string>> = {
  not_zip: 'This file is not a .zip archive, or it is damaged.',
  zip_bomb: 'This archive is too large once unpacked to be imported.',
  missing_manifest: 'This .zip file is not a Carton forum archive (it has no manifest.json).',
  wrong_format: 'This .zip file is not a Carton forum archive.',
  future_version:
    'This archive comes from a newer version of Carton: update this server to import it.',
  invalid_manifest: 'The archive is damaged: its manifest.json cannot be read.',
  missing_file: 'The archive is incomplete: a board file is missing.',
  checksum_mismatch: 'A file in the archive was changed or damaged since it was downloaded.',
  invalid_board: 'A board in the archive cannot be read.',
  broken_image: 'A photo in the archive is damaged.',
  too_large: 'This archive is larger than a Carton server accepts.',
  image_quota_exceeded:
    'The photos in this archive exceed the space for a forum’s images on this server.',
  unsafe_path:
    'This archive holds a file whose name would leave its folder (such as “../”): Carton did not write it as it is.',
  archive_too_large: 'This archive holds more than a forum can on this server.',
};

/** An export refused before its first byte (413 `archive_too_large` on HTTP). */
export const EXPORT_TOO_LARGE_EN =
  'This forum is too large to fit in one archive Carton can import again. Keep its boards one by one instead: open each board, then “Export / Import” and “Whole board (JSON)”.';

/** R6 on import: the database refused a write; the import left nothing behind. */
export const NOT_STORED_EN =
  'The database did not store the import: nothing was imported. Try again in a moment.';
