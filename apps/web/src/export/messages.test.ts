import { describe, expect, it } from 'vitest';
import {
  BOARD_FILE_ISSUE_CODES,
  BoardFileError,
  InteropError,
  TooManyShapesError,
} from '@carton/board';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import {
  ExportError,
  INTEROP_ERROR_CODES,
  SERVER_ERROR_CODES,
  errorMessage,
  newBoardCreatedMessage,
} from './messages';

const BRIEF_SERVER_CODES = [
  'payload_too_large',
  'too_many_requests',
  'board_read_only',
  'image_quota_exceeded',
  'unsupported_image_type',
  'image_too_large',
];

describe('export and import error messages', () => {
  it('say every model and server code in French and in English', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const errors: unknown[] = [
      ...BOARD_FILE_ISSUE_CODES.map(
        (code) => new BoardFileError([{ code, path: '(root)', message: code }]),
      ),
      ...INTEROP_ERROR_CODES.map((code) => new InteropError(code, code)),
      ...SERVER_ERROR_CODES.map((code) => new ApiError(400, code, code)),
      ...(['canvas', 'image_fetch', 'empty', 'empty_selection', 'no_carton'] as const).map(
        (code) => new ExportError(code, code),
      ),
    ];
    expect(
      BRIEF_SERVER_CODES.every((c) => (SERVER_ERROR_CODES as readonly string[]).includes(c)),
    ).toBe(true);
    for (const error of errors) {
      const french = errorMessage(error, fr);
      const inEnglish = errorMessage(error, english);
      expect(french, String(error)).not.toMatch(/export\.errors|undefined/);
      expect(inEnglish, String(error)).not.toMatch(/export\.errors|undefined/);
      expect(french).not.toBe(inEnglish);
    }
  });

  it('names where a board file is wrong, and the CSV line in French', async () => {
    const fr = await testTranslator('fr-CA');
    const file = new BoardFileError([
      { code: 'invalid_value', path: 'shapes[3].x', message: 'x' },
      { code: 'bad_reference', path: 'shapes[4].parentId', message: 'p' },
    ]);
    const message = errorMessage(file, fr);
    expect(message).toContain('Une valeur du fichier est manquante ou invalide.');
    expect(message).toContain('shapes[3].x');
    expect(message).toContain('1 autre problème');
    expect(errorMessage(new InteropError('unterminated_quote', 'q', 'line 12'), fr)).toContain(
      'ligne 12',
    );
    expect(
      errorMessage(new BoardFileError([{ code: 'not_json', path: '(root)', message: '' }]), fr),
    ).toBe('Ce fichier n’est pas du JSON valide.');
  });

  it('says a board file refused by the server (R54) like a file checked here', async () => {
    const fr = await testTranslator('fr-CA');
    const local = errorMessage(
      new BoardFileError([{ code: 'bad_reference', path: '(root)', message: '' }]),
      fr,
    );
    expect(errorMessage(new ApiError(400, 'bad_reference', 'invalid board file'), fr)).toBe(local);
    expect(errorMessage(new ApiError(409, 'too_many_boards', 'full'), fr)).toBe(
      'Ce forum a atteint son nombre maximal de tableaux.',
    );
  });

  it('says in French why a file of too many shapes is refused, here or by the server', async () => {
    const fr = await testTranslator('fr-CA');
    const said =
      'Trop de formes\u00a0: un tableau en tient au plus 10\u00a0000, en comptant celles qu’il a déjà. Rien n’a été importé.';
    const local = new BoardFileError([
      { code: 'too_many_shapes', path: 'shapes', message: 'a board holds at most 10000 shapes' },
    ]);
    expect(errorMessage(local, fr)).toContain(said);
    // The server's answer when the board's own shapes and the file's pass the bound.
    expect(errorMessage(new ApiError(409, 'too_many_shapes', 'A board holds at most'), fr)).toBe(
      said,
    );
    // Imported into this browser's board (a board file, a CSV, a drawing), refused by the model.
    expect(errorMessage(new TooManyShapesError(9_999, 2), fr)).toBe(said);
  });

  it('falls back to the status for an unknown server code', async () => {
    const fr = await testTranslator('fr-CA');
    expect(errorMessage(new ApiError(413, 'whatever', 'big'), fr)).toBe(
      'Le fichier est trop volumineux pour le serveur.',
    );
    expect(errorMessage(new ApiError(500, 'boom', 'Internal'), fr)).toContain('500');
  });
});

describe('R6: an import into a live board the server could not store', () => {
  it('says nothing was changed, in French and in English', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const notStored = new ApiError(
      503,
      'storage_unavailable',
      'The import could not be stored; nothing was changed. Try again in a moment.',
    );
    expect(errorMessage(notStored, fr)).toBe(
      'Le serveur n’a pas pu enregistrer ce changement\u00a0: rien n’a été modifié. Réessayez dans un instant.',
    );
    expect(errorMessage(notStored, english)).toContain('nothing was changed');
    const closed = new ApiError(503, 'board_unavailable', 'The board could not be loaded.');
    expect(errorMessage(closed, fr)).toContain('ouvrir ce tableau');
    expect(errorMessage(closed, fr)).not.toContain('could not');
  });
});

describe('a new board from a file: where its links are', () => {
  it('on the forum page, points to its list of boards, not to « la page du forum »', async () => {
    const fr = await testTranslator('fr-CA');
    const en = await testTranslator('en');
    const here = newBoardCreatedMessage('Conditions de succès — Les Basques', true, fr);
    expect(here).toContain('«\u00a0Conditions de succès — Les Basques\u00a0»');
    expect(here).toContain('plus haut, dans la liste des tableaux');
    expect(here).not.toContain('page du forum');
    expect(newBoardCreatedMessage('Les Basques', true, en)).toBe(
      'Board “Les Basques” created: its links and QR codes are above, in the list of boards.',
    );
    // From a board, the forum page is the right place to name.
    expect(newBoardCreatedMessage('Les Basques', false, fr)).toContain('sur la page du forum');
    expect(newBoardCreatedMessage('Les Basques', false, en)).toContain('on the forum page');
  });
});
