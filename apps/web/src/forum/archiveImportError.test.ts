import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import {
  ARCHIVE_ERROR_CODES,
  IMPORT_REQUEST_CODES,
  archiveImportErrorText,
} from './archiveImportError';

/** The status each code comes with from POST /api/forums/import (apps/server/src/archive/routes.ts). */
const STATUS: Record<string, number> = {
  too_large: 413,
  archive_too_large: 413,
  payload_too_large: 413,
  image_quota_exceeded: 507,
  insufficient_storage: 507,
  import_busy: 503,
  too_many_requests: 429,
};
const ALL_CODES = [...ARCHIVE_ERROR_CODES, ...IMPORT_REQUEST_CODES];
const failure = (code: string) => new ApiError(STATUS[code] ?? 400, code, 'English for developers');

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

describe('every answer of the forum import has its sentence', () => {
  it('in French and in English, each its own, never a key or the server’s English', async () => {
    for (const lang of ['fr-CA', 'en'] as const) {
      const t = await testTranslator(lang);
      const texts = ALL_CODES.map((code) => archiveImportErrorText(failure(code), t));
      for (const [i, text] of texts.entries()) {
        expect(text, ALL_CODES[i]).not.toMatch(/^home\.|^forum\.|English|erreur \d|error \d/);
        expect(text.length, ALL_CODES[i]).toBeGreaterThan(20);
      }
      // payload_too_large is said as too_large; every other code has a sentence of its own.
      expect(new Set(texts).size).toBe(ALL_CODES.length - 1);
    }
  });

  it('says what to do for the refusals met at a venue', async () => {
    const fr = await testTranslator('fr-CA');
    const en = await testTranslator('en');
    const say = (code: string, t: typeof fr) => archiveImportErrorText(failure(code), t);
    expect(say('unsafe_path', fr)).toContain('«\u00a0../\u00a0»');
    expect(say('unsafe_path', fr)).toContain('Rien n’a été importé');
    expect(say('future_version', fr)).toContain('mettez ce serveur à jour');
    expect(say('future_version', en)).toContain('update this server');
    expect(say('checksum_mismatch', fr)).toContain('modifié ou abîmé');
    expect(say('zip_bomb', fr)).toContain('trop grosse');
    expect(say('import_busy', fr)).toContain('Réessayez dans une minute');
    expect(say('import_busy', en)).toContain('Try again in a minute');
    expect(say('archive_too_large', fr)).toContain('plus qu’un forum ne peut en tenir');
    // 429 whatever its code (a proxy's own limit included).
    expect(archiveImportErrorText(new ApiError(429, 'rate_limited', 'x'), fr)).toBe(
      say('too_many_requests', fr),
    );
  });

  it('has a general sentence for what the server did not name', async () => {
    const fr = await testTranslator('fr-CA');
    const en = await testTranslator('en');
    const crashed = new ApiError(500, 'internal_error', 'Something went wrong on the server.');
    expect(archiveImportErrorText(crashed, fr)).toContain('pendant l’importation');
    expect(archiveImportErrorText(crashed, en)).toContain('during the import');
    const odd = new ApiError(418, 'teapot', 'x');
    expect(archiveImportErrorText(odd, fr)).toContain('erreur 418');
    expect(archiveImportErrorText(odd, fr)).toContain('rien n’a été importé');
    expect(archiveImportErrorText(odd, en)).toContain('error 418');
  });
});
