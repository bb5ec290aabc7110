// Keyboard shortcuts for the editor (ignored while typing in a field).
import { isLocked, type Shape } from '@carton/board';
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
import { panBy } from '../geometry/camera';
import {
  PLACEABLE_TOOLS,
  focusCanvas,
  focusSelectionPanel,
  lastInput,
  placeByKeyboard,
  selectAdjacent,
} from './navigate';
import type { BoardSession } from './session';
import { noteInput } from './store';
import { movesOf } from './keyboardMoves';
import { buildingSelection, moveShapeFocus, toggleFocusedShape } from './keyboardSelect';
import { singleKeysOn } from '../ui/singleKeys';
import { openOutline } from '../outline/state';
import { ctrlCommandOf, ctrlShortcut, type CtrlCommand } from './keyboardCtrl';

const MODIFIERS = new Set(['Shift', 'Alt', 'Control', 'Meta', 'AltGraph']);

const CONTROLS = 'button, a[href], summary, [role="button"], [role="menuitem"]';

/** The button, link or other control `target` is part of, if any. */
function controlOf(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest(CONTROLS) : null;
}

function inSelectionPanel(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('.style-panel') !== null;
}

/** The canvas itself has the focus (not a button or the page around it). */
function canvasTarget(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.classList.contains('canvas');
}

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
 */
export function startsWritingInNote(
  e: { key: string; shift: boolean; mod: boolean; alt: boolean },
  singleKeys = true,
): boolean {
  if (e.mod || e.alt || e.key.length !== 1 || e.key === ' ') return false;
  // Single keys turned off: no letter is a shortcut, so every one writes.
  if (!singleKeys) return true;
  if (e.key === '[' || e.key === ']') return false;
  return e.shift || !TOOL_SHORTCUTS[e.key.toLowerCase()];
}

/**
 * The shape being written in can no longer be written: someone else deleted it, or locked it
 * (« Verrouiller », M33: the model refuses people's writes). Its editor closes.
 */
export function writingStopped(shape: Shape | undefined): boolean {
  return shape === undefined || isLocked(shape);
}

/**
 * What a key does while a note's editor is open but the note is gone or locked (someone else
 * deleted or locked it as this person wrote in it: the textarea went, the focus fell to the
 * page). The person is
 * still typing words: a letter, Space, Backspace or Enter must not pick the eraser, pan or delete
 * the selection. `close` (Escape) ends the writing; `leave` (Tab) ends it and lets the browser
 * move the focus on (to the notice that says what happened, « Garder mon texte »: a keyboard
 * user must reach it); `swallow` eats a key meant for the note; `shortcut` lets Ctrl/Cmd
 * (undo…) and Alt keys act as usual.
 */
export function keyWithoutItsNote(e: {
  key: string;
  mod: boolean;
  alt: boolean;
}): 'close' | 'leave' | 'swallow' | 'shortcut' {
  if (e.key === 'Escape') return 'close';
  if (e.key === 'Tab') return 'leave';
  if (e.mod || e.alt || MODIFIERS.has(e.key)) return 'shortcut';
  return 'swallow';
}

/**
 * Whether a key is a single-key shortcut (a tool's letter, [ or ], Maj+1 which types « ! »):
 * those do nothing when the participant turned single keys off (WCAG 2.1.4).
 */
export function isSingleKeyShortcut(e: {
  key: string;
  code: string;
  shift: boolean;
  mod: boolean;
  alt: boolean;
}): boolean {
  if (e.mod || e.alt) return false;
  if (e.shift && /^Digit[012]$/u.test(e.code)) return true;
  if (e.key === '[' || e.key === ']') return true;
  return !e.shift && e.key.length === 1 && TOOL_SHORTCUTS[e.key.toLowerCase()] !== undefined;
}

/** A tool letter pressed on the note just placed: it may be the first letter of a word. */
export interface WordStart {
  note: string;
  letter: string;
  /** The tool the letter picked: still active, or the letter was meant as a shortcut. */
  tool: string;
  /** Event time (ms) until which a second letter makes it a word. */
  until: number;
}

/** How long after a tool letter a second letter still makes it the start of a word. */
export const WORD_WINDOW_MS = 1200;

/**
 * Whether `key` continues a word begun by a tool letter on the note just placed: newcomers
 * type « transport en commun » straight into the note the « Écrivez ici… » invites them to
 * fill, and each letter used to pick a tool (t, r, a, n, s, p, o…). The letter alone still
 * picks its tool; a second letter soon after, with that tool still chosen and the note still
 * empty and selected, turns both into the note's first characters.
 */
