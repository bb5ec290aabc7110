// A phone held sideways keeps the selection's panel in one row that scrolls sideways (panels.css):
// « Réduire … Aligner » lay past the screen's edge with nothing saying so. Which edges hide
// something, and how far a tap on an edge's arrow scrolls. Pure; usePanelOverflow wires it.

export interface ScrollBox {
  scrollLeft: number;
  scrollWidth: number;
  clientWidth: number;
}

export interface OverflowEdges {
  /** Something is hidden past the left edge. */
  start: boolean;
  /** Something is hidden past the right edge. */
  end: boolean;
}

export const NO_OVERFLOW: OverflowEdges = { start: false, end: false };

/** Sub-pixel layout (zoomed phones) leaves a fraction of a pixel of scroll at either end. */
const SLACK = 2;

/** What lies past each edge of a row that scrolls sideways (`scrolls` false: it wraps instead). */
export function overflowEdges(box: ScrollBox, scrolls: boolean): OverflowEdges {
  if (!scrolls || box.scrollWidth - box.clientWidth <= SLACK) return NO_OVERFLOW;
  return {
    start: box.scrollLeft > SLACK,
    end: box.scrollLeft + box.clientWidth < box.scrollWidth - SLACK,
  };
}

/**
 * How far an edge's arrow scrolls: most of a screen, so what was at the far edge stays in sight
 * (under where the arrow stood) and what was hidden comes in; the browser stops at the end.
 */
export function scrollStep(box: ScrollBox, toward: 'start' | 'end', arrowWidth: number): number {
  const step = Math.max(box.clientWidth - 2 * arrowWidth, box.clientWidth / 2);
  return toward === 'end' ? step : -step;
}
