import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import frCA from '../i18n/fr-CA.json';
import en from '../i18n/en.json';
import { TOOL_SHORTCUTS } from '../tools/registry';
import { labelWithShortcut, showsKeys, type Translate } from './shortcuts';

async function translator(lng: string): Promise<Translate> {
  const instance = i18next.createInstance();
  await instance.init({
    lng,
    resources: { 'fr-CA': { translation: frCA }, en: { translation: en } },
    interpolation: { escapeValue: false },
  });
  return (key, options) => (options ? instance.t(key, options) : instance.t(key));
}

describe('labels with shortcuts', () => {
  it('shows the keys with a mouse, in each language’s own words', async () => {
    const fr = await translator('fr-CA');
    const english = await translator('en');
    expect(labelWithShortcut(fr, 'actions.duplicate', 'duplicate', true)).toBe(
      'Dupliquer (Ctrl+D)',
    );
    expect(labelWithShortcut(fr, 'actions.redo', 'redo', true)).toBe('Rétablir (Ctrl+Maj+Z)');
    expect(labelWithShortcut(english, 'actions.redo', 'redo', true)).toBe('Redo (Ctrl+Shift+Z)');
    expect(labelWithShortcut(fr, 'tools.note', 'note', true)).toBe('Papillon adhésif (N)');
  });

  it('hides them on a touch screen', async () => {
    const fr = await translator('fr-CA');
    expect(labelWithShortcut(fr, 'actions.duplicate', 'duplicate', false)).toBe('Dupliquer');
    expect(labelWithShortcut(fr, 'actions.zoomFit', 'zoomFit', false)).toBe('Tout afficher');
  });

  it('names, for every tool, the very key the keyboard handler listens to', async () => {
    for (const lng of ['fr-CA', 'en']) {
      const t = await translator(lng);
      for (const [key, tool] of Object.entries(TOOL_SHORTCUTS)) {
        expect(t(`shortcuts.${tool}`)).toBe(key.toUpperCase());
        // No key left in the plain label (it would show twice, or on phones).
        expect(t(`tools.${tool}`)).not.toMatch(/\(/u);
      }
    }
  });

  it('stops advertising single keys once they are turned off; Ctrl shortcuts stay', () => {
    expect(showsKeys('note', false, true)).toBe(true);
    expect(showsKeys('note', false, false)).toBe(false);
    expect(showsKeys('zoomFit', false, false)).toBe(false);
    expect(showsKeys('undo', false, false)).toBe(true);
    expect(showsKeys('undo', true, true)).toBe(false);
  });
});
