// The vote on the projector: which closed vote to show, its counts drawn on the slide's notes
// (the same dark badges as the board) and the ranked list for the « Résultats du vote » slide.
import type { Shape, VoteState } from '@carton/board';
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

const RADIUS = 24;

/** SVG badges at each counted note's top-right corner, in board units (the slide's viewBox). */
export function voteBadgesSvg(
  shapes: readonly Shape[],
  counts: ReadonlyMap<string, number>,
): string {
  let out = '';
  for (const shape of shapes) {
    const count = counts.get(shape.id);
    if (shape.type !== 'note' || !count) continue;
    const cx = shape.x + shape.w - 6;
    const cy = shape.y + 6;
    const text = String(Math.round(count));
    const w = Math.max(RADIUS * 2, text.length * 18 + 20);
    out +=
      `<g class="vote-badge" data-shape-id="${shape.id.replace(/[^A-Za-z0-9_-]/g, '')}" data-count="${text}">` +
      `<rect x="${cx - w / 2}" y="${cy - RADIUS}" width="${w}" height="${RADIUS * 2}" rx="${RADIUS}" fill="#1d2b3a" stroke="#fff" stroke-width="4"/>` +
      `<text x="${cx}" y="${cy + 10}" text-anchor="middle" font-family="sans-serif" font-weight="bold" font-size="28" fill="#fff">${text}</text></g>`;
  }
  return out;
}

/** The slide's SVG with the badges drawn last (on top of everything). */
export function withBadges(svg: string, badges: string): string {
  if (!badges) return svg;
  const end = svg.lastIndexOf('</svg>');
  return end < 0 ? svg : `${svg.slice(0, end)}${badges}${svg.slice(end)}`;
}
