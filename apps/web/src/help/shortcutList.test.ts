import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { TOOL_SHORTCUTS } from '../tools/registry';
import type { Translate } from '../ui/shortcuts';
import { forPlatform, shortcutGroups } from './shortcutList';

async function tr(lng: 'fr-CA' | 'en'): Promise<Translate> {
  return (await testTranslator(lng)) as Translate;
}

const rowsOf = (groups: ReturnType<typeof shortcutGroups>) => groups.flatMap((g) => g.rows);

describe('the help’s keyboard shortcuts', () => {
  it('lists every tool letter of the table the keyboard listens to, and no other', async () => {
    const t = await tr('fr-CA');
    const [tools] = shortcutGroups(t, { readOnly: false, singleKeys: true, mac: false });
    expect(tools?.id).toBe('tools');
    expect(tools?.rows.map((r) => [r.id, r.keys])).toEqual(
      Object.entries(TOOL_SHORTCUTS).map(([letter, tool]) => [tool, letter.toUpperCase()]),
    );
    expect(tools?.rows.find((r) => r.id === 'note')).toEqual({
      id: 'note',
      label: 'Papillon adhésif',
      keys: 'N',
    });
  });

  it('shows the same keys as the toolbar’s labels, in each language’s words', async () => {
    for (const lng of ['fr-CA', 'en'] as const) {
      const t = await tr(lng);
      const rows = rowsOf(shortcutGroups(t, { readOnly: false, singleKeys: true, mac: false }));
      for (const id of ['undo', 'redo', 'duplicate', 'zoomFit', 'zoomSelection']) {
        expect(rows.find((r) => r.id === id)?.keys).toBe(t(`shortcuts.${id}`));
      }
      const labels = rows.map((r) => r.label);
      expect(labels.every((l) => !l.startsWith('help.') && !l.startsWith('actions.'))).toBe(true);
    }
    const fr = rowsOf(
      shortcutGroups(await tr('fr-CA'), { readOnly: false, singleKeys: true, mac: false }),
    );
    expect(fr.find((r) => r.id === 'redo')?.keys).toBe('Ctrl+Maj+Z');
    expect(fr.find((r) => r.id === 'help')?.keys).toBe('?');
  });

  it('writes ⌘ for Ctrl on a Mac', async () => {
    const t = await tr('fr-CA');
    const rows = rowsOf(shortcutGroups(t, { readOnly: false, singleKeys: true, mac: true }));
    expect(rows.find((r) => r.id === 'undo')?.keys).toBe('⌘+Z');
    expect(rows.find((r) => r.id === 'find')?.keys).toBe('⌘+F');
    expect(rows.some((r) => r.keys.includes('Ctrl'))).toBe(false);
    expect(forPlatform('Ctrl+Maj+Z', false)).toBe('Ctrl+Maj+Z');
  });

  it('gives a view link only what it can do: no tools, no editing', async () => {
    const t = await tr('fr-CA');
    const groups = shortcutGroups(t, { readOnly: true, singleKeys: true, mac: false });
    expect(groups.map((g) => g.id)).toEqual(['commands']);
    expect(groups[0]?.title).toBe('Parcourir le tableau');
    const ids = rowsOf(groups).map((r) => r.id);
    expect(ids).toEqual(['help', 'find', 'zoomFit', 'zoomSelection', 'zoom', 'pan']);
  });

  it('leaves out the bare keys once single keys are turned off', async () => {
    const t = await tr('fr-CA');
    const groups = shortcutGroups(t, { readOnly: false, singleKeys: false, mac: false });
    const ids = rowsOf(groups).map((r) => r.id);
    expect(groups.map((g) => g.id)).toEqual(['commands']);
    expect(ids).not.toContain('help');
    expect(ids).not.toContain('zoomFit');
    expect(ids).toContain('undo');
  });
});
