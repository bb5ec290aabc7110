// The Ctrl shortcuts (⌘ on a Mac): one table read by the board's keys (keyboard.ts), by
// « Contenu »'s Ctrl+F (outline/state.ts) and by the help's « Raccourcis clavier », as the tool
// letters are by TOOL_SHORTCUTS. The help used to write « Ctrl+F », « Ctrl+A » and
// « Ctrl+= / Ctrl+- » itself: a key changed in the handler would have left the help wrong.

export type CtrlCommand =
  'find' | 'undo' | 'redo' | 'duplicate' | 'selectAll' | 'zoomIn' | 'zoomOut';

export interface CtrlChord {
  /** `KeyboardEvent.key`, lower case for a letter. */
  readonly key: string;
  /** true: with Shift; false: without; omitted: either (« + » is Shift+= on many layouts). */
  readonly shift?: boolean;
  /** Another way to ask for a command the help already shows a chord of (« Ctrl++ », « Ctrl+Y »). */
  readonly alias?: true;
}

export interface CtrlShortcut {
  readonly command: CtrlCommand;
  /** The chords answered; the first one is the one the toolbar's labels name. */
  readonly chords: readonly CtrlChord[];
  /** Changes the board: not answered on a view link, nor listed in its help. */
  readonly edits: boolean;
}

/** In matching order: Ctrl+Maj+Z (redo) before Ctrl+Z (undo). */
export const CTRL_SHORTCUTS: readonly CtrlShortcut[] = [
  { command: 'find', chords: [{ key: 'f', shift: false }], edits: false },
  {
    command: 'redo',
    // Ctrl+Y is Windows' redo: answered, while the help and labels name Ctrl+Maj+Z only.
    chords: [
      { key: 'z', shift: true },
      { key: 'y', alias: true },
    ],
    edits: true,
  },
  { command: 'undo', chords: [{ key: 'z', shift: false }], edits: true },
  { command: 'duplicate', chords: [{ key: 'd' }], edits: true },
  { command: 'selectAll', chords: [{ key: 'a' }], edits: true },
  { command: 'zoomIn', chords: [{ key: '=' }, { key: '+', alias: true }], edits: false },
  { command: 'zoomOut', chords: [{ key: '-' }], edits: false },
];

export interface CtrlKeyEvent {
  readonly key: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

/**
 * The command a key press asks for, or null. Ctrl or Cmd, never with Alt: AltGr arrives as
 * Ctrl+Alt on Windows and types characters (« @ », « [ ») that are no shortcut.
 */
export function ctrlCommandOf(e: CtrlKeyEvent): CtrlCommand | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null;
  const key = e.key.toLowerCase();
  const match = (c: CtrlChord) =>
    c.key === key && (c.shift === undefined || c.shift === e.shiftKey);
  return CTRL_SHORTCUTS.find((s) => s.chords.some(match))?.command ?? null;
}

export function ctrlShortcut(command: CtrlCommand): CtrlShortcut {
  const found = CTRL_SHORTCUTS.find((s) => s.command === command);
  if (!found) throw new Error(`no Ctrl shortcut ${command}`);
  return found;
}

/** One chord as people read it: « Ctrl+Maj+Z », with `shiftName` in the page's language. */
export function chordLabel(chord: CtrlChord, shiftName: string): string {
  return `Ctrl+${chord.shift === true ? `${shiftName}+` : ''}${chord.key.toUpperCase()}`;
}

/** Every chord of `command` the help spells out, « Ctrl+Maj+Z / Ctrl+Y ». */
export function ctrlKeysLabel(command: CtrlCommand, shiftName: string): string {
  return ctrlShortcut(command)
    .chords.filter((c) => !c.alias)
    .map((c) => chordLabel(c, shiftName))
    .join(' / ');
}
