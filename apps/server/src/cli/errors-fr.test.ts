// ARCHIVE: the command line's French sentences for refused archives (errors-fr.ts).
import { describe, expect, it } from 'vitest';
import type { ArchiveErrorCode } from '../archive/errors.ts';
import { archiveRefusalText } from './errors-fr.ts';

const CODES: ArchiveErrorCode[] = [
  'not_zip',
  'unsafe_path',
  'zip_bomb',
  'too_large',
  'missing_manifest',
  'wrong_format',
  'future_version',
  'invalid_manifest',
  'missing_file',
  'checksum_mismatch',
  'invalid_board',
  'broken_image',
  'image_quota_exceeded',
  'archive_too_large',
];

const refusal = (code: ArchiveErrorCode) => ({
  code,
  message: 'English words',
  path: 'boards/02-kamouraska.json',
});

describe('carton: refused archives in French', () => {
  it('ARCHIVE: every code has its French sentence, then the code, the English and where', () => {
    for (const code of CODES) {
      const [french, english] = archiveRefusalText(refusal(code), 'import').trimEnd().split('\n');
      expect(french).toMatch(/^carton: \S.+ Rien n’a été importé\.$/);
      expect(french).not.toContain(code);
      // French typography: a non-breaking space before « : » and inside « ».
      expect(french).not.toMatch(/ [:;?!»]|« /);
      expect(english).toBe(`  ${code}: English words (boards/02-kamouraska.json)`);
    }
  });

  it('ARCHIVE: an export too large for one archive says what to do instead', () => {
    const [french] = archiveRefusalText(refusal('archive_too_large'), 'export').split('\n');
    expect(french).toContain('trop volumineux pour tenir dans une seule archive');
    expect(french).not.toContain('importé');
  });
});
