import { describe, expect, it } from 'vitest';
import { ApiError } from '../board/api';
import { testTranslator } from '../i18n/testTranslator';
import { historyErrorText } from './problem';

describe('a refused version action', () => {
  it('R6: a restore the server could not store says nothing changed, not its English', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const notStored = new ApiError(
      503,
      'storage_unavailable',
      'The change could not be stored; nothing was changed. Try again in a moment.',
    );
    expect(historyErrorText(notStored, fr)).toBe(
      'Le serveur n’a pas pu enregistrer ce changement\u00a0: rien n’a été modifié. Réessayez dans un instant.',
    );
    expect(historyErrorText(notStored, english)).toContain('could not store this change');
  });

  it('keeps the offline sentence, and never shows the server’s message', async () => {
    const fr = await testTranslator('fr-CA');
    expect(historyErrorText(new ApiError(0, 'network', 'Failed to fetch'), fr)).toContain(
      'connexion au serveur',
    );
    const failed = new ApiError(409, 'restore_failed', 'This version cannot be restored.');
    expect(historyErrorText(failed, fr)).not.toContain('This version');
    expect(historyErrorText(new ApiError(503, 'board_unavailable', 'x'), fr)).toContain(
      'ouvrir ce tableau',
    );
  });

  it('R27: a version past the board’s limit of named ones says so, not « erreur 409 »', async () => {
    const fr = await testTranslator('fr-CA');
    const english = await testTranslator('en');
    const full = new ApiError(
      409,
      'too_many_versions',
      'A board keeps at most 200 named versions; automatic versions are still kept.',
    );
    expect(historyErrorText(full, fr)).toBe(
      'Ce tableau garde déjà le nombre maximal de versions nommées\u00a0: celle-ci n’a pas été enregistrée. Les versions automatiques continuent d’être gardées.',
    );
    expect(historyErrorText(full, english)).toContain('maximum number of named versions');
  });
});
