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
   * second facilitator's computer): the server says where the list is, not when it was placed,
   * so any vote over the plenary is taken for the list's.
   */
  readonly votesBefore: ReadonlySet<string> | null;
}

/** The list's vote, open or closed: the newest vote over the list's board since its placing. */
export function listVoteOf(
  votes: readonly VoteState[],
  placed: ListPlaced | null,
): VoteState | null {
  if (!placed) return null;
  let found: VoteState | null = null;
  for (const vote of votes) {
    if (!vote.boardIds.includes(placed.boardId) || placed.votesBefore?.has(vote.id)) continue;
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
