// « ? » opens the help from anywhere on the board page but a text field. Installed after the
// board's own keys (BoardEditor): a key they used (« ? » typed into the empty note just chosen)
// is theirs, and a bare « ? » is a single key, off with the others (WCAG 2.1.4).
import type { BoardSession } from '../board/session';
import { singleKeysOn } from '../ui/singleKeys';
import { HELP_KEY } from './shortcutList';
import { helpStore, openHelp } from './state';

export interface HelpKeyEvent {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}

/** A field where « ? » is a character (an input, a note's editor, a contenteditable). */
export function typingTarget(target: EventTarget | null): boolean {
  if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * Whether this key opens the help. `e.key` is the character typed, so Maj+/ (US), Maj+6 (the
 * Canadian French layout) and Maj+, (AZERTY) all count; Ctrl, Cmd or Alt make it something else.
 */
export function isHelpKey(e: HelpKeyEvent, singleKeys: boolean): boolean {
  if (!singleKeys || e.defaultPrevented) return false;
  return e.key === HELP_KEY && !e.ctrlKey && !e.metaKey && !e.altKey;
}

/** Another dialog (« Exporter », a confirmation) has the focus: its keys are its own. */
function inDialog(target: EventTarget | null): boolean {
  return (
    target instanceof Element && target.closest('[role="dialog"], [role="alertdialog"]') !== null
  );
}

export function installHelpKey(session: BoardSession): () => void {
  const onKeyDown = (e: KeyboardEvent) => {
    if (typingTarget(e.target) || inDialog(e.target)) return;
    if (!isHelpKey(e, singleKeysOn()) || helpStore(session).getState().open) return;
    e.preventDefault();
    openHelp(session);
  };
  window.addEventListener('keydown', onKeyDown);
  return () => window.removeEventListener('keydown', onKeyDown);
}
