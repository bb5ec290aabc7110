// Dot votes on the mosaic's tiles: which vote a tile shows, its total, and (once closed) each
// note's count drawn as a dot in the tile's SVG, in board units, so it sits on its note at any
// tile size. While a vote is open only the tile's total shows: the projected room does not see
// which notes lead before it has voted.
import { shapeBounds, type Box, type Shape, type VoteState } from '@carton/board';
import { activeVote, closedVote } from '../forum/voteMode';

/** The vote a tile shows: the open one over its board, else the newest, if closed. */
export function shownVote(votes: readonly VoteState[], boardId: string): VoteState | null {
  return activeVote(votes, boardId) ?? closedVote(votes, boardId);
}

/** Dots per note of one board in a vote (shape id → count). */
export function countsOnBoard(vote: VoteState, boardId: string): Map<string, number> {
  const prefix = `${boardId}/`;
  const out = new Map<string, number>();
  for (const [key, count] of Object.entries(vote.counts)) {
    if (key.startsWith(prefix) && count > 0) out.set(key.slice(prefix.length), count);
  }
  return out;
}

export function totalOnBoard(vote: VoteState, boardId: string): number {
  let total = 0;
  for (const count of countsOnBoard(vote, boardId).values()) total += count;
  return total;
}

/**
 * The total a tile says, or null for none: once a vote is closed, a tile without dots says
 * nothing — a red « 0 point » on every such tile was noise on the projector. While it is open,
 * « Vote : 0 point » tells the room this board is in the vote.
 */
export function shownTotal(vote: VoteState, boardId: string): number | null {
  const total = totalOnBoard(vote, boardId);
  return vote.state === 'closed' && total === 0 ? null : total;
}

/** A dot's radius in board units: ~30 px across on a projected tile of eight (scale ≈ 0.3). */
export const BADGE_RADIUS = 50;

/**
 * SVG for each counted note: a red dot with its count on the note's top-right corner, kept
 * inside the drawn area (`box`). Notes gone from the board are skipped.
 */
export function voteBadgesSvg(
  counts: ReadonlyMap<string, number>,
  shapes: readonly Shape[],
  box: Box,
): string {
  const r = BADGE_RADIUS;
  const parts: string[] = [];
  for (const shape of shapes) {
    const count = counts.get(shape.id);
    if (shape.type !== 'note' || !count) continue;
    const b = shapeBounds(shape);
    const cx = Math.min(b.x + b.w - r * 0.4, box.x + box.w - r);
    const cy = Math.max(b.y + r * 0.4, box.y + r);
    parts.push(
      `<g class="tile-vote" data-shape-id="${shape.id.replace(/[^\w:-]/g, '')}" data-count="${count}">` +
        `<circle cx="${cx}" cy="${cy}" r="${r}" fill="#b71c1c" stroke="#fff" stroke-width="8"/>` +
        `<text x="${cx}" y="${cy}" fill="#fff" font-size="${count > 99 ? 44 : 60}" font-weight="bold" text-anchor="middle" dominant-baseline="central">${count}</text>` +
        `</g>`,
    );
  }
  return parts.join('');
}

/** The tile's SVG with the badges drawn last (over the notes). */
export function withBadges(svg: string, badges: string): string {
  if (!badges) return svg;
  const end = svg.lastIndexOf('</svg>');
  return end < 0 ? svg : `${svg.slice(0, end)}${badges}\n${svg.slice(end)}`;
}
