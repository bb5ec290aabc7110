// The board page's chrome in two stacks, so no banner or panel lies over another at any size.
// At the bottom, up from the toolbar (however many rows it wraps to): the selection's panel, the
// vote's banner, « Vous suivez … » (the spotlight). At the top, down from the header and the
// forum kit: the facilitator's « Minuterie » when open, « Vous suivez … » (a person),
// « … présente un autre tableau », the storage notice.
// Each was placed by a guess of what lay under it (« 7.4rem: the toolbar's two rows »): a
// 390 px laptop window's toolbar took three rows under the vote's banner, the vote's banner
// covered the selection's panel at every size, and the presented-board notice covered
// « Vous suivez … » and the people list's edge at 800 × 600. Measured here instead, and given to
// CSS as variables on the root (panels.css places each piece with them).

/** One piece of a stack: its CSS variable and its measured extent along the stack (0: absent). */
export interface StackPiece {
  variable: string;
  size: number;
}

export interface StackPlaces {
  /** Each piece's variable → where it starts, from the screen's edge (px). */
  offsets: Map<string, number>;
  /** How far from the edge the stack reaches, its last piece's far side and a gap included. */
  reach: number;
}

/**
 * Where each piece starts, from the screen's edge: the first at `base`, each next one `gap`
 * past the previous piece that shows. An absent piece (size 0) takes no room, and the next one
 * takes its place.
 */
export function stackPlaces(base: number, pieces: readonly StackPiece[], gap: number): StackPlaces {
  const offsets = new Map<string, number>();
  let next = base + gap;
  for (const piece of pieces) {
    offsets.set(piece.variable, next);
    if (piece.size > 0) next += piece.size + gap;
  }
  return { offsets, reach: next };
}

/** Up from the toolbar's top, in this order. */
export const BOTTOM_STACK = [
  { variable: '--stack-panel', selector: '.editor > .style-panel' },
  { variable: '--stack-vote', selector: '.editor > .vote-banner' },
  { variable: '--stack-spotlight', selector: '.editor > .spotlight-banner:not(.elsewhere)' },
] as const;

/** Down from the header and the forum kit, in this order. */
export const TOP_STACK = [
  // On a phone it opened as a sheet above the toolbar's two rows, over the toolbar and the
  // vote's banner: under the kit it joins what opens there.
  { variable: '--stack-timer', selector: '.editor > .forum-kit-popover' },
  { variable: '--stack-following', selector: '.editor > .following' },
  { variable: '--stack-elsewhere', selector: '.editor > .spotlight-banner.elsewhere' },
  { variable: '--stack-notice', selector: 'body > .limit-banner' },
] as const;

/** Space between two pieces of a stack (px). */
export const STACK_GAP = 8;
