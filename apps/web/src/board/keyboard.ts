// Keyboard shortcuts for the editor (ignored while typing in a field).
import { TOOL_SHORTCUTS } from '../tools/registry';
import {
  deleteSelection,
  duplicateSelection,
  redo,
  reorderSelection,
  resetZoom,
  selectAll,
  undo,
  zoomBy,
  zoomToFit,
  zoomToSelection,
} from './actions';
import type { BoardSession } from './session';

function typingTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      target.tagName === 'INPUT' ||
      target.tagName === 'TEXTAREA' ||
      target.tagName === 'SELECT')
  );
}

/**
 * Whether a key typed while one empty note is selected starts writing in it (its « Écrivez ici… »
 * hint invites just that): a printable character, except the bare lowercase tool letters and the
 * other one-key shortcuts, so « Logement », « « » or « 2 » write, while « n » still picks a tool.
 * On the note just placed (`placed`), tool letters write too: a newcomer's « transport en
 * commun » is words, not eight tool changes.
 */
export function startsWritingInNote(e: {
  key: string;
  shift: boolean;
  mod: boolean;
  alt: boolean;
  placed?: boolean;
}): boolean {
  if (e.mod || e.alt || e.key.length !== 1) return false;
  if (e.key === ' ' || e.key === '[' || e.key === ']') return false;
  return e.shift || e.placed === true || !TOOL_SHORTCUTS[e.key.toLowerCase()];
}

function emptyNoteSelected(session: BoardSession): string | null {
  const { selection } = session.store.getState();
  if (selection.length !== 1) return null;
  const shape = session.scene.getShape(selection[0] ?? '');
  return shape?.type === 'note' && shape.text === '' ? shape.id : null;
}

export function installKeyboard(session: BoardSession): () => void {
  const { store, shell } = session;
  const onKeyDown = (e: KeyboardEvent) => {
    if (typingTarget(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    const handled = (() => {
      // Keys typed while that note's editor is opening (before its textarea has focus) are
      // words, not shortcuts: they join the first character.
      const pending = store.getState().editingSeed;
      if (pending !== null && !mod && !e.altKey && e.key.length === 1) {
        store.setState({ editingSeed: pending + e.key });
        return true;
      }
      if (e.key === ' ') {
        if (!store.getState().spacePan) store.setState({ spacePan: true });
        return true;
      }
      if (e.shiftKey && e.code === 'Digit1') return (zoomToFit(session), true);
      if (e.shiftKey && e.code === 'Digit2') return (zoomToSelection(session), true);
      if (e.shiftKey && e.code === 'Digit0') return (resetZoom(session), true);
      if (mod && (key === '=' || key === '+')) return (zoomBy(session, 1.25), true);
      if (mod && key === '-') return (zoomBy(session, 0.8), true);
      if (session.readOnly) return false;
      if (mod && key === 'z') return (e.shiftKey ? redo(session) : undo(session), true);
      if (mod && key === 'y') return (redo(session), true);
      if (mod && key === 'd') return (duplicateSelection(session), true);
      if (mod && key === 'a') return (selectAll(session), true);
      if (mod) return false; // copy/paste/cut arrive as clipboard events
      if (e.key === ']') return (reorderSelection(session, 'front'), true);
      if (e.key === '[') return (reorderSelection(session, 'back'), true);
      const note = store.getState().tool === 'select' ? emptyNoteSelected(session) : null;
      const placed = note !== null && note === store.getState().placedNoteId;
      if (
        note &&
        startsWritingInNote({ key: e.key, shift: e.shiftKey, mod, alt: e.altKey, placed })
      ) {
        store.setState({ editingId: note, editingSeed: e.key, placedNoteId: null });
        return true;
      }
      if (!e.altKey && !e.shiftKey && TOOL_SHORTCUTS[key] && e.key.length === 1) {
        const tool = TOOL_SHORTCUTS[key];
        if (tool) {
          shell.apply(session.currentTool().cancel(session.toolContext()));
          store.setState({ tool });
        }
        return true;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && store.getState().tool !== 'select') {
        return (deleteSelection(session), true);
      }
      const tool = session.currentTool();
      if (e.key === 'Escape' && tool.id !== 'select') {
        shell.apply(tool.cancel(session.toolContext()));
        store.setState({ tool: 'select' });
        return true;
      }
      if (!tool.keyDown) return false;
      const plans = tool.keyDown(session.toolContext(), { key: e.key, shift: e.shiftKey, mod });
      shell.apply(plans);
      return plans.length > 0;
    })();
    if (handled) e.preventDefault();
  };
  const onKeyUp = (e: KeyboardEvent) => {
    if (e.key === ' ') store.setState({ spacePan: false });
  };
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
  };
}
