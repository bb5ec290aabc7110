// Whether « Contenu » is open on this board page, and where the focus goes back when it
// closes. Session state, one store per board (like the page's own store), never written anywhere.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { focusCanvas } from '../board/navigate';
import type { BoardSession } from '../board/session';
import { ctrlCommandOf } from '../board/keyboardCtrl';

export interface OutlineState {
  open: boolean;
  /** Bumped by each Ctrl+F: the panel then focuses and selects its search field. */
  focusRequest: number;
}

const stores = new WeakMap<BoardSession, StoreApi<OutlineState>>();
/** What had the focus before the panel opened: Escape gives it back. */
const returnFocus = new WeakMap<BoardSession, HTMLElement>();

export function outlineStore(session: BoardSession): StoreApi<OutlineState> {
  let store = stores.get(session);
  if (!store) {
    store = createStore<OutlineState>(() => ({ open: false, focusRequest: 0 }));
    stores.set(session, store);
  }
  return store;
}

/** Ctrl+F or Cmd+F: on a board page, the board's own search rather than the browser's. */
export function isFindKey(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}): boolean {
  return ctrlCommandOf(e) === 'find';
}

/** Opens the panel (or, already open, goes back to its search field). */
export function openOutline(session: BoardSession): void {
  const store = outlineStore(session);
  const active = document.activeElement;
  const inPanel = active instanceof Element && active.closest('.outline-panel') !== null;
  if (active instanceof HTMLElement && active !== document.body && !inPanel) {
    returnFocus.set(session, active);
  }
  store.setState((s) => ({ open: true, focusRequest: s.focusRequest + 1 }));
}

/**
 * Closes the panel for another one opening in its place (the facilitator's « Versions »): the
 * focus goes where that panel puts it, not back to what had it before « Contenu ».
 */
export function dismissOutline(session: BoardSession): void {
  returnFocus.delete(session);
  if (outlineStore(session).getState().open) outlineStore(session).setState({ open: false });
}

/** Closes the panel and gives the focus back to what had it (the button, the board). */
export function closeOutline(session: BoardSession): void {
  outlineStore(session).setState({ open: false });
  const back = returnFocus.get(session);
  returnFocus.delete(session);
  if (back?.isConnected) back.focus();
  else focusCanvas();
}
