// A refused forum archive said in plain words: every code POST /api/forums/import can answer
// (ARCHIVE, R32) has a sentence under `home.importArchive.errors`; a failure the server did not
// name (a proxy's 502, an unknown code) still says that nothing was imported.
import { ApiError } from '../board/api';
import { forumErrorText, type Translate } from './errorText';

/** The archive refusals (the server's ArchiveErrorCode; tests/e2e/server-errors checks the two agree). */
export const ARCHIVE_ERROR_CODES = [
  'not_zip',
  'unsafe_path',
  'zip_bomb',
  'missing_manifest',
  'wrong_format',
  'future_version',
  'invalid_manifest',
  'missing_file',
  'checksum_mismatch',
  'invalid_board',
  'broken_image',
  'too_large',
  'image_quota_exceeded',
  'archive_too_large',
] as const;

/** What the import route itself answers before or around reading the archive. */
export const IMPORT_REQUEST_CODES = [
  // 413 from the body limit: said as `too_large`.
  'payload_too_large',
  // 507: the upload would leave the server's disk too full.
  'insufficient_storage',
  // 503 with Retry-After: two imports already run in this process.
  'import_busy',
  // 429: the per-address budget shared with forum creation (R32).
  'too_many_requests',
] as const;

const SENTENCES: ReadonlySet<string> = new Set([...ARCHIVE_ERROR_CODES, ...IMPORT_REQUEST_CODES]);

export function archiveImportErrorText(error: unknown, t: Translate): string {
  if (!(error instanceof ApiError) || error.status === 0) return forumErrorText(error, t);
  const code =
    error.code === 'payload_too_large'
      ? 'too_large'
      : error.status === 429
        ? 'too_many_requests'
        : error.code;
  if (SENTENCES.has(code)) return t(`home.importArchive.errors.${code}`, {});
  if (error.status >= 500) return t('home.importArchive.errors.server', {});
  return t('home.importArchive.errors.unknown', { status: error.status });
}
