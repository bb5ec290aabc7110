// The « Raccourcis clavier » section's rows, built from what the keyboard code itself reads: the
// tool letters straight from TOOL_SHORTCUTS (the table keyboard.ts listens to), the other keys from
// the `shortcuts.*` catalogue entries the toolbar's labels already show (« Annuler (Ctrl+Z) »).
// Nothing here is a second copy of a key: a letter changed in the table changes the help too.
import { TOOL_SHORTCUTS } from '../tools/registry';
import { isSingleKey, type ShortcutId, type Translate } from '../ui/shortcuts';

export interface ShortcutRow {
  /** Stable name for tests and React keys: a tool id, a command, or one of the keys below. */
  id: string;
  label: string;
  keys: string;
}

export interface ShortcutGroup {
  id: 'tools' | 'commands';
  title: string;
  rows: ShortcutRow[];
}

/** Edits the board: left out of a view link's help. */
const EDIT_COMMANDS: readonly ShortcutId[] = ['undo', 'redo', 'duplicate'];
/** Moves the view: a view link has them too (Maj+1, Maj+2 are single keys). */
const VIEW_COMMANDS: readonly ShortcutId[] = ['zoomFit', 'zoomSelection'];

/** The help key itself: a bare « ? », so a single key (off with the others). */
export const HELP_KEY = '?';

/** Ctrl shortcuts are Cmd on a Mac (keyboard.ts takes either): shown as ⌘ there. */
export function forPlatform(keys: string, mac: boolean): string {
  return mac ? keys.replace(/\bCtrl\b/gu, '⌘') : keys;
}

export function isMac(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/u.test(navigator.platform);
}

/**
 * The shortcut rows for this board page: tools and editing only where one may edit, bare keys
 * only while single keys are on (see singleKeys.ts), Ctrl shown as ⌘ on a Mac.
 */
export function shortcutGroups(
  t: Translate,
  options: { readOnly: boolean; singleKeys: boolean; mac: boolean },
): ShortcutGroup[] {
  const { readOnly, singleKeys, mac } = options;
  const row = (id: string, label: string, keys: string): ShortcutRow => ({
    id,
    label,
    keys: forPlatform(keys, mac),
  });
  const tools =
    readOnly || !singleKeys
      ? []
      : Object.entries(TOOL_SHORTCUTS).map(([letter, tool]) =>
          row(tool, t(`tools.${tool}`), letter.toUpperCase()),
        );
  const command = (id: ShortcutId) => row(id, t(`actions.${id}`), t(`shortcuts.${id}`));
  const commands: ShortcutRow[] = [
    ...(singleKeys ? [row('help', t('help.keys.help'), HELP_KEY)] : []),
    row('find', t('help.keys.find'), 'Ctrl+F'),
    ...(readOnly
      ? []
      : [
          ...EDIT_COMMANDS.map(command),
          row('selectAll', t('help.keys.selectAll'), 'Ctrl+A'),
          row('delete', t('help.keys.delete'), t('help.keys.deleteKeys')),
          row('cancel', t('help.keys.cancel'), t('help.keys.cancelKeys')),
        ]),
    ...VIEW_COMMANDS.filter((id) => singleKeys || !isSingleKey(id)).map(command),
    row('zoom', t('help.keys.zoom'), 'Ctrl+= / Ctrl+-'),
    row('pan', t('help.keys.pan'), t('help.keys.panKeys')),
  ];
  return [
    ...(tools.length > 0
      ? [{ id: 'tools' as const, title: t('help.keys.tools'), rows: tools }]
      : []),
    // A view link's keys only look around: « Modifier et zoomer » would promise edits.
    {
      id: 'commands',
      title: t(readOnly ? 'help.keys.viewing' : 'help.keys.commands'),
      rows: commands,
    },
  ];
}