export function continuesWord(
  word: WordStart | null,
  e: { key: string; mod: boolean; alt: boolean; time: number },
  now: { tool: string; selection: readonly string[]; noteEmpty: boolean },
): boolean {
  if (!word || e.mod || e.alt || e.key.length !== 1 || e.key === ' ') return false;
  if (e.time > word.until || now.tool !== word.tool || !now.noteEmpty) return false;
  return now.selection.length === 1 && now.selection[0] === word.note;
}

function emptyNoteSelected(session: BoardSession): string | null {
  const { selection } = session.store.getState();
  if (selection.length !== 1) return null;
  const shape = session.scene.getShape(selection[0] ?? '');
  return shape?.type === 'note' && shape.text === '' && !shape.locked ? shape.id : null;
}

/** The select tool at rest: Shift+Enter or Shift+Space choose shapes (see keyboardSelect). */
function choosesShapes(session: BoardSession): boolean {
  const tool = session.currentTool();
  return !session.readOnly && tool.id === 'select' && tool.state === 'select.idle';
}

/** Screen pixels the view moves per arrow key with the hand tool (Shift: a bigger step). */
export const PAN_STEP = 80;

function panByKey(session: BoardSession, key: string, shift: boolean): void {
  const step = shift ? PAN_STEP * 4 : PAN_STEP;
  // The arrow says where to look: the board moves the other way.
  const dx = key === 'ArrowLeft' ? step : key === 'ArrowRight' ? -step : 0;
  const dy = key === 'ArrowUp' ? step : key === 'ArrowDown' ? -step : 0;
  const { camera } = session.store.getState();
  session.store.setState({ camera: panBy(camera, dx, dy), following: null });
}

/** What a Ctrl shortcut of the table does (find is answered earlier, even in a text field). */
function runCtrl(session: BoardSession, command: CtrlCommand): boolean {
  if (command === 'undo') undo(session);
  else if (command === 'redo') redo(session);
  else if (command === 'duplicate') duplicateSelection(session);
  else if (command === 'selectAll') selectAll(session);
  else if (command === 'zoomIn') zoomBy(session, 1.25);
  else if (command === 'zoomOut') zoomBy(session, 0.8);
  else openOutline(session);
  return true;
}

/**
 * A view link reads the board too: the arrows and Tab go through its shapes (each read aloud by
 * the selection announcer), Escape lets go. Nothing is moved or written.
 */
function readingKey(session: BoardSession, e: KeyboardEvent): boolean {
  if (e.ctrlKey || e.metaKey || e.altKey) return false;
  const chosen = session.store.getState().selection.length > 0;
  if (e.key === 'Tab') {
    if (!canvasTarget(e.target) || !chosen) return false;
    return selectAdjacent(session, e.shiftKey ? -1 : 1);
  }
  if (e.key.startsWith('Arrow')) {
    selectAdjacent(session, e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1);
    return true;
  }
  if (e.key === 'Escape' && chosen) {
    session.store.setState({ selection: [] });
    return true;
  }
  return false;
}

