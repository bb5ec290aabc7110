// Session state for one board page (tool, camera, selection, panels): a zustand store created
// per board, never shared, never written to the document.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_CAMERA, type Camera, type Viewport } from '../geometry/camera';
import type { Point, Rect } from '../geometry/rect';
import type { Guide, PointerKind, Preview, ToolId, ToolStyle } from '../tools/types';

/** What a person chooses with on the board: a finger, a pen, a mouse, or the keys. */
export type InputKind = PointerKind | 'keys';

export interface SessionState {
  readOnly: boolean;
  tool: ToolId;
  camera: Camera;
  viewport: Viewport;
  selection: string[];
  editingId: string | null;
  marquee: Rect | null;
  guides: Guide[];
  /** My own gesture preview (stroke in progress, arrow, box), drawn locally and sent to others. */
  preview: Preview | null;
  /** Shapes being dragged are drawn on the drag layer so the static layer stays still. */
  draggingIds: ReadonlySet<string>;
  style: ToolStyle;
  /** Awareness client id whose view I follow, or null. */
  following: number | null;
  peopleOpen: boolean;
  /** Space held: the pointer pans whatever the tool. */
  spacePan: boolean;
  toast: string | null;
  /**
   * Cursor for what the mouse is over (a resize handle, a shape to move, a view being dragged),
   * or null for the tool's own. Set only when it changes: hovering costs no canvas re-render.
   */
  hoverCursor: string | null;
  /**
   * The locked shape a mouse is over (M33), marked with a small padlock: why a drag there does
   * not move it. Set only when it changes, as hoverCursor.
   */
  hoverLocked: string | null;
  /**
   * Characters typed on an empty selected note before its editor opened: the editor writes them
   * first, inside its one undo step.
   */
  editingSeed: string | null;
  /**
   * The note I just placed, until I first write in it: every printable key starts its text,
   * tool letters too (« transport » must not pick the text tool).
   */
  placedNoteId: string | null;
  /**
   * The last move or resize made with the keyboard, for the live region to say, while the same
   * selection is chosen (see keyboardMoves.ts).
   */
  keyboardNews: KeyboardNews | null;
  /**
   * The shape the arrow tool chose as the next arrow's start, marked on the board until the
   * arrow is drawn, Escape or another tool (a phone user otherwise sees nothing happen).
   */
  arrowStart: string | null;
  /**
   * The shape the keyboard is on while it builds a selection of several (Shift+Enter adds or
   * removes it, Tab moves it without changing the selection); see keyboardSelect.ts.
   */
  focusedShape: string | null;
  /**
   * The selection Shift+Enter last made: while it is the selection (the same array), Tab moves
   * only the focus. Any other change of selection (a click, Escape, Ctrl+A) ends that.
   */
  builtSelection: readonly string[] | null;
  /**
   * The camera the last fit of the whole board set (on arrival, or a phone turned), or null:
   * while it is still the camera, the view is the fit's and not the person's (viewIsTheFit).
   */
  fittedCamera: Camera | null;
  /**
   * What the person last pressed on the page with (Tab and the arrows count as the keys), or
   * null before anything: a chosen empty note's hint then says to tap it again or to click it
   * again to write (shapes/note/hint.ts). Set only when it changes.
   */
  lastInput: InputKind | null;
  /**
   * Two fingers are pinching: the pan surface shows their zoom by scaling what it drew, drawn
   * sharp when the view comes to rest (panSurface.ts needsRedraw).
   */
  pinching: boolean;
}

export type KeyboardNews =
  | { selection: readonly string[]; kind: 'move'; moved: Point }
  | { selection: readonly string[]; kind: 'resize'; box: Rect }
  | { selection: readonly string[]; kind: 'arrowStart' }
  /** Shift+Enter: the focused shape joined, left, or began (kept) the selection. */
  | { selection: readonly string[]; kind: 'toggle'; id: string; change: SelectionToggle }
  /** Tab while building a selection: the focus is on `id`, chosen or not. */
  | { selection: readonly string[]; kind: 'focus'; id: string }
  /** « Verrouiller » or « Déverrouiller » on the chosen shapes. */
  | { selection: readonly string[]; kind: 'lock'; locked: boolean }
  /** « Aligner », « Répartir », « Ranger en grille » (ui/ArrangeMenu.tsx): what was done, in words. */
  | { selection: readonly string[]; kind: 'arrange'; words: string };

