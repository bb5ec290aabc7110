import { describe, expect, it } from 'vitest';
import { testTranslator } from '../i18n/testTranslator';
import { TOOL_SHORTCUTS } from '../tools/registry';
import type { Translate } from '../ui/shortcuts';
import {
  chordLabel,
  ctrlCommandOf,
  ctrlShortcut,
  CTRL_SHORTCUTS,
  type CtrlCommand,
} from '../board/keyboardCtrl';
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
      for (const id of ['zoomFit', 'zoomSelection']) {
        expect(rows.find((r) => r.id === id)?.keys).toBe(t(`shortcuts.${id}`));
      }
      // The toolbar's « Annuler (Ctrl+Z) » names the table's first chord, as the help does.
      for (const id of ['undo', 'redo', 'duplicate'] as const) {
        const first = ctrlShortcut(id).chords[0]!;
        expect(t(`shortcuts.${id}`)).toBe(chordLabel(first, t('keyNames.shift')));
        expect(rows.find((r) => r.id === id)?.keys.split(' / ')[0]).toBe(t(`shortcuts.${id}`));
      }
      const labels = rows.map((r) => r.label);
      expect(labels.every((l) => !l.startsWith('help.') && !l.startsWith('actions.'))).toBe(true);
    }
    const fr = rowsOf(
      shortcutGroups(await tr('fr-CA'), { readOnly: false, singleKeys: true, mac: false }),
    );
    expect(fr.find((r) => r.id === 'redo')?.keys).toBe('Ctrl+Maj+Z');
    expect(fr.find((r) => r.id === 'zoom')?.keys).toBe('Ctrl+= / Ctrl+-');
    expect(fr.find((r) => r.id === 'selectAll')?.keys).toBe('Ctrl+A');
    expect(fr.find((r) => r.id === 'help')?.keys).toBe('?');
  });

  it('lists exactly the Ctrl keys the board answers, a view link only its own', async () => {
    // Every Ctrl (and Ctrl+Maj) chord of a keyboard's keys, as keyboard.ts reads it.
    const keys = [...'abcdefghijklmnopqrstuvwxyz0123456789=+-_[];,./'];
    const answered = (shift: boolean) =>
      keys.flatMap((key) => {
        const e = { key: shift ? key.toUpperCase() : key, shiftKey: shift, altKey: false };
        const command = ctrlCommandOf({ ...e, ctrlKey: true, metaKey: false });
        // ⌘ on a Mac answers the same.
        expect(ctrlCommandOf({ ...e, ctrlKey: false, metaKey: true })).toBe(command);
        return command ? [command] : [];
      });
    const byHandler = new Set([...answered(false), ...answered(true)]);
    const t = await tr('fr-CA');
    for (const readOnly of [false, true]) {
      const rows = rowsOf(shortcutGroups(t, { readOnly, singleKeys: true, mac: false }));
      // Each « Ctrl+… » the help writes, typed: the command the handler runs for it.
      const inHelp = new Set<CtrlCommand>();
      for (const row of rows) {
        for (const chord of row.keys.split(' / ').filter((k) => k.startsWith('Ctrl+'))) {
          const parts = chord.split('+');
          const key = chord.endsWith('++') ? '+' : parts.at(-1)!.toLowerCase();
          const shiftKey = parts.includes('Maj');
          const command = ctrlCommandOf({
            key,
            shiftKey,
            altKey: false,
            ctrlKey: true,
            metaKey: false,
          });
          expect(command, `${row.id}: ${chord}`).not.toBeNull();
          inHelp.add(command!);
        }
      }
      const expected = [...byHandler].filter((c) => !(readOnly && ctrlShortcut(c).edits));
      expect([...inHelp].sort()).toEqual(expected.sort());
    }
    expect(byHandler).toEqual(new Set(CTRL_SHORTCUTS.map((s) => s.command)));
    // Alt+Ctrl is AltGr on Windows (« @ »): no shortcut.
    expect(
      ctrlCommandOf({ key: 'z', ctrlKey: true, metaKey: false, altKey: true, shiftKey: false }),
    ).toBeNull();
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
