// The « Raccourcis clavier » section's rows, built from what the keyboard code itself reads: the
// tool letters straight from TOOL_SHORTCUTS and the Ctrl keys straight from CTRL_SHORTCUTS (the
// tables keyboard.ts listens to), the other keys from the `help.keys.*` and `shortcuts.*`
// catalogue entries. Nothing here is a second copy of a key: one changed in a table changes the
// help too.
import { ctrlKeysLabel, ctrlShortcut, type CtrlCommand } from '../board/keyboardCtrl';
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

/** The Ctrl rows in the help's order: each a label and the commands whose keys it shows. */
const CTRL_ROWS: readonly { id: string; label: string; commands: readonly CtrlCommand[] }[] = [
  { id: 'find', label: 'help.keys.find', commands: ['find'] },
  { id: 'undo', label: 'actions.undo', commands: ['undo'] },
  { id: 'redo', label: 'actions.redo', commands: ['redo'] },
  { id: 'duplicate', label: 'actions.duplicate', commands: ['duplicate'] },
  { id: 'selectAll', label: 'help.keys.selectAll', commands: ['selectAll'] },
  { id: 'zoom', label: 'help.keys.zoom', commands: ['zoomIn', 'zoomOut'] },
];
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
  // A view link is not answered the keys that change the board (see keyboard.ts).
  const ctrl = (id: string) => {
    const spec = CTRL_ROWS.find((r) => r.id === id);
    if (!spec || (readOnly && spec.commands.some((c) => ctrlShortcut(c).edits))) return [];
    const keys = spec.commands.map((c) => ctrlKeysLabel(c, t('keyNames.shift'))).join(' / ');
    return [row(spec.id, t(spec.label), keys)];
  };
  const commands: ShortcutRow[] = [
    ...(singleKeys ? [row('help', t('help.keys.help'), HELP_KEY)] : []),
    ...ctrl('find'),
    ...ctrl('undo'),
    ...ctrl('redo'),
    ...ctrl('duplicate'),
    ...ctrl('selectAll'),
    ...(readOnly
      ? []
      : [
          row('delete', t('help.keys.delete'), t('help.keys.deleteKeys')),
          row('cancel', t('help.keys.cancel'), t('help.keys.cancelKeys')),
        ]),
    ...VIEW_COMMANDS.filter((id) => singleKeys || !isSingleKey(id)).map(command),
    ...ctrl('zoom'),
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