export type SelectionToggle = 'added' | 'removed' | 'kept';

export type SessionStore = StoreApi<SessionState>;

const EMPTY: ReadonlySet<string> = new Set();

export function createSessionStore(readOnly: boolean): SessionStore {
  return createStore<SessionState>(() => ({
    readOnly,
    tool: readOnly ? 'hand' : 'select',
    camera: DEFAULT_CAMERA,
    viewport: { width: 800, height: 600 },
    selection: [],
    editingId: null,
    marquee: null,
    guides: [],
    preview: null,
    draggingIds: EMPTY,
    style: {
      noteColor: 'yellow',
      penColor: 'black',
      penWidth: 4,
      shapeColor: 'black',
      stampKind: 'heart',
    },
    following: null,
    // On a phone the list starts folded: the canvas needs the room. A view link's too, at any
    // size: it is there to watch the board (a tablet's list took a quarter of the width and the
    // carton was fitted in what was left, low and to the left); « Personnes » opens it.
    peopleOpen: !readOnly && (typeof window === 'undefined' || window.innerWidth > 700),
    spacePan: false,
    toast: null,
    hoverCursor: null,
    hoverLocked: null,
    editingSeed: null,
    placedNoteId: null,
    keyboardNews: null,
    arrowStart: null,
    focusedShape: null,
    builtSelection: null,
    fittedCamera: null,
    lastInput: null,
    pinching: false,
  }));
}

/** Notes what the person just pressed with (see lastInput), only when it changed. */
export function noteInput(store: SessionStore, kind: InputKind): void {
  if (store.getState().lastInput !== kind) store.setState({ lastInput: kind });
}

/** Whether the view is still the last fit's own: nobody panned, zoomed or followed since. */
export function viewIsTheFit(state: Pick<SessionState, 'camera' | 'fittedCamera'>): boolean {
  return state.fittedCamera !== null && state.camera === state.fittedCamera;
}

/** Fits the whole board (`fit` sets the camera) and remembers the camera it set. */
export function fitAndRemember(store: SessionStore, fit: () => void): void {
  fit();
  store.setState((state) => ({ fittedCamera: state.camera }));
}

/** What tells of a phone turned: `matchMedia('(orientation: landscape)')`. */
export type Turns = Pick<MediaQueryList, 'addEventListener' | 'removeEventListener'>;

/**
 * A phone turned sideways or back fits the board again (held sideways, half of the carton
 * fitted upright sat under the toolbar), only while the view is still the last fit's own: once
 * the person has panned or zoomed, their view is theirs and a turn leaves it alone. The fit waits
 * for the new layout: it comes with the canvas's new size (a busy phone lays out in steps: each
 * step fits again while the view is still the fit's), or two frames after the turn if the size
 * changed first. Returns the stop.
 */
export function refitWhenTurned(store: SessionStore, fit: () => void, turns: Turns): () => void {
  let turned = false;
  let frame = 0;
  const refit = () => {
    if (!turned) return;
    if (viewIsTheFit(store.getState())) fitAndRemember(store, fit);
    else turned = false;
  };
  const onTurn = () => {
    turned = viewIsTheFit(store.getState());
    if (!turned) return;
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      frame = requestAnimationFrame(() => {
        frame = 0;
        refit();
      });
    });
  };
  const unsubscribe = store.subscribe((state, previous) => {
    if (state.viewport !== previous.viewport) refit();
  });
  // The turn is over at the person's next touch or key: a later resize (the keyboard opening
  // over a note being written) is not a turn.
  const done = () => {
    turned = false;
  };
  const page = typeof window === 'undefined' ? null : window;
  turns.addEventListener('change', onTurn);
  page?.addEventListener('pointerdown', done, true);
  page?.addEventListener('keydown', done, true);
  return () => {
    turns.removeEventListener('change', onTurn);
    page?.removeEventListener('pointerdown', done, true);
    page?.removeEventListener('keydown', done, true);
    unsubscribe();
    cancelAnimationFrame(frame);
  };
}

export const NO_DRAGGING = EMPTY;
