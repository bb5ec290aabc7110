// A board added to the forum while the page is open (« Ajouter un territoire », an import) joins
// a board choice ticked when the choice would have ticked it at the start: computed once, the
// vote's choice left a territory added during the forum out of the vote opened next. Only boards
// never listed before are ticked: one the facilitator unticked stays so, and one removed and
// brought back keeps the choice it had.
import { useEffect, useRef } from 'react';
import type { ForumBoard } from './api';

/** The ids of `boards` not in `listed`, for which `byDefault` holds; `listed` takes them all. */
function newlyListed(
  listed: Set<string>,
  boards: readonly ForumBoard[],
  byDefault: (board: ForumBoard) => boolean,
): string[] {
  const added = boards.filter((board) => !listed.has(board.id));
  for (const board of added) listed.add(board.id);
  return added.filter(byDefault).map((board) => board.id);
}

/** Ticks in `setChosen` each board newly in `boards` that `byDefault` (a stable function) ticks. */
export function useTickAdded(
  boards: readonly ForumBoard[],
  byDefault: (board: ForumBoard) => boolean,
  setChosen: (update: (current: Set<string>) => Set<string>) => void,
): void {
  const listed = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (listed.current === null) {
      // The boards of the first render: the choice's own default took them.
      listed.current = new Set(boards.map((board) => board.id));
      return;
    }
    const ticked = newlyListed(listed.current, boards, byDefault);
    if (ticked.length > 0) setChosen((current) => new Set([...current, ...ticked]));
  }, [boards, byDefault, setChosen]);
}
