// Which boards « Les incontournables » ticks when it shows a saved list again. The server keeps
// the boards the last compilation took, not the ones it left out on purpose: a territory board
// added since is in neither, and restoring the saved list as is left it unticked, so the next
// compilation silently missed its notes. This device remembers the boards offered when the list
// was saved, so a board the saved list has never seen starts ticked.
import { useCallback, useRef, useState } from 'react';
import type { ForumBoard } from './api';
import { boardKindLabel } from './boardKind';

type ChoiceStorage = Pick<Storage, 'getItem' | 'setItem'>;

/**
 * C6's default: every board but the plenary and « Autre tableau » (the server's
 * defaultCompilationBoards).
 */
export const compiledByDefault = (board: ForumBoard): boolean =>
  board.kind !== 'plenary' && boardKindLabel(board) !== 'other';

const seenKey = (forumId: string) => `carton.compilation.seen.${forumId}`;

function pageStorage(): ChoiceStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The boards offered when this forum's list was last saved here; null if never saved here. */
export function loadSeenBoards(
  forumId: string,
  storage: ChoiceStorage | null = pageStorage(),
): Set<string> | null {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(seenKey(forumId)) ?? 'null');
    return Array.isArray(parsed)
      ? new Set(parsed.filter((id): id is string => typeof id === 'string'))
      : null;
  } catch {
    return null;
  }
}

/** Called when the list is saved (« Compiler »): every board the panel offered then. */
export function saveSeenBoards(
  forumId: string,
  boards: readonly ForumBoard[],
  storage: ChoiceStorage | null = pageStorage(),
): void {
  try {
    storage?.setItem(seenKey(forumId), JSON.stringify(boards.map((board) => board.id)));
  } catch {
    // A full or refused storage: the list-order rule below still applies.
  }
}

/**
 * The boards ticked for a saved list: those it took, and every board it has never seen that a
 * compilation takes by default. Seen = offered when the list was saved on this device; a list
 * saved on another device (nothing remembered here) has seen the boards up to its last one, as
 * boards are listed in the order they were added — a territory board listed after all of them
 * came later (the postcard wall, created with the forum, keeps its saved state).
 */
export function restoredChoice(
  boards: readonly ForumBoard[],
  saved: readonly string[],
  seen: ReadonlySet<string> | null,
): Set<string> {
  const chosen = new Set(saved);
  const lastSaved = boards.reduce((last, board, at) => (chosen.has(board.id) ? at : last), -1);
  boards.forEach((board, at) => {
    const neverSeen =
      seen !== null ? !seen.has(board.id) : board.kind === 'territory' && at > lastSaved;
    if (neverSeen && compiledByDefault(board)) chosen.add(board.id);
  });
  return chosen;
}

/**
 * The boards ticked; `choose` for the facilitator's own ticks, `restore` for the saved list's
 * boards: once the facilitator has ticked or unticked one, the saved list, arriving late on a
 * venue's wifi, no longer replaces that choice (a territory just unticked came back ticked).
 */
export function useBoardChoice(initial: () => Set<string>) {
  const [chosen, setChosen] = useState(initial);
  const touched = useRef(false);
  const choose = useCallback((next: Set<string>) => {
    touched.current = true;
    setChosen(next);
  }, []);
  const restore = useCallback((saved: Set<string>) => {
    if (!touched.current) setChosen(saved);
  }, []);
  return { chosen, setChosen, choose, restore };
}
