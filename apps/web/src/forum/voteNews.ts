// An open vote, as the board's keyboard line and a note's announcement tell it: whether keys and
// clicks vote (« Revenir aux outils » leaves vote mode), and the dots on each note of this board.
// Written by the vote's banner (VoteLayer), read by the canvas; session state, one store per
// board page, never written anywhere.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardSession } from '../board/session';
import type { Translate } from '../ui/describeSelection';

export interface VoteNews {
  /** A vote is open on this board and its clicks and keys vote (Enter places a dot). */
  readonly voting: boolean;
  /** Shape id → every voter's dots on it, mine included; notes without dots are absent. */
  readonly counts: ReadonlyMap<string, number>;
  /** Shape id → my dots on it. */
  readonly mine: ReadonlyMap<string, number>;
}

const NONE: VoteNews = { voting: false, counts: new Map(), mine: new Map() };
const stores = new WeakMap<BoardSession, StoreApi<VoteNews>>();

export function voteNewsStore(session: BoardSession): StoreApi<VoteNews> {
  let store = stores.get(session);
  if (!store) {
    store = createStore<VoteNews>(() => NONE);
    stores.set(session, store);
  }
  return store;
}

/** No vote open (or it closed): nothing to say. */
export function clearVoteNews(session: BoardSession): void {
  voteNewsStore(session).setState(NONE, true);
}

/**
 * A note's dots in words while the vote is open: « 3 points, dont 1 à vous », « 1 point »,
 * « aucun point ». Its count may lag my own dot by a moment: it is never said below mine.
 */
export function describeDots(t: Translate, total: number, mine: number): string {
  const count = Math.max(total, mine);
  if (count === 0) return t('a11y.dots.none');
  const dots = t('a11y.dots.count', { count });
  return mine > 0 ? t('a11y.dots.withMine', { dots, mine }) : dots;
}
