// The vote on the projector: which closed vote to show, its counts drawn on the slide's notes
// (the same dark badges as the board) and the ranked list for the « Résultats du vote » slide.
import type { VoteState } from '@carton/board';
import { closedVote } from '../forum/voteMode';

/** Ranked list length on the results slide. */
export const RESULTS_SHOWN = 10;

/**
 * The closed vote to project: the newest vote over this board if it is closed; on the plenary
 * (the forum's shared room, where results are presented) the forum's newest vote if closed.
 */
export function projectedVote(
  votes: readonly VoteState[],
  boardId: string,
  plenary: boolean,
): VoteState | null {
  const own = closedVote(votes, boardId);
  if (own || !plenary) return own;
  const newest = votes[votes.length - 1];
  return newest?.state === 'closed' ? newest : null;
}

/** Dots per note of this board: the mosaic's tiles count them the same way. */
export { countsOnBoard } from '../plenary/tileVotes';

/** The same dark badges as the board's, drawn on the slide (also in the archive's PNGs). */
export { voteBadgesSvg, withBadges } from '@carton/render';
