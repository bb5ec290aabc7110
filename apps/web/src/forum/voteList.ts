// « Voter en liste »: the notes of a dot vote as a list of words, for a phone where a wall of 60
// postcards draws each note ~10 px wide (its words unreadable without zooming to each one), and
// for a keyboard or a screen reader anywhere. Its dots are the canvas's own (VoteLayer's `act`,
// the same server path): this file only says what the list shows and what a press does.
import type { VoteState } from '@carton/board';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { BoardSession } from '../board/session';
import type { Outline } from '../outline/outline';
import { pageWindow, type PageWindow } from '../ui/pageWindow';
import { dotAction, type Dot, type DotAction } from './voteMode';

export interface VoteListNote {
  readonly shapeId: string;
  /** The note's whole words (the list wraps them; a button's name says its first 60). */
  readonly text: string;
  /** My dots on it. */
  readonly mine: number;
  /** Every participant's dots on it, or null while the vote hides them (see totalsShown). */
  readonly total: number | null;
}

export interface VoteListGroup {
  /** The carton's id, or null for the notes outside every carton. */
  readonly id: string | null;
  /** The carton's title; null outside every carton. */
  readonly title: string | null;
  readonly notes: readonly VoteListNote[];
}

/**
 * Whether the list shows every participant's dots: as the canvas's badges do, only once the vote
 * is closed. While it is open each person sees their own dots only — counts seen while voting
 * steer the votes still to come toward the ideas already ahead.
 */
export function totalsShown(vote: Pick<VoteState, 'state'>): boolean {
  return vote.state === 'closed';
}

/**
 * The notes that take dots, in the board's reading order (« Contenu »'s: cartons in the
 * projector's order, each read in rows, then the notes outside every carton) — never by count.
 * An empty note takes no dot (dotAction), so it is not listed.
 */
export function voteListGroups(
  outline: Outline,
  mine: ReadonlyMap<string, number>,
  totals: ReadonlyMap<string, number> | null,
): VoteListGroup[] {
  return outline.groups.flatMap((group) => {
    const notes = group.entries.flatMap((entry) =>
      entry.kind === 'note' && entry.text.trim() !== ''
        ? [
            {
              shapeId: entry.id,
              text: entry.text,
              mine: mine.get(entry.id) ?? 0,
              total: totals ? (totals.get(entry.id) ?? 0) : null,
            },
          ]
        : [],
    );
    if (notes.length === 0) return [];
    return [{ id: group.carton?.id ?? null, title: group.carton?.text ?? null, notes }];
  });
}

export type ListDotAction = DotAction | { kind: 'none'; reason: 'vote_closed' | 'none_to_take' };

/**
 * What « Donner un point » (`take` false) or « Retirer un point » (`take` true) does on a note of
 * the list: the canvas's rule (dotAction), and nothing once the vote is closed — the list stays
 * on screen to say so, and its buttons refuse.
 */
export function listDotAction(
  voteOpen: boolean,
  mine: readonly Dot[],
  remaining: number,
  target: Dot,
  take: boolean,
  emptyNote: boolean,
): ListDotAction {
  if (!voteOpen) return { kind: 'none', reason: 'vote_closed' };
  const holds = mine.some((d) => d.boardId === target.boardId && d.shapeId === target.shapeId);
  if (take && !holds) return { kind: 'none', reason: 'none_to_take' };
  return dotAction(mine, remaining, target, take, emptyNote);
}

/** A vote's counts (`<boardId>/<shapeId>` → dots) on this board's notes, by shape id. */
export function countsOnBoard(counts: VoteState['counts'], boardId: string): Map<string, number> {
  const prefix = `${boardId}/`;
  return new Map(
    Object.entries(counts)
      .filter(([key]) => key.startsWith(prefix))
      .map(([key, count]) => [key.slice(prefix.length), count] as const),
  );
}

export interface VoteListState {
  /**
   * The vote whose list is shown in place of its banner, or null. The vote's id, not a flag: a
   * list left open when its vote goes (another vote opened over the board) does not open by
   * itself over the next one.
   */
  open: string | null;
}

const stores = new WeakMap<BoardSession, StoreApi<VoteListState>>();

/** Whether « Voter en liste » is open on this board page: session state, one store per board. */
export function voteListStore(session: BoardSession): StoreApi<VoteListState> {
  let store = stores.get(session);
  if (!store) {
    store = createStore<VoteListState>(() => ({ open: null }));
    stores.set(session, store);
  }
  return store;
}

/**
 * Notes of the list drawn at first, and added each time its end comes near. A postcard wall of
 * 180 notes is drawn whole at once; a board of 3,000 notes no longer draws 6,000 buttons before
 * the list opens (« Contenu » pages its lines the same way, outline/window.ts).
 */
export const PAGE_NOTES = 200;

export type WindowedVoteList = PageWindow<VoteListGroup>;

/** The first `limit` notes of `groups`, in order (a group cut short keeps its first notes). */
export function windowNotes(groups: readonly VoteListGroup[], limit: number): WindowedVoteList {
  return pageWindow(
    groups,
    limit,
    (group) => group.notes.length,
    (group, room) => ({ ...group, notes: group.notes.slice(0, room) }),
  );
}
