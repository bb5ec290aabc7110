// Whether the help dialog is open on this board page, and where the focus goes back when it
// closes. Session state, one store per board (like « Contenu »'s), never written anywhere.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { focusCanvas } from '../board/navigate';
import type { BoardSession } from '../board/session';

export interface HelpState {
  open: boolean;
  /**
   * An open vote's banner holds the place above the toolbar (forum/VoteLayer): the first visit's
   * hint, drawn there too, would sit under it with its « Compris » out of reach, telling a newcomer
   * to add a Papillon while the room votes. It waits for the vote to end.
   */
  voteBanner: boolean;
}

const stores = new WeakMap<BoardSession, StoreApi<HelpState>>();
/** What had the focus before the dialog opened (the « Aide » button, the board). */
const returnFocus = new WeakMap<BoardSession, HTMLElement>();

export function helpStore(session: BoardSession): StoreApi<HelpState> {
  let store = stores.get(session);
  if (!store) {
    store = createStore<HelpState>(() => ({ open: false, voteBanner: false }));
    stores.set(session, store);
  }
  return store;
}

export function openHelp(session: BoardSession): void {
  const active = document.activeElement;
  if (active instanceof HTMLElement && active !== document.body) returnFocus.set(session, active);
  else returnFocus.delete(session);
  helpStore(session).setState({ open: true });
}

/** Closes the dialog and gives the focus back to what opened it (or to the board). */
export function closeHelp(session: BoardSession): void {
  helpStore(session).setState({ open: false });
  const back = returnFocus.get(session);
  returnFocus.delete(session);
  if (back?.isConnected) back.focus();
  else focusCanvas();
}
