// « Vote par points » leaves the postcard wall unticked by default (the territories vote on their
// cartons). When « Les incontournables » hold ideas from the postcards, a vote meant for the list
// then misses them: the wall shows no vote banner and takes no dot. The forum page says so beside
// the choice rather than ticking the wall itself: a tick that appeared once the list was read
// would move under the facilitator's hand, and a vote on the territories' cartons alone is
// still a vote worth running.
import type { ForumBoard } from './api';

/**
 * The postcard walls the compiled list holds ideas from (an item's note on the wall: its
 * noteKey `<boardId>/<shapeId>`) that the vote about to open does not cover. None where the list
 * was put on a board the vote covers (« Mettre la liste sur la plénière »): the room votes on
 * the list's notes there, the wall's ideas among them; ticking the wall would split the dots.
 */
export function postcardsLeftOut(
  boards: readonly ForumBoard[],
  compiled: { readonly items: readonly { readonly notes: readonly unknown[] }[] } | null,
  chosen: ReadonlySet<string>,
  listPlacedOn: string | null = null,
): ForumBoard[] {
  if (!compiled) return [];
  if (listPlacedOn !== null && chosen.has(listPlacedOn)) return [];
  return boards.filter(
    (board) =>
      board.kind === 'postcards' &&
      !chosen.has(board.id) &&
      compiled.items.some((item) =>
        item.notes.some((note) => typeof note === 'string' && note.startsWith(`${board.id}/`)),
      ),
  );
}
