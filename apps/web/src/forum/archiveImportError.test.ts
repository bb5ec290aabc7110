import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import { ARCHIVE_ERROR_CODES, archiveImportErrorText } from './archiveImportError';

describe('forum archive import errors', () => {
  it('say each archive refusal in French, never the server’s English', async () => {
    const fr = await testTranslator('fr-CA');
    const texts = ARCHIVE_ERROR_CODES.map((code) =>
      archiveImportErrorText(new ApiError(400, code, 'not a zip file: invalid zip data'), fr),
    );
    for (const text of texts) {
      expect(text).not.toMatch(/home\.|invalid zip|^\s*$/);
      expect(text.length).toBeGreaterThan(20);
    }
    expect(new Set(texts).size).toBe(ARCHIVE_ERROR_CODES.length);
    expect(archiveImportErrorText(new ApiError(413, 'payload_too_large', 'x'), fr)).toBe(
      texts[ARCHIVE_ERROR_CODES.indexOf('too_large')],
    );
    expect(archiveImportErrorText(new TypeError('Failed to fetch'), fr)).toContain('réessayez');
  });

  it('in English too', async () => {
    const en = await testTranslator('en');
    expect(archiveImportErrorText(new ApiError(400, 'not_zip', 'x'), en)).toBe(
      'This file is not a .zip archive, or it is damaged.',
    );
  });
});