export function installKeyboard(session: BoardSession): () => void {
  const { store, shell } = session;
  // A press anywhere ends a word begun by a tool letter (see continuesWord).
  let word: WordStart | null = null;
  // The control the mouse last pressed (see the Space rule below).
  let clicked: Element | null = null;
  const moves = movesOf(session);
  const onPointerDown = (e: PointerEvent) => {
    word = null;
    // A press of « Agrandir » or « Réduire » continues their burst (one undo step for a few).
    if (!(e.target instanceof Element && e.target.closest('[data-burst]'))) moves.end();
    clicked = controlOf(e.target);
    lastInput.pointer = true;
    noteInput(
      store,
      e.pointerType === 'touch' || e.pointerType === 'pen' ? e.pointerType : 'mouse',
    );
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Tab') lastInput.pointer = false;
    // Ctrl+F / Cmd+F: the board's « Contenu » and its search, not the browser's find.
    const ctrl = ctrlCommandOf(e);
    if (ctrl === 'find') return (e.preventDefault(), openOutline(session));
    if (typingTarget(e.target)) return;
    // Choosing from the keys: a chosen empty note's hint is « Écrivez ici… » again (keys write).
    if (e.key === 'Tab' || e.key.startsWith('Arrow')) noteInput(store, 'keys');
    // Enter and Space on a focused control press it: handled here, Enter on « Main » opened the
    // selected note's editor and Space started a pan. Only a control last clicked with the mouse
    // leaves Space to the board: hold Space and drag still pans, without pressing it again.
    const control = controlOf(e.target);
    if (control && (e.key === 'Enter' || (e.key === ' ' && control !== clicked))) return;
    if (e.key === 'Escape' && inSelectionPanel(e.target)) {
      // Back from the chosen shape's colours and actions to the board, the shape still chosen.
      focusCanvas();
      e.preventDefault();
      return;
    }
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    // Any other key closes a burst of arrows: its moves are one undo step (see keyboardMoves).
    // Shift or Alt pressed on their own are part of the next arrow, not another key.
    if (!e.key.startsWith('Arrow') && !MODIFIERS.has(e.key)) moves.end();
    const singleKeys = singleKeysOn();
    const shortcutOff =
      !singleKeys &&
      isSingleKeyShortcut({ key: e.key, code: e.code, shift: e.shiftKey, mod, alt: e.altKey });
    const handled = (() => {
      const { editingId } = store.getState();
      if (editingId !== null && writingStopped(session.scene.getShape(editingId))) {
        const action = keyWithoutItsNote({ key: e.key, mod, alt: e.altKey });
        if (action === 'close' || action === 'leave') store.setState({ editingId: null });
        // Tab goes on to the browser: the focus moves to the next control.
        if (action === 'leave') return false;
        if (action !== 'shortcut') return true;
      }
      // Keys typed while that note's editor is opening (before its textarea has focus) are
      // words, not shortcuts: they join the first character.
      const pending = store.getState().editingSeed;
      if (pending !== null && !mod && !e.altKey && e.key.length === 1) {
        store.setState({ editingSeed: pending + e.key });
        return true;
      }
      // Shift+Space, as Shift+Enter: the shape the keyboard is on joins or leaves the selection.
      if (e.key === ' ' && e.shiftKey && canvasTarget(e.target) && choosesShapes(session)) {
        if (toggleFocusedShape(session)) return true;
      }
      if (e.key === ' ') {
        if (!store.getState().spacePan) store.setState({ spacePan: true });
        return true;
      }
      if (shortcutOff) {
        // Single keys off: a letter is a letter. On an empty chosen note it writes, elsewhere
        // it does nothing.
        const empty = store.getState().tool === 'select' ? emptyNoteSelected(session) : null;
        if (session.readOnly || !empty) return false;
        store.setState({ editingId: empty, editingSeed: e.key, placedNoteId: null });
        return true;
      }
      if (e.shiftKey && e.code === 'Digit1') return (zoomToFit(session), true);
      if (e.shiftKey && e.code === 'Digit2') return (zoomToSelection(session), true);
      if (e.shiftKey && e.code === 'Digit0') return (resetZoom(session), true);
      // The Ctrl table (keyboardCtrl.ts), which the help lists: a view link only looks around.
      if (ctrl && !(session.readOnly && ctrlShortcut(ctrl).edits)) return runCtrl(session, ctrl);
      if (session.readOnly) return readingKey(session, e);
      if (e.key === 'Tab' && !mod && !e.altKey) {
        // From the canvas, Tab goes through the shapes once something is chosen (the arrows
        // choose the first); past the last one the focus moves on, as it would anyway.
        const { tool, selection } = store.getState();
        // Building a selection with Shift+Enter: Tab moves the focus, the selection stays.
        if (canvasTarget(e.target) && tool === 'select' && buildingSelection(store.getState()))
          return moveShapeFocus(session, e.shiftKey ? -1 : 1);
        const choosing = tool === 'select' || tool === 'stamp' || tool === 'arrow';
        if (!canvasTarget(e.target) || !choosing || selection.length === 0) return false;
        return selectAdjacent(session, e.shiftKey ? -1 : 1);
      }
      if (e.key === 'Enter' && e.shiftKey && !mod && choosesShapes(session)) {
        return toggleFocusedShape(session);
      }
      if (mod && e.key === 'Enter' && store.getState().selection.length > 0) {
        return focusSelectionPanel();
      }
      if (mod) return false; // copy/paste/cut arrive as clipboard events
      if (e.key === ']') return (reorderSelection(session, 'front'), true);
      if (e.key === '[') return (reorderSelection(session, 'back'), true);
      const begun = word;
      word = null;
      if (begun) {
        const state = store.getState();
        const shape = session.scene.getShape(begun.note);
        const noteEmpty = shape?.type === 'note' && shape.text === '';
        const now = { tool: state.tool, selection: state.selection, noteEmpty };
        if (continuesWord(begun, { key: e.key, mod, alt: e.altKey, time: e.timeStamp }, now)) {
          shell.apply(session.currentTool().cancel(session.toolContext()));
          store.setState({
            tool: 'select',
            editingId: begun.note,
            editingSeed: begun.letter + e.key,
            placedNoteId: null,
          });
          return true;
        }
      }
      const note = store.getState().tool === 'select' ? emptyNoteSelected(session) : null;
      if (
        note &&
        startsWritingInNote({ key: e.key, shift: e.shiftKey, mod, alt: e.altKey }, singleKeys)
      ) {
        store.setState({ editingId: note, editingSeed: e.key, placedNoteId: null });
        return true;
      }
      if (!e.altKey && !e.shiftKey && TOOL_SHORTCUTS[key] && e.key.length === 1) {
        const tool = TOOL_SHORTCUTS[key];
        if (tool) {
          shell.apply(session.currentTool().cancel(session.toolContext()));
          store.setState({ tool });
          if (note && note === store.getState().placedNoteId)
            word = { note, letter: e.key, tool, until: e.timeStamp + WORD_WINDOW_MS };
        }
        return true;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && store.getState().tool !== 'select') {
        return (deleteSelection(session), true);
      }
      const tool = session.currentTool();
      if (e.key === 'Enter' && !e.shiftKey && PLACEABLE_TOOLS.has(tool.id)) {
        return placeByKeyboard(session);
      }
      if (e.key === 'Enter' && !e.shiftKey && tool.id === 'arrow' && tool.keyDown) {
        // Enter on the chosen shape: the arrow's start (said aloud), then on another, its end.
        const plans = tool.keyDown(session.toolContext(), { key: e.key, shift: false, mod });
        shell.apply(plans);
        if (tool.state === 'arrow.started') {
          const { selection } = store.getState();
          store.setState({ keyboardNews: { selection, kind: 'arrowStart' } });
        }
        return plans.length > 0;
      }
      if (e.key.startsWith('Arrow') && (tool.id === 'stamp' || tool.id === 'arrow')) {
        // Voting from the keyboard: the arrows choose the note, Enter stamps it. Drawing an
        // arrow: they choose its start, Enter, then its end, Enter.
        selectAdjacent(session, e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1);
        return true;
      }
      if (e.key.startsWith('Arrow') && tool.id === 'hand') {
        // The hand moves the view: with the keyboard, the arrows do (Shift: a bigger step).
        return (panByKey(session, e.key, e.shiftKey), true);
      }
      if (e.key.startsWith('Arrow') && tool.id === 'select' && !store.getState().selection.length) {
        // Nothing chosen: an arrow chooses a shape (the first or last in reading order).
        selectAdjacent(session, e.key === 'ArrowUp' || e.key === 'ArrowLeft' ? -1 : 1);
        return true;
      }
      if (e.key.startsWith('Arrow') && tool.id === 'select' && tool.state === 'select.idle') {
        // Something chosen: the arrows move it, Alt+arrows resize it (Shift: a bigger step).
        return moves.arrow(e.key, e.shiftKey, e.altKey);
      }
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
  // Text that comes with no key of its own (an input method, dictation, some dead keys, an
  // Android keyboard's « Unidentified » key 229): the browser offers it to the board, which
  // cannot take it, as a beforeinput. It was lost; it is written as those letters' keys would
  // be. A key the board answered (a shortcut, a letter written) had its text cancelled already.
  const onBeforeInput = (e: InputEvent) => {
    if (typingTarget(e.target) || session.readOnly) return;
    const text = e.data;
    if (e.inputType !== 'insertText' || !text) return;
    const state = store.getState();
    // Into the note whose editor is opening (before its textarea has the focus).
    if (state.editingSeed !== null) {
      store.setState({ editingSeed: state.editingSeed + text });
      return e.preventDefault();
    }
    if (state.editingId !== null) return;
    const begun = word;
    word = null;
    if (begun) {
      const shape = session.scene.getShape(begun.note);
      const noteEmpty = shape?.type === 'note' && shape.text === '';
      const now = { tool: state.tool, selection: state.selection, noteEmpty };
      const next = { key: text.slice(0, 1), mod: false, alt: false, time: e.timeStamp };
      if (continuesWord(begun, next, now)) {
        shell.apply(session.currentTool().cancel(session.toolContext()));
        store.setState({
          tool: 'select',
          editingId: begun.note,
          editingSeed: begun.letter + text,
          placedNoteId: null,
        });
        return e.preventDefault();
      }
    }
    // Text, not a key: even a lone tool letter writes in the empty note chosen.
    const note = state.tool === 'select' ? emptyNoteSelected(session) : null;
    if (!note) return;
    store.setState({ editingId: note, editingSeed: text, placedNoteId: null });
    e.preventDefault();
  };
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('beforeinput', onBeforeInput);
  window.addEventListener('pointerdown', onPointerDown, true);
  return () => {
    window.removeEventListener('keydown', onKeyDown);
    window.removeEventListener('keyup', onKeyUp);
    window.removeEventListener('beforeinput', onBeforeInput);
    window.removeEventListener('pointerdown', onPointerDown, true);
    moves.end();
  };
}
