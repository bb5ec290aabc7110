// The room's vote on « Les incontournables » once they are on the plenary (C10). The forum page
// proposes that vote (« Vote par points » ticks the plenary alone, « Lancer le vote sur la
// liste ») only while it is still to run: once a vote over the plenary has been opened since the
// list was put there, a reload proposed the plenary again as if nothing had been voted, and a
// facilitator following the page would have run the room's vote twice. The page then says the
// list's vote was held (or is running), when, and leads to its results.
import { createContext } from 'react';
import type { VoteState } from '@carton/board';

/** Where the list is on the plenary, as this page knows it. */
export interface ListPlaced {
  readonly boardId: string;
  /**
   * The votes over that board already there when this page put the list on it: none of them is
   * the vote on this list. Null when the list was placed before the page opened (a reload, a
   * second facilitator's computer): the server then says when it was placed (`placedAt`).
   */
  readonly votesBefore: ReadonlySet<string> | null;
  /**
   * When the list was placed, as the server recorded it (server time, like a vote's
   * `openedAt`): a vote opened before it (a morning vote held over the plenary) is not the
   * list's. Absent or null when not known (an older server, an older forum or archive).
   */
  readonly placedAt?: number | null;
}

/**
 * The list's vote, open or closed: the newest vote over the list's board since its placing (any
 * vote over it when neither the votes before nor the placing's time are known).
 */
export function listVoteOf(
  votes: readonly VoteState[],
  placed: ListPlaced | null,
): VoteState | null {
  if (!placed) return null;
  let found: VoteState | null = null;
  for (const vote of votes) {
    if (!vote.boardIds.includes(placed.boardId) || placed.votesBefore?.has(vote.id)) continue;
    if (placed.placedAt != null && vote.openedAt < placed.placedAt) continue;
    if (!found || vote.openedAt >= found.openedAt) found = vote;
  }
  return found;
}

/** The ids of the votes over `boardId`: those a placing made now is not voted on by. */
export function votesOver(votes: readonly VoteState[], boardId: string): ReadonlySet<string> {
  return new Set(votes.filter((vote) => vote.boardIds.includes(boardId)).map((v) => v.id));
}

/** What the page says of the list's vote: its title, state and close time (no counts). */
export interface ListVote {
  readonly id: string;
  readonly title: string;
  readonly state: VoteState['state'];
  readonly closedAt: number | null;
}

/**
 * The list's vote for « Les incontournables »' section, which sits in a panel drawn again only
 * when its own props change (ForumPage): given through context so a dot given does not draw
 * the whole list again, only a change of the vote's state.
 */
export const ListVoteContext = createContext<ListVote | null>(null);
