// The forum room a board page opened (BoardForumKit), for what else on the page reads the day's
// votes without a socket of its own: the export dialog draws the closed vote's dots. Session
// state, one store per board page, never written anywhere.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardSession } from '../board/session';
import type { ForumRoom } from './room';

const stores = new WeakMap<BoardSession, StoreApi<ForumRoom | null>>();

export function boardRoomStore(session: BoardSession): StoreApi<ForumRoom | null> {
  let store = stores.get(session);
  if (!store) {
    store = createStore<ForumRoom | null>(() => null);
    stores.set(session, store);
  }
  return store;
}
