// A closed vote's dots in the board's « Exporter » pictures (PNG, SVG, PDF): which vote, and
// which dots on which notes. The board shows the newest vote over it once closed, every note's
// count on a dark badge, to every link (VoteLayer); the forum archive's PNGs draw the same
// (server board-drawing.ts). The JSON export holds none: votes live in the forum document.
import type { VoteState } from '@carton/board';
import { closedVote } from '../forum/voteMode';
import { countsOnBoard } from '../plenary/tileVotes';

export interface ExportedVote {
  readonly id: string;
  readonly title: string;
  /** Shape id → dots, for the notes of this board that are still on it. */
  readonly dots: ReadonlyMap<string, number>;
  /** Every dot drawn on this board. */
  readonly total: number;
}

/**
 * The vote an export of this board may draw: the newest vote over it, once closed, as the board
 * shows it, if it left dots on notes still there. Null while that vote is open (its dots are
 * not the results yet, and the board shows none of the earlier vote's), or when there is none.
 */
export function exportedVote(
  votes: readonly VoteState[],
  boardId: string,
  isNote: (shapeId: string) => boolean,
): ExportedVote | null {
  const vote = closedVote(votes, boardId);
  if (!vote) return null;
  const dots = new Map([...countsOnBoard(vote, boardId)].filter(([id]) => isNote(id)));
  if (dots.size === 0) return null;
  let total = 0;
  for (const count of dots.values()) total += count;
  return { id: vote.id, title: vote.title, dots, total };
}
