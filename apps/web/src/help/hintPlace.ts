// Where the first visit's hint goes. Above the toolbar, as everywhere, except on an upright phone
// whose first fit left a band of empty board between the header and the board, beside the
// floating people pill and « ? » (the fit puts a wide carton below those two, phoneFitAreas.ts):
// there, at 320 × 640, the hint above the toolbar covered the carton's notes until « Compris »,
// while the band above the carton stood empty. The hint goes in that band when it fits there whole.
import type { Rect } from '../geometry/rect';

/** Space kept between the hint and what stands around it, in CSS pixels. */
export const HINT_GAP = 8;
/** Narrower than this, the hint's sentence would take too many lines to read at a glance. */
const NARROWEST = 200;

/** What stands around the band, in page coordinates. */
export interface BandSurroundings {
  /** The header's pieces (and the forum kit's), each box where it is. */
  above: readonly Rect[];
  /** The floating people pill and « ? » together, or null where they do not float (wider). */
  controls: Rect | null;
  /** The board's top edge on the screen (its shapes through the camera), null for an empty board. */
  boardTop: number | null;
}

/**
 * The band between the header and the board, left of the floating controls, or null where there
 * is none wide and tall enough to hold a hint (no floating controls, an empty board, a board
 * fitted beside the controls reaching up to the header).
 */
export function bandAboveBoard(s: BandSurroundings): Rect | null {
  if (!s.controls || s.boardTop === null) return null;
  const left = HINT_GAP;
  const right = s.controls.x - HINT_GAP;
  if (right - left < NARROWEST) return null;
  // Below whatever of the header stands over the band's columns (its last row is often half
  // empty: the language button alone at the right, above the controls).
  const over = s.above.filter((r) => r.x < right && r.x + r.width > left && r.height > 0);
  const top = Math.max(0, ...over.map((r) => r.y + r.height)) + HINT_GAP;
  const bottom = s.boardTop - HINT_GAP;
  if (bottom - top <= 0) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/**
 * The band's surroundings as laid out now, in page coordinates: `controls` and `boardTop` are
 * given in the canvas's (measuredFloatingControls, the camera's screen).
 */
export function measuredSurroundings(
  boardTop: number | null,
  controls: Rect | null,
): BandSurroundings {
  const rect = (el: Element): Rect => {
    const r = el.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  };
  const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
  const dx = canvas?.left ?? 0;
  const dy = canvas?.top ?? 0;
  const above = [...document.querySelectorAll('.editor-header > *, .editor > .forum-kit > *')].map(
    rect,
  );
  return {
    above,
    controls: controls && { ...controls, x: controls.x + dx, y: controls.y + dy },
    boardTop: boardTop === null ? null : boardTop + dy,
  };
}

/**
 * The hint's height once laid out `width` pixels wide: a hidden copy beside it is measured, so the
 * shown hint never jumps between two places to find out.
 */
export function heightAtWidth(hint: HTMLElement, width: number): number {
  const copy = hint.cloneNode(true) as HTMLElement;
  copy.removeAttribute('aria-label');
  copy.setAttribute('aria-hidden', 'true');
  Object.assign(copy.style, {
    visibility: 'hidden',
    top: '0',
    bottom: 'auto',
    left: '0',
    transform: 'none',
    width: `${width}px`,
    maxWidth: `${width}px`,
  });
  copy.classList.add('help-hint-band');
  hint.parentElement?.appendChild(copy);
  const height = copy.getBoundingClientRect().height;
  copy.remove();
  return height;
}
