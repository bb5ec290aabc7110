// A refused forum archive said in plain words: the server's archive codes (ARCHIVE, R32) each
// have a sentence; anything else (network, rate limit, server) is a forum action's error.
import { ApiError } from '../board/api';
import { forumErrorText, type Translate } from './errorText';

export const ARCHIVE_ERROR_CODES = [
  'not_zip',
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
] as const;

export function archiveImportErrorText(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    // 413 from the body limit carries `payload_too_large`: the same sentence as `too_large`.
    const code = error.code === 'payload_too_large' ? 'too_large' : error.code;
    if ((ARCHIVE_ERROR_CODES as readonly string[]).includes(code)) {
      return t(`home.importArchive.errors.${code}`, {});
    }
  }
  return forumErrorText(error, t);
}
