import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { ApiError } from '../board/api';
import { spotlightBy, spotlightElsewhereText, spotlightErrorText } from './spotlightText';

describe('spotlightElsewhereText', () => {
  it('names who presents, or starts with the role as a sentence when no name is known', async () => {
    const fr = await testTranslator('fr-CA');
    expect(spotlightElsewhereText('Jocelyne', fr)).toBe('Jocelyne présente un autre tableau.');
    expect(spotlightElsewhereText(null, fr)).toBe('L’animation présente un autre tableau.');
    expect(spotlightElsewhereText('', fr)).toBe('L’animation présente un autre tableau.');
    const en = await testTranslator('en');
    expect(spotlightElsewhereText(undefined, en)).toBe(
      'The facilitator is presenting another board.',
    );
    expect(spotlightElsewhereText('Jocelyne', en)).toBe('Jocelyne is presenting another board.');
  });
});

describe('spotlightBy', () => {
  it('sends a name the server takes (R24): no control, bidi or broken character', () => {
    expect(spotlightBy(' Josée 🎤 ')).toBe('Josée 🎤');
    expect(spotlightBy('Josée\tLavoie')).toBe('Josée Lavoie');
    expect(spotlightBy('Anim\u202Eation\u0000')).toBe('Anim ation');
    expect(spotlightBy('Jocelyne \ud83c')).toBe('Jocelyne');
    expect(spotlightBy('\u200b\u200f')).toBeUndefined();
    expect(Array.from(spotlightBy('é'.repeat(100))!)).toHaveLength(80);
  });
});

describe('spotlightErrorText', () => {
  it('says in French why « Tout le monde vers moi » was refused, never the server’s English', async () => {
    const fr = await testTranslator('fr-CA');
    // F3 / R24: an older client or a server stricter than this one refuses the name.
    const name = new ApiError(400, 'invalid_request', 'by: must be plain visible text');
    expect(spotlightErrorText(name, true, fr)).toBe(
      '«\u00a0Tout le monde vers moi\u00a0» n’a pas démarré. Le serveur n’accepte pas votre nom tel qu’il est écrit sur cet appareil. Changez-le («\u00a0Changer de nom\u00a0», dans la liste des personnes), puis réessayez.',
    );
    const board = new ApiError(400, 'invalid_request', 'boardId: must be a board of this forum');
    expect(spotlightErrorText(board, true, fr)).toContain('ne fait plus partie du forum');
    const offline = new ApiError(0, 'network', 'Failed to fetch');
    expect(spotlightErrorText(offline, false, fr)).toBe(
      'La diffusion ne s’est pas arrêtée. Le serveur ne répond pas. Vérifiez la connexion (wifi), puis réessayez.',
    );
    const en = await testTranslator('en');
    expect(spotlightErrorText(name, true, en)).toContain('does not accept your name');
    expect(spotlightErrorText(board, true, en)).not.toContain('must be');
  });
});
